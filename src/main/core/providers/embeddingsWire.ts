import { GEMINI_API_VERSION, geminiBaseUrl } from './geminiClient';
import type { ProviderTarget } from './types';

/** One embeddings request, ready for fetch. */
export interface EmbeddingsCall {
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * An embeddings API's wire (docs/ENGINE.md "Embeddings"): the request for a batch of texts and
 * the vectors read back from its answer, in the order of the texts; null when the answer does
 * not have the documented shape.
 */
export interface EmbeddingsWire {
  /** Most texts one request carries. */
  readonly batchSize: number;
  /**
   * Whether the API can send vectors as base64 Float32 bytes (`request(…, true)`): four bytes a
   * number instead of about twenty characters of JSON to parse. A server may refuse the field.
   */
  readonly base64: boolean;
  request(target: ProviderTarget, model: string, texts: string[], base64?: boolean): EmbeddingsCall;
  vectors(answer: unknown, count: number): Float32Array[] | null;
}

function isObj(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function numbers(value: unknown): Float32Array | null {
  return Array.isArray(value) && value.every((n) => typeof n === 'number')
    ? Float32Array.from(value)
    : null;
}

/**
 * A vector as either form: an array of numbers (asked for floats, or a server that ignores
 * `encoding_format`) or base64 of little-endian Float32 bytes (what the openai SDK decodes,
 * `toFloat32Array`). Buffer.from skips characters that are not base64, so a string that is not
 * wholly base64 decodes to fewer bytes than its length says and is refused by that count (no
 * pattern run over every vector). The bytes are copied into an aligned buffer of their own
 * (Buffer.from may share a pool at any offset).
 */
function vectorOf(value: unknown): Float32Array | null {
  if (typeof value !== 'string') return numbers(value);
  if (value.length === 0 || value.length % 4 !== 0) return null;
  const padding = value.endsWith('==') ? 2 : value.endsWith('=') ? 1 : 0;
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length !== (value.length / 4) * 3 - padding || bytes.length % 4 !== 0) return null;
  const out = new Float32Array(bytes.length / 4);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

/**
 * OpenAI's `POST /v1/embeddings` (openai `resources/embeddings.d.ts`): `EmbeddingCreateParams`
 * `{ input: string[], model, encoding_format: 'float' | 'base64' }`, answered by
 * `CreateEmbeddingResponse` `{ data: Embedding[] }`, each `{ embedding, index }`: `number[]`,
 * or with `base64` the Float32 bytes as base64 (`Base64EmbeddingResponse`; the SDK asks for it by
 * default, lib/embeddings.js). Ollama and the compatible servers answer the same route under
 * their `/v1`; one that ignores the field sends numbers, which are read as well.
 */
export const openAIEmbeddings: EmbeddingsWire = {
  // The SDK allows 2048 inputs (and 300,000 tokens) a request; 64 passages stay far inside both.
  batchSize: 64,
  base64: true,
  request(target, model, texts, base64 = false) {
    const auth: Record<string, string> = target.apiKey
      ? { authorization: `Bearer ${target.apiKey}` }
      : {};
    return {
      url: `${target.profile.baseUrl.replace(/\/+$/, '')}/embeddings`,
      headers: { 'content-type': 'application/json', ...auth, ...target.headers },
      body: { model, input: texts, encoding_format: base64 ? 'base64' : 'float' },
    };
  },
  vectors(answer, count) {
    if (!isObj(answer) || !Array.isArray(answer.data) || answer.data.length !== count) return null;
    const out = new Array<Float32Array>(count);
    for (const [position, item] of answer.data.entries()) {
      if (!isObj(item)) return null;
      const vector = vectorOf(item.embedding);
      const index = typeof item.index === 'number' ? item.index : position;
      if (!vector || index < 0 || index >= count) return null;
      out[index] = vector;
    }
    return out.every(Boolean) ? out : null;
  },
};

/**
 * Gemini's `models/{model}:batchEmbedContents` (@google/genai: `Models.embedContent` posts there
 * for the Gemini API, `embedContentParametersPrivateToMldev` writes `requests[]` of
 * `{ model: 'models/…', content: { parts: [{ text }] } }`), answered by `EmbedContentResponse`
 * `{ embeddings: ContentEmbedding[] }`, each `{ values: number[] }`, in the order asked.
 */
export const geminiEmbeddings: EmbeddingsWire = {
  // Our choice: the SDK states no limit; 64 is the same as OpenAI's here.
  batchSize: 64,
  // ContentEmbedding.values is number[] only.
  base64: false,
  request(target, model, texts) {
    const name = model.startsWith('models/') ? model : `models/${model}`;
    const auth: Record<string, string> = target.apiKey ? { 'x-goog-api-key': target.apiKey } : {};
    return {
      url: `${geminiBaseUrl(target.profile.baseUrl)}/${GEMINI_API_VERSION}/${name}:batchEmbedContents`,
      headers: { 'content-type': 'application/json', ...auth, ...target.headers },
      body: { requests: texts.map((text) => ({ model: name, content: { parts: [{ text }] } })) },
    };
  },
  vectors(answer, count) {
    if (!isObj(answer) || !Array.isArray(answer.embeddings)) return null;
    const out = answer.embeddings.map((item) => (isObj(item) ? numbers(item.values) : null));
    return out.length === count && out.every((v) => v !== null) ? (out as Float32Array[]) : null;
  },
};
