import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { faultResponse, type Dialect } from './faults';
import { sendJson } from './openaiDialect';
import { holdSilently } from './silence';

/**
 * Embeddings in both dialects the app calls (src/main/core/providers/embeddingsWire.ts):
 * - OpenAI and compatible servers: POST …/v1/embeddings `{model, input: string[]}` →
 *   `{object:'list', data:[{object:'embedding', index, embedding}], model, usage}`;
 * - Gemini: POST /v1beta/models/{model}:batchEmbedContents `{requests:[{model, content:{parts}}]}`
 *   → `{embeddings:[{values}]}`.
 * Vectors are a hashed bag of words (stop words left out; each word adds ±1 at two places of EMBED_DIMENSIONS),
 * normalized: deterministic, and texts sharing words are near, so a question finds its document.
 * Faults ride in the model name: `…-fault401`, `-fault429`, `-fault500` (with `x2`: the first two
 * requests only, e.g. `emu-embed-fault500x1`; with `afterN`: from request N+1 on), `-hang` (never a byte), `-slow50` (50 ms a request).
 * OpenAI's `encoding_format: 'base64'` is answered with each vector's little-endian Float32 bytes
 * as base64 (openai `resources/embeddings.d.ts`, `EmbeddingCreateParams.encoding_format`;
 * the SDK's `toFloat32Array` reads them back), unless the model says `-floatonly` (a server that
 * ignores the field: numbers) or `-nobase64` (one that refuses it: 400).
 */
export const EMBED_DIMENSIONS = 256;

export interface EmbeddingsCall {
  dialect: Extract<Dialect, 'openai' | 'gemini'>;
  /** The model from the path (Gemini), or null: read from the body (OpenAI). */
  model: string | null;
}

export function embeddingsCall(method: string | undefined, path: string): EmbeddingsCall | null {
  if (method !== 'POST') return null;
  if (path.endsWith('/embeddings')) return { dialect: 'openai', model: null };
  const gemini = /^\/v1beta\/models\/([^/:]+):batchEmbedContents$/.exec(path);
  return gemini ? { dialect: 'gemini', model: decodeURIComponent(gemini[1]!) } : null;
}

function wordHash(word: string): [number, number, number] {
  const digest = createHash('md5').update(word).digest();
  return [digest.readUInt16LE(0), digest.readUInt16LE(2), digest[4]! & 1 ? 1 : -1];
}

/** Words that say little about what a text is about; a real model gives them little weight too. */
const STOP_WORDS = new Set(
  'a an and are as at be by for from has have how in is it its of on or the this to was what when where which who why with'.split(
    ' ',
  ),
);

const hashes = new Map<string, [number, number, number]>();

/** The emulator's vector for a text (exported so the benchmark can time the same work). */
export function embedText(text: string): number[] {
  const vector = new Array<number>(EMBED_DIMENSIONS).fill(0);
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (STOP_WORDS.has(word)) continue;
    let hash = hashes.get(word);
    if (!hash) {
      hash = wordHash(word);
      if (hashes.size < 200_000) hashes.set(word, hash);
    }
    vector[hash[0] % EMBED_DIMENSIONS]! += hash[2];
    vector[hash[1] % EMBED_DIMENSIONS]! += 0.5 * hash[2];
  }
  const norm = Math.hypot(...vector) || 1;
  return vector.map((v) => v / norm);
}

function inputsOf(call: EmbeddingsCall, body: unknown): string[] | null {
  const b = (body ?? {}) as { input?: unknown; requests?: unknown };
  if (call.dialect === 'openai') {
    const input = typeof b.input === 'string' ? [b.input] : b.input;
    return Array.isArray(input) && input.every((i) => typeof i === 'string') ? input : null;
  }
  if (!Array.isArray(b.requests)) return null;
  const texts = (b.requests as { content?: { parts?: { text?: unknown }[] } }[]).map((r) =>
    (r.content?.parts ?? []).map((p) => (typeof p.text === 'string' ? p.text : '')).join(''),
  );
  return texts;
}

/** Answers one embeddings request (after the key was checked), faults and pace included. */
export async function answerEmbeddings(
  res: ServerResponse,
  call: EmbeddingsCall,
  body: unknown,
  seen: Map<string, number>,
): Promise<void> {
  const model = call.model ?? String((body as { model?: unknown } | null)?.model ?? '');
  const fault = /-fault(\d{3})(?:x(\d+))?(?:after(\d+))?/.exec(model);
  const count = (seen.get(`embed\u0000${model}`) ?? 0) + 1;
  seen.set(`embed\u0000${model}`, count);
  const after = Number(fault?.[3] ?? 0);
  if (fault && count > after && count <= after + Number(fault[2] ?? Infinity)) {
    const response = faultResponse(call.dialect, fault[1]!, model, {});
    if (response) {
      res.writeHead(response.status, response.headers);
      return void res.end(response.body);
    }
  }
  if (/-hang\b/.test(model)) return holdSilently(res);
  const slow = /-slow(\d+)/.exec(model);
  if (slow) await new Promise((resolve) => setTimeout(resolve, Number(slow[1])));
  const texts = inputsOf(call, body);
  if (!texts || texts.some((t) => !t))
    return sendJson(res, 400, {
      error: { message: 'input must be non-empty strings', type: 'invalid_request_error' },
    });
  const format = (body as { encoding_format?: unknown } | null)?.encoding_format;
  const base64 = call.dialect === 'openai' && format === 'base64' && !/-floatonly\b/.test(model);
  if (base64 && /-nobase64\b/.test(model))
    return sendJson(res, 400, {
      error: { message: "Unsupported value: 'encoding_format'", type: 'invalid_request_error' },
    });
  const vectors = texts.map(embedText);
  if (call.dialect === 'gemini')
    return sendJson(res, 200, { embeddings: vectors.map((values) => ({ values })) });
  const tokens = texts.reduce((n, t) => n + Math.ceil(t.length / 4), 0);
  sendJson(res, 200, {
    object: 'list',
    data: vectors.map((numbers, index) => ({
      object: 'embedding',
      index,
      embedding: base64 ? float32Base64(numbers) : numbers,
    })),
    model,
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  });
}

/** A vector as base64 of its Float32 bytes, little-endian (as OpenAI sends `base64`). */
function float32Base64(numbers: number[]): string {
  const floats = Float32Array.from(numbers);
  return Buffer.from(floats.buffer, floats.byteOffset, floats.byteLength).toString('base64');
}
