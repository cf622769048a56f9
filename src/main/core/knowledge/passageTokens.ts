import type { TextChunk } from './chunkText';

type Count = (text: string) => number;

/**
 * The most tokens an embedding input may hold, for every provider we index with: Gemini's
 * gemini-embedding-001 takes 2,048 (ai.google.dev/gemini-api/docs/models/gemini-embedding-001,
 * "Input token limit"), OpenAI's models 8,192 (openai `resources/embeddings.d.ts`,
 * `EmbeddingCreateParams.input`). Passages are cut far below it (400 tokens, chunkText): this
 * only stops a passage the fast count misjudged from being cut short by the server.
 */
export const INPUT_TOKEN_LIMIT = 2048;

/** Distinct words counted per pass before the table is started again (memory stays flat). */
const WORD_LIMIT = 100_000;

/**
 * A text's tokens counted word by word, each distinct word (with the space before it) counted
 * by the tokenizer once and then looked up: prose repeats its words, so a folder is tokenized
 * about once per distinct word rather than once per word. It equals the tokenizer's count when
 * its own split falls between words, as in prose; a run of spaces or newlines counts a token a
 * character (the tokenizer often merges them), so it errs high, never far low (tested in
 * passageTokens.test.ts). A word the tokenizer refuses (a special token's spelling such as
 * `<|endoftext|>`) counts as its UTF-8 bytes, which no byte-level BPE count exceeds.
 */
export function wordCounter(count: Count): Count {
  const words = new Map<string, number>();
  const one = (word: string): number => {
    let n = words.get(word);
    if (n !== undefined) return n;
    n = safeCount(count, word);
    if (words.size >= WORD_LIMIT) words.clear();
    words.set(word, n);
    return n;
  };
  return (text) => {
    // Cut before each whitespace character by a scan of char codes: no regex, no array.
    let total = 0;
    let start = 0;
    for (let i = 1; i < text.length; i += 1) {
      if (!isSpace(text.charCodeAt(i))) continue;
      total += one(text.slice(start, i));
      start = i;
    }
    return text.length ? total + one(text.slice(start)) : 0;
  };
}

/** JavaScript's `\s`: ASCII and Unicode spaces, line and paragraph separators, BOM. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return (
    c === 160 ||
    c === 5760 ||
    (c >= 8192 && c <= 8202) ||
    c === 8232 ||
    c === 8233 ||
    c === 8239 ||
    c === 8287 ||
    c === 12288 ||
    c === 65279
  );
}

/** The tokenizer's count, or the text's UTF-8 bytes when it refuses it (an upper bound). */
export function safeCount(count: Count, text: string): number {
  try {
    return count(text);
  } catch {
    return Buffer.byteLength(text);
  }
}

/**
 * Whether an input surely fits INPUT_TOKEN_LIMIT: a byte-level BPE token covers at least one
 * byte, so a text of no more bytes than the limit fits without counting; only a longer one is
 * counted exactly.
 */
function fits(text: string, exact: Count): boolean {
  if (text.length * 3 <= INPUT_TOKEN_LIMIT) return true; // a UTF-16 unit is at most 3 bytes
  if (Buffer.byteLength(text) <= INPUT_TOKEN_LIMIT) return true;
  return safeCount(exact, text) <= INPUT_TOKEN_LIMIT;
}

/**
 * Passages as they will be embedded (`input` adds the document's name and heading), each made to
 * fit INPUT_TOKEN_LIMIT by the exact tokenizer: one that does not is halved (at a space if it
 * has one) until its halves do.
 */
export function withinInputLimit(
  chunks: TextChunk[],
  input: (chunk: TextChunk) => string,
  exact: Count,
): TextChunk[] {
  return chunks.flatMap(function fit(chunk): TextChunk[] {
    if (fits(input(chunk), exact) || chunk.text.length < 2) return [chunk];
    const middle = chunk.text.length >> 1;
    const space = chunk.text.lastIndexOf(' ', middle);
    const cut = space > 0 ? space : middle;
    return [chunk.text.slice(0, cut), chunk.text.slice(cut)]
      .map((text) => ({ ...chunk, text: text.trim() }))
      .filter((c) => c.text)
      .flatMap(fit);
  });
}
