import { modelName, type OpenAiModelList } from './contextWindows';

type Count = (text: string) => number;

/** How a request's text is counted for one model. */
export interface Tokenizer {
  count: Count;
  /** The model's own tokenizer (OpenAI's models, through gpt-tokenizer), not an estimate. */
  exact: boolean;
  models: OpenAiModelList;
}

interface Tables {
  o200k: Count;
  cl100k: Count;
  models: OpenAiModelList;
  encodingOf: Readonly<Record<string, string | undefined>>;
}

let tables: Promise<Tables> | null = null;

/** Loaded on first use (the tables are large), once for the whole process. */
function loadTables(): Promise<Tables> {
  tables ??= Promise.all([
    import('gpt-tokenizer/encoding/o200k_base'),
    import('gpt-tokenizer/encoding/cl100k_base'),
    import('gpt-tokenizer/models'),
    import('gpt-tokenizer/mapping'),
  ]).then(([o200k, cl100k, models, mapping]) => ({
    o200k: o200k.countTokens,
    cl100k: cl100k.countTokens,
    models: models as unknown as OpenAiModelList,
    encodingOf: mapping.modelToEncodingMap as Record<string, string | undefined>,
  }));
  return tables;
}

/** Texts longer than this are counted from samples and scaled: an estimate, said as one. */
export const COUNTED_CHARS = 256 * 1024;
const SAMPLES = 8;
/** gpt-tokenizer's BPE costs the square of one run's length: longer runs are cut (cf. bounded). */
const LONG_RUN = /(\S{256})/;

/**
 * A count that cannot take minutes: gpt-tokenizer merges a run without whitespace (a sequence,
 * a minified line, "aaaa…") in time that grows with the square of its length (256 KB of letters
 * took 79 s), so such runs are counted in 256-character pieces (a few tokens off at each cut);
 * and a text past COUNTED_CHARS is counted from SAMPLES slices spread over it and scaled.
 */
export function bounded(count: Count): Count {
  const pieces = (text: string) =>
    LONG_RUN.test(text)
      ? text.split(LONG_RUN).reduce((sum, piece) => sum + (piece ? count(piece) : 0), 0)
      : count(text);
  return (text) => {
    if (text.length <= COUNTED_CHARS) return pieces(text);
    const slice = Math.floor(COUNTED_CHARS / SAMPLES);
    const step = (text.length - slice) / (SAMPLES - 1);
    let sampled = 0;
    for (let index = 0; index < SAMPLES; index += 1) {
      const start = Math.floor(index * step);
      sampled += pieces(text.slice(start, start + slice));
    }
    return Math.round((sampled * text.length) / (slice * SAMPLES));
  };
}

/** Whether bounded() estimates this text rather than counting it exactly. */
export function countIsEstimate(text: string): boolean {
  return text.length > COUNTED_CHARS || LONG_RUN.test(text);
}

/** Counting the same message again is a map read: a long chat is measured at every keystroke. */
const cache = new Map<string, number>();
const CACHE_LIMIT = 50_000;

function cached(count: Count, encoding: string): Count {
  return (text) => {
    // Short texts are quicker counted than looked up; huge ones are sampled, and not kept.
    if (text.length < 64 || text.length > COUNTED_CHARS) return count(text);
    const key = `${encoding}:${text.length}:${text}`;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const tokens = count(text);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, tokens);
    return tokens;
  };
}

/**
 * A model gpt-tokenizer lists (OpenAI's, wherever it is served: OpenAI, Azure, a router) is
 * counted with its own encoding; any other with o200k_base, marked as an estimate.
 */
export async function tokenizerFor(model: string): Promise<Tokenizer> {
  const t = await loadTables();
  const name = modelName(model);
  const openAi = t.models[name] !== undefined;
  const encoding = openAi ? (t.encodingOf[name] ?? 'o200k_base') : 'o200k_base';
  const count = bounded(encoding === 'cl100k_base' ? t.cl100k : t.o200k);
  return { count: cached(count, encoding), exact: openAi, models: t.models };
}

/**
 * The same count without the cache: indexing a folder counts each paragraph once, and caching
 * thousands of documents' paragraphs would only push the chat's own entries out (and keep
 * megabytes of text alive for the garbage collector).
 */
export async function uncachedTokenCount(model: string): Promise<Count> {
  const t = await loadTables();
  const name = modelName(model);
  const encoding =
    t.models[name] !== undefined ? (t.encodingOf[name] ?? 'o200k_base') : 'o200k_base';
  // Bounded too: a folder's minified file or a long sequence is one run without whitespace.
  return bounded(encoding === 'cl100k_base' ? t.cl100k : t.o200k);
}
