/**
 * A long highlighted code block cut into runs of lines, each laid out only near the view
 * (`content-visibility: auto`, markdown.css). A fast scroll over a 135-line block otherwise
 * styles and lays out its ~2,500 spans and text runs in one frame (30 ms and more); in runs of
 * 20 lines the frame takes only the lines it brings near the view. A run's height is exact
 * before it is laid out (its lines times the line height), so nothing moves when it is.
 */

/** Lines per run: a run is about 400 px of 13 px code. */
export const codeChunkLines = 20;

export interface CodeChunk {
  /** highlight.js HTML of these lines, its spans closed at the end and reopened in the next run
   * (chunkPlain: the lines as text). */
  html: string;
  lines: number;
}

const token = /<span[^>]*>|<\/span>|\n/g;

/**
 * Cuts highlight.js output into runs of `linesPerChunk` lines. A span that crosses a cut (a
 * multi-line string or comment) is closed before it and opened again after it, so each run is
 * well-formed and keeps its colours. The newline at a cut is dropped: the runs are blocks, and
 * the break between two blocks is that line break (copying the text keeps one newline there).
 */
export function chunkHighlighted(html: string, linesPerChunk = codeChunkLines): CodeChunk[] {
  const chunks: CodeChunk[] = [];
  const open: string[] = [];
  let start = 0;
  let lineStart = 0;
  let prefix = '';
  let lines = 1;
  for (const match of html.matchAll(token)) {
    const text = match[0];
    if (text === '</span>') open.pop();
    else if (text !== '\n') open.push(text);
    else {
      const cut = canEnd(lines, linesPerChunk) && hasText(html.slice(lineStart, match.index));
      lineStart = match.index + 1;
      if (!cut) {
        lines++;
        continue;
      }
      const body = html.slice(start, match.index);
      chunks.push({ html: prefix + body + '</span>'.repeat(open.length), lines });
      prefix = open.join('');
      start = match.index + 1;
      lines = 1;
    }
  }
  const rest = html.slice(start);
  // A final newline draws no line in a <pre>: a cut right before the end leaves nothing to show.
  if (chunks.length === 0 || hasText(rest)) chunks.push({ html: prefix + rest, lines });
  return chunks;
}

const hasText = (html: string) => html.replace(/<[^>]*>/g, '') !== '';

/**
 * Whether a run of `lines` lines may end here (after a line with text: an empty last line
 * would vanish, a block's last newline draws no line). Runs hold an even number of lines: a
 * line is 19.5 px (13 px at 1.5), and a run is painted on its own, at whole pixels; an odd run
 * would move the lines after it by half a pixel.
 */
const canEnd = (lines: number, linesPerChunk: number) => lines >= linesPerChunk && lines % 2 === 0;

/** Plain code (a language highlight.js does not know) cut the same way, as text. */
export function chunkPlain(code: string, linesPerChunk = codeChunkLines): CodeChunk[] {
  const chunks: CodeChunk[] = [];
  let run: string[] = [];
  for (const line of code.split('\n')) {
    if (canEnd(run.length, linesPerChunk) && run.at(-1) !== '') {
      chunks.push({ html: run.join('\n'), lines: run.length });
      run = [];
    }
    run.push(line);
  }
  if (run.length > 0) chunks.push({ html: run.join('\n'), lines: run.length });
  return chunks;
}
