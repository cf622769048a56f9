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
  request(target: ProviderTarget, model: string, texts: string[]): EmbeddingsCall;
  vectors(answer: unknown, count: number): number[][] | null;
}

function isObj(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function numbers(value: unknown): number[] | null {
  return Array.isArray(value) && value.every((n) => typeof n === 'number') ? value : null;
}

/**
 * OpenAI's `POST /v1/embeddings` (openai `resources/embeddings.d.ts`): `EmbeddingCreateParams`
 * `{ input: string[], model, encoding_format: 'float' }`, answered by `CreateEmbeddingResponse`
 * `{ data: Embedding[] }`, each `{ embedding: number[], index }`. Ollama and the compatible
 * servers answer the same route under their `/v1`.
 */
export const openAIEmbeddings: EmbeddingsWire = {
  // The SDK allows 2048 inputs (and 300,000 tokens) a request; 64 passages stay far inside both.
  batchSize: 64,
  request(target, model, texts) {
    const auth: Record<string, string> = target.apiKey
      ? { authorization: `Bearer ${target.apiKey}` }
      : {};
    return {
      url: `${target.profile.baseUrl.replace(/\/+$/, '')}/embeddings`,
      headers: { 'content-type': 'application/json', ...auth, ...target.headers },
      body: { model, input: texts, encoding_format: 'float' },
    };
  },
  vectors(answer, count) {
    if (!isObj(answer) || !Array.isArray(answer.data) || answer.data.length !== count) return null;
    const out: number[][] = new Array<number[]>(count);
    for (const [position, item] of answer.data.entries()) {
      if (!isObj(item)) return null;
      const vector = numbers(item.embedding);
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
    return out.length === count && out.every((v) => v !== null) ? (out as number[][]) : null;
  },
};
