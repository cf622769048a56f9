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

/** Counting the same message again is a map read: a long chat is measured at every keystroke. */
const cache = new Map<string, number>();
const CACHE_LIMIT = 50_000;

function cached(count: Count, encoding: string): Count {
  return (text) => {
    if (text.length < 64) return count(text);
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
  const count = encoding === 'cl100k_base' ? t.cl100k : t.o200k;
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
  return encoding === 'cl100k_base' ? t.cl100k : t.o200k;
}
