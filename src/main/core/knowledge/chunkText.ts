/** One passage of a document, under the heading it sits in (Markdown `#` lines). */
export interface TextChunk {
  heading: string | null;
  text: string;
}

export interface ChunkOptions {
  /** Counts a text's tokens (the app's tokenizer, context/tokenCounter.ts). */
  count: (text: string) => number;
  /** Most tokens a passage holds (default 400). */
  maxTokens?: number;
  /** Tokens of the previous passage repeated at the start of the next (default 60). */
  overlapTokens?: number;
}

interface Block {
  heading: string | null;
  text: string;
  tokens: number;
}

/** Paragraphs (blank-line separated), each under the latest Markdown heading before it. */
function blocksOf(text: string, count: (t: string) => number): Block[] {
  const blocks: Block[] = [];
  let heading: string | null = null;
  for (const raw of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const paragraph = raw.trim();
    if (!paragraph) continue;
    const title = /^#{1,6}\s+(.+)$/m.exec(paragraph.split('\n')[0] ?? '');
    if (title) heading = title[1]!.trim();
    blocks.push({ heading, text: paragraph, tokens: count(paragraph) });
  }
  return blocks;
}

/**
 * A paragraph longer than a passage, cut at sentence ends (or words, at worst) to fit. Pieces'
 * counts are summed rather than the growing text counted again: linear, and a token is rarely
 * shared across a sentence boundary.
 */
function splitLong(block: Block, max: number, count: (t: string) => number): Block[] {
  if (block.tokens <= max) return [block];
  const sentences = block.text.match(/[^.!?\n]+[.!?]*\s*|\n/g) ?? [block.text];
  const out: Block[] = [];
  let current = '';
  let tokens = 0;
  const flush = () => {
    if (current.trim()) out.push({ ...block, text: current.trim(), tokens });
    [current, tokens] = ['', 0];
  };
  for (const sentence of sentences) {
    const pieces = count(sentence) > max ? sentence.split(/(?<=\s)/) : [sentence];
    for (const piece of pieces) {
      const n = count(piece);
      if (current && tokens + n > max) flush();
      current += piece;
      tokens += n;
    }
  }
  flush();
  return out;
}

/** The end of a passage, about `tokens` long, to open the next one with (words' counts summed). */
function tail(text: string, tokens: number, count: (t: string) => number): string {
  if (tokens <= 0) return '';
  const words = text.split(/\s+/);
  let start = words.length;
  let sum = 0;
  while (start > 0) {
    const n = count(words[start - 1]!);
    if (sum + n > tokens) break;
    sum += n;
    start -= 1;
  }
  return words.slice(start).join(' ').trim();
}

/**
 * Passages of a document for embedding: whole paragraphs packed up to a token budget, a new
 * passage at a heading once the current one is half full (a passage about one section stays
 * about it; short sections share one), each opening with the end of the one before so a
 * sentence cut between two is found from either. A passage is named by its first heading.
 */
export function chunkText(text: string, options: ChunkOptions): TextChunk[] {
  const max = options.maxTokens ?? 400;
  const overlap = Math.min(options.overlapTokens ?? 60, Math.floor(max / 4));
  const { count } = options;
  const blocks = blocksOf(text, count).flatMap((b) => splitLong(b, max - overlap, count));
  const chunks: TextChunk[] = [];
  let parts: string[] = [];
  let tokens = 0;
  let fresh = false; // parts hold more than the overlap carried from the passage before
  let heading: string | null = null; // the passage's name: its first heading
  let section: string | null = null; // the heading the last paragraph sits under
  const flush = (carry: boolean) => {
    if (fresh) chunks.push({ heading, text: parts.join('\n\n') });
    const carried = carry && fresh ? tail(parts.join(' '), overlap, count) : '';
    parts = carried ? [carried] : [];
    tokens = carried ? count(carried) : 0;
    fresh = false;
  };
  for (const block of blocks) {
    // A new section opens a new passage unless the passage so far is short: small sections
    // are packed together rather than embedded as scraps.
    const newSection = block.heading !== section && fresh && tokens >= max / 2;
    if (newSection || tokens + block.tokens > max) flush(!newSection);
    if (!fresh || heading === null) heading = block.heading;
    section = block.heading;
    parts.push(block.text);
    tokens += block.tokens;
    fresh = true;
  }
  flush(false);
  return chunks;
}
