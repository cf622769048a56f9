/**
 * The built-in web_search tool's result as the tool step shows it to the person: the text the
 * model reads (main's searchResultText.ts, English by design, since the model reads it) read
 * back into its parts, so the step can list the pages in the person's language. Anything that
 * is not exactly that text (cut at the size limit, another tool's words) gives null, and the
 * step shows the text as it is.
 */
export interface ShownSearchHit {
  title: string;
  url: string;
  snippet: string;
}

export interface ShownSearchResults {
  label: string;
  query: string;
  hits: ShownSearchHit[];
}

const NONE = /^(.+?) found no results for "([\s\S]*)"\.$/;
const HEADER = /^(.+?) results for "([\s\S]*)":$/;
const FOOTER = '\n\nCite the pages you use by their number, like [1].';
const URL_LINE = '\nURL: ';

export function shownSearchResults(text: string): ShownSearchResults | null {
  const none = NONE.exec(text);
  if (none) return { label: none[1]!, query: none[2]!, hits: [] };
  if (!text.endsWith(FOOTER)) return null;
  const firstBlock = text.indexOf('\n\n[1] ');
  const header = firstBlock < 0 ? null : HEADER.exec(text.slice(0, firstBlock));
  if (!header) return null;
  const body = text.slice(firstBlock + 2, text.length - FOOTER.length);
  const hits: ShownSearchHit[] = [];
  let at = 0;
  for (let n = 1; at < body.length; n++) {
    const next = body.indexOf(`\n\n[${n + 1}] `, at);
    const block = body.slice(at, next < 0 ? body.length : next);
    const hit = hitOf(block, n);
    if (!hit) return null;
    hits.push(hit);
    at = next < 0 ? body.length : next + 2;
  }
  return { label: header[1]!, query: header[2]!, hits };
}

function hitOf(block: string, n: number): ShownSearchHit | null {
  const mark = `[${n}] `;
  const urlAt = block.indexOf(URL_LINE);
  if (!block.startsWith(mark) || urlAt < 0) return null;
  const rest = block.slice(urlAt + URL_LINE.length);
  const lineEnd = rest.indexOf('\n');
  return {
    title: block.slice(mark.length, urlAt),
    url: lineEnd < 0 ? rest : rest.slice(0, lineEnd),
    snippet: lineEnd < 0 ? '' : rest.slice(lineEnd + 1),
  };
}
