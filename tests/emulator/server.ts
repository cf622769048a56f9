import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { countPromptTokens, scriptFor } from './script';

export interface EmulatorOptions {
  port?: number;
  /** Default answer length and speed when the prompt names none. */
  defaultTokens?: number;
  defaultRate?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export interface Emulator {
  url: string;
  port: number;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

interface ChatBody {
  model?: string;
  stream?: boolean;
  messages?: { role: string; content: string }[];
  stream_options?: { include_usage?: boolean };
}

/**
 * A provider emulator on 127.0.0.1 speaking the OpenAI Chat Completions dialect, streamed and
 * not. Every loop in it is bounded and ends when the client goes away.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const requests: RecordedRequest[] = [];
  const defaults = { tokens: options.defaultTokens ?? 40, rate: options.defaultRate ?? 200 };
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      let body: unknown = null;
      try {
        body = raw ? JSON.parse(raw) : null;
      } catch {
        body = raw;
      }
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      requests.push({ method: req.method ?? 'GET', path, headers: req.headers, body });
      if (req.method === 'POST' && path.endsWith('/chat/completions')) {
        void answerChat(body as ChatBody, res, defaults);
      } else if (req.method === 'GET' && path.endsWith('/models')) {
        sendJson(res, 200, { object: 'list', data: [{ id: 'emu-1', object: 'model', owned_by: 'emulator' }] });
      } else {
        sendJson(res, 404, { error: { message: `No route ${req.method} ${path}`, type: 'invalid_request_error' } });
      }
    });
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((socket) => socket.destroy());
        server.close(() => resolve());
      }),
  };
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': `req_emu_${Date.now()}` });
  res.end(JSON.stringify(value));
}

async function answerChat(body: ChatBody, res: ServerResponse, defaults: { tokens: number; rate: number }) {
  const messages = body?.messages ?? [];
  const prompt = [...messages].reverse().find((m) => m.role === 'user')?.content ?? '';
  const script = scriptFor(prompt, defaults);
  const model = body?.model ?? 'emu-1';
  const id = `chatcmpl-emu${Date.now().toString(36)}`;
  const created = Math.floor(Date.now() / 1000);
  const usage = {
    prompt_tokens: countPromptTokens(messages.map((m) => m.content)),
    completion_tokens: script.tokens.length,
    total_tokens: 0,
  };
  usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;

  if (!body?.stream) {
    sendJson(res, 200, {
      id,
      object: 'chat.completion',
      created,
      model,
      choices: [{ index: 0, message: { role: 'assistant', content: script.tokens.join('') }, finish_reason: script.finishReason }],
      usage,
    });
    return;
  }

  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-request-id': `req_emu_${created}` });
  let closed = false;
  res.on('close', () => (closed = true));
  const chunk = (delta: object, finish: string | null, extra: object = {}) =>
    `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finish }], ...extra })}\n\n`;

  res.write(chunk({ role: 'assistant', content: '' }, null));
  const intervalMs = script.rate > 0 ? 1000 / script.rate : 0;
  const started = performance.now();
  for (let i = 0; i < script.tokens.length && !closed; i++) {
    res.write(chunk({ content: script.tokens[i] }, null));
    const due = started + (i + 1) * intervalMs;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    else if (i % 256 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  if (closed) return;
  res.write(chunk({}, script.finishReason));
  if (body.stream_options?.include_usage) {
    res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [], usage })}\n\n`);
  }
  res.end('data: [DONE]\n\n');
}
