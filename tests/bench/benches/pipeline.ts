import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import OpenAI from 'openai';
import { ChatService } from '../../../src/main/core/chat/ChatService';
import { StreamCoalescer } from '../../../src/main/core/chat/StreamCoalescer';
import { ExchangeRecorder } from '../../../src/main/core/providers/exchange';
import { streamChat } from '../../../src/main/core/providers/streamChat';
import { openStore } from '../../../src/main/core/store/Store';
import type { ProviderTarget } from '../../../src/main/core/providers/types';
import type { Bench } from '../types';
import { fixedProfiles } from '../../support/fixedProfiles';

const root = resolve(import.meta.dirname, '../../..');
/** The stream's size and the rounds measured; npm run test:bench only proves the path runs. */
interface Size {
  chunks: number;
  rounds: number;
  liveRounds: number;
  ipcSeconds: number;
}
const QUICK: Size = { chunks: 2_000, rounds: 1, liveRounds: 1, ipcSeconds: 1 };
const promptFor = (size: Size) => `Bench [tokens=${size.chunks} rate=0]`;
/**
 * Interleaved rounds of CPU time in this process (the emulator runs in another). The ratio is
 * the median of the per-round ratios: adjacent runs share the machine's load at that moment,
 * which on a shared 2-core box matters more than anything we measure.
 */
const FULL: Size = { chunks: 100_000, rounds: 9, liveRounds: 3, ipcSeconds: 3 };

/** The emulator in its own process, so serving the stream does not share our event loop. */
async function startEmulatorProcess(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [join(root, 'node_modules/tsx/dist/cli.mjs'), 'tests/emulator/main.ts', '--port', '0'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolvePromise, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`emulator did not start: ${out}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /ready at (\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolvePromise(match[1]);
      }
    });
  });
  return { url, child };
}

/**
 * The emulator's stream recorded once, then replayed from memory in network-sized reads to
 * both sides: the same bytes, and nothing but client work in the timing (the machine is shared).
 */
async function recordStream(url: string, prompt: string): Promise<Uint8Array> {
  const response = await fetch(`${url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'emu-1',
      messages: [{ role: 'user', content: prompt }],
      stream: true,
      stream_options: { include_usage: true },
    }),
  });
  return new Uint8Array(await response.arrayBuffer());
}

function replayFetch(bytes: Uint8Array): typeof fetch {
  const readSize = 16 * 1024;
  return async () => {
    let offset = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(bytes.subarray(offset, offset + readSize));
        offset += readSize;
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
  };
}

/** The baseline: the official SDK's own loop, nothing else. */
interface Timed {
  /** Wall time, and this process's CPU time (the emulator runs in another process). */
  ms: number;
  cpuMs: number;
  chunks: number;
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

async function bareSdk(url: string, prompt: string, fetchImpl?: typeof fetch): Promise<Timed> {
  const client = new OpenAI({
    apiKey: 'bench-key',
    baseURL: url,
    maxRetries: 0,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
  const started = performance.now();
  const cpu = process.cpuUsage();
  const stream = await client.chat.completions.create({
    model: 'emu-1',
    messages: [{ role: 'user', content: prompt }],
    stream: true,
    stream_options: { include_usage: true },
  });
  let chunks = 0;
  let text = '';
  for await (const chunk of stream) {
    const content = chunk.choices[0]?.delta?.content;
    if (content) {
      text += content;
      chunks++;
    }
  }
  return { ms: performance.now() - started, cpuMs: cpuMs(cpu), chunks: text ? chunks : 0 };
}

/** Ours: the engine (normalization, timing, rate limits) and the coalescer that feeds IPC. */
async function ourPath(
  url: string,
  prompt: string,
  capture: boolean,
  fetchImpl?: typeof fetch,
): Promise<Timed> {
  const target: ProviderTarget = {
    profile: { id: 'b', name: 'b', type: 'openai', baseUrl: url, defaultModel: 'emu-1' },
    apiKey: 'bench-key',
  };
  let batches = 0;
  const coalescer = new StreamCoalescer(() => batches++);
  const started = performance.now();
  const cpu = process.cpuUsage();
  let chunks = 0;
  const request = { model: 'emu-1', messages: [{ role: 'user' as const, content: prompt }] };
  const options = {
    ...(capture ? { observer: new ExchangeRecorder() } : {}),
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  };
  for await (const event of streamChat(target, request, options)) {
    if (event.type === 'text') chunks++;
    coalescer.push(event);
  }
  coalescer.flush();
  return { ms: performance.now() - started, cpuMs: cpuMs(cpu), chunks: batches > 0 ? chunks : 0 };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const min = (values: number[]) => Math.min(...values);

/** IPC messages per second reaching the renderer for one stream at a given token rate. */
async function ipcRate(url: string, tokensPerSecond: number, seconds: number) {
  const arrivals: number[] = [];
  let tokens = 0;
  // The real path saves the answer as it streams: a throwaway database, as a first run would have.
  const store = openStore({ dataDir: mkdtempSync(join(tmpdir(), 'sb-bench-ipc-')) });
  const chat = new ChatService({
    store,
    autoTitle: false,
    profiles: fixedProfiles([
      {
        profile: { id: 'b', name: 'b', type: 'openai', baseUrl: url, defaultModel: 'emu-1' },
        apiKey: 'bench-key',
      },
    ]),
    emit: (event, payload) => {
      if (event !== 'chatStream' || !('events' in payload)) return;
      arrivals.push(performance.now());
      for (const e of payload.events) if (e.type === 'text') tokens += e.text.split(' ').length - 1;
    },
  });
  chat.send({ text: `IPC [tokens=${tokensPerSecond * seconds} rate=${tokensPerSecond}]` });
  await chat.idle();
  store.close();
  const spanSeconds = (arrivals.at(-1)! - arrivals[0]!) / 1000;
  return {
    eventsPerSecond: (arrivals.length - 1) / spanSeconds,
    tokensPerSecond: tokens / spanSeconds,
    events: arrivals.length,
  };
}

const bench: Bench = {
  name: 'pipeline',
  description: `${FULL.chunks / 1000}k chunks through streamChat + coalescer vs a bare openai SDK loop over the same emulator stream (recorded, replayed; then live); IPC events/s at 5k tokens/s`,
  async run(log, options) {
    const size = options.quick ? QUICK : FULL;
    const CHUNKS = size.chunks;
    const prompt = promptFor(size);
    const { url, child } = await startEmulatorProcess();
    try {
      const replay = replayFetch(await recordStream(url, prompt));
      // Warm both paths (JIT) before measuring.
      await bareSdk(url, prompt, replay);
      await ourPath(url, prompt, false, replay);
      const sdk: Timed[] = [];
      const ours: Timed[] = [];
      const captured: Timed[] = [];
      const check = (...runs: Timed[]) => {
        if (runs.some((r) => r.chunks < CHUNKS - 2))
          throw new Error(`short stream: ${runs.map((r) => r.chunks).join(', ')}`);
      };
      for (let round = 0; round < size.rounds; round++) {
        // Interleaved, so machine noise hits both sides alike.
        const a = await bareSdk(url, prompt, replay);
        const b = await ourPath(url, prompt, false, replay);
        const c = await ourPath(url, prompt, true, replay);
        check(a, b, c);
        sdk.push(a);
        ours.push(b);
        captured.push(c);
        log(
          `replay ${round + 1} (cpu ms): sdk ${a.cpuMs.toFixed(0)}, ours ${b.cpuMs.toFixed(0)}, ours+capture ${c.cpuMs.toFixed(0)}`,
        );
      }
      // Then over the live loopback emulator, end to end: fewer rounds, each a whole stream.
      const liveSdk: Timed[] = [];
      const liveOurs: Timed[] = [];
      for (let round = 0; round < size.liveRounds; round++) {
        const a = await bareSdk(url, prompt);
        const b = await ourPath(url, prompt, false);
        check(a, b);
        liveSdk.push(a);
        liveOurs.push(b);
        log(`live ${round + 1} (cpu ms): sdk ${a.cpuMs.toFixed(0)}, ours ${b.cpuMs.toFixed(0)}`);
      }
      const ipc = await ipcRate(url, 5000, size.ipcSeconds);
      log(`ipc: ${ipc.events} batches, ${ipc.tokensPerSecond.toFixed(0)} tokens/s delivered`);
      const cpu = (runs: Timed[]) => runs.map((r) => r.cpuMs);
      const wall = (runs: Timed[]) => runs.map((r) => r.ms);
      return {
        metrics: {
          chunks: CHUNKS,
          sdkMinCpuMs: min(cpu(sdk)),
          oursMinCpuMs: min(cpu(ours)),
          oursWithCaptureMinCpuMs: min(cpu(captured)),
          sdkMedianWallMs: median(wall(sdk)),
          oursMedianWallMs: median(wall(ours)),
          liveSdkMedianCpuMs: median(cpu(liveSdk)),
          liveOursMedianCpuMs: median(cpu(liveOurs)),
          ipcEventsPerSecondAt5kTokensPerSecond: ipc.eventsPerSecond,
          deliveredTokensPerSecond: ipc.tokensPerSecond,
        },
        ratios: {
          oursVsBareSdk: median(ours.map((r, i) => r.cpuMs / sdk[i]!.cpuMs)),
          oursVsBareSdkMinCpu: min(cpu(ours)) / min(cpu(sdk)),
          oursWithCaptureVsBareSdk: median(captured.map((r, i) => r.cpuMs / sdk[i]!.cpuMs)),
          liveOursVsBareSdk: median(liveOurs.map((r, i) => r.cpuMs / liveSdk[i]!.cpuMs)),
        },
        goals: {
          oursVsBareSdk: { max: 1.1 },
          ipcEventsPerSecondAt5kTokensPerSecond: { max: 60 },
        },
      };
    } finally {
      child.kill();
    }
  },
};

export default bench;
