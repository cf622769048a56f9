/**
 * The providers' own web search tools, as the emulator answers them when a request offers one
 * (docs/ENGINE.md "Web search" cites each shape): fixed results for the question, so a test
 * knows which sources to expect. Responses: a `web_search_call` item, then `url_citation`
 * annotations; Anthropic: `server_tool_use` and `web_search_tool_result` blocks, then
 * `citations_delta` on the text and `usage.server_tool_use`; Gemini: `groundingMetadata` on
 * the last candidate. `search_sources=N` (the prompt's directive) says how many (default 2).
 */
import { parseDirectives } from './script';

export interface SearchSource {
  url: string;
  title: string;
}

export function searchSources(prompt: string): SearchSource[] {
  const count = Number(parseDirectives(prompt).search_sources ?? 2);
  return Array.from({ length: Number.isFinite(count) ? count : 2 }, (_, i) => ({
    url: `https://source${i + 1}.example/page?n=${i + 1}`,
    title: `Source ${i + 1} title`,
  }));
}

/** The query the search "ran": the question without its directives. */
function queryOf(prompt: string): string {
  return prompt.replace(/\[[^\]]*\]/g, '').trim() || 'search';
}

// ---- OpenAI Responses ----

export function offersResponsesSearch(tools: { type?: string }[] | undefined): boolean {
  return (tools ?? []).some((t) => t.type === 'web_search' || t.type === 'web_search_2025_08_26');
}

export function webSearchCallItem(id: string, prompt: string, status = 'completed') {
  return {
    type: 'web_search_call',
    id,
    status,
    action: { type: 'search', query: queryOf(prompt) },
  };
}

export function urlCitations(prompt: string) {
  return searchSources(prompt).map((source) => ({
    type: 'url_citation',
    url: source.url,
    title: source.title,
    start_index: 0,
    end_index: 1,
  }));
}

type Send = (type: string, fields: Record<string, unknown>) => Promise<void>;

/** ResponseWebSearchCall*Event, then the item done (output index 0: it runs before the text). */
export async function streamResponsesSearch(id: string, prompt: string, send: Send) {
  const at = { output_index: 0, item_id: id };
  await send('response.output_item.added', {
    output_index: 0,
    item: webSearchCallItem(id, prompt, 'in_progress'),
  });
  await send('response.web_search_call.in_progress', at);
  await send('response.web_search_call.searching', at);
  await send('response.web_search_call.completed', at);
  await send('response.output_item.done', { output_index: 0, item: webSearchCallItem(id, prompt) });
}

/** ResponseOutputTextAnnotationAddedEvent for each source, after the text's first piece. */
export async function streamUrlCitations(
  prompt: string,
  at: { item_id: string; output_index: number },
  send: Send,
) {
  for (const [annotation_index, annotation] of urlCitations(prompt).entries())
    await send('response.output_text.annotation.added', {
      ...at,
      content_index: 0,
      annotation_index,
      annotation,
    });
}

// ---- Anthropic ----

export function offersAnthropicSearch(tools: { type?: string }[] | undefined): boolean {
  return (tools ?? []).some((t) => t.type?.startsWith('web_search_') === true);
}

/** The two blocks of one search: the server's call, and its results. */
export function anthropicSearchBlocks(prompt: string, id: string) {
  return [
    { type: 'server_tool_use', id, name: 'web_search', input: { query: queryOf(prompt) } },
    {
      type: 'web_search_tool_result',
      tool_use_id: id,
      content: searchSources(prompt).map((source) => ({
        type: 'web_search_result',
        url: source.url,
        title: source.title,
        encrypted_content: 'EqgfCioIARgBIiQ3YTAwMjY1Mi1mZjM5',
        page_age: null,
      })),
    },
  ];
}

export function anthropicCitations(prompt: string) {
  return searchSources(prompt).map((source) => ({
    type: 'web_search_result_location',
    url: source.url,
    title: source.title,
    cited_text: 'Cited text',
    encrypted_index: 'Eo8BCioIAhgBIiQyYjQ0',
  }));
}

type SendBlock = (type: string, data: object) => Promise<void>;

/** The call (its input as JSON pieces) and the result block, from `first`; returns the next index. */
export async function streamAnthropicSearch(
  prompt: string,
  id: string,
  first: number,
  send: SendBlock,
): Promise<number> {
  const [call, result] = anthropicSearchBlocks(prompt, id);
  await send('content_block_start', { index: first, content_block: { ...call, input: {} } });
  const json = JSON.stringify(call!.input);
  const half = Math.ceil(json.length / 2);
  for (const partial_json of [json.slice(0, half), json.slice(half)])
    await send('content_block_delta', {
      index: first,
      delta: { type: 'input_json_delta', partial_json },
    });
  await send('content_block_stop', { index: first });
  await send('content_block_start', { index: first + 1, content_block: result });
  await send('content_block_stop', { index: first + 1 });
  return first + 2;
}

// ---- Gemini ----

export function offersGoogleSearch(tools: { googleSearch?: unknown }[] | undefined): boolean {
  return (tools ?? []).some((t) => t.googleSearch !== undefined);
}

export function groundingMetadata(prompt: string) {
  const sources = searchSources(prompt);
  return {
    webSearchQueries: [queryOf(prompt)],
    searchEntryPoint: { renderedContent: '<div class="emu-search"></div>' },
    groundingChunks: sources.map((source) => ({ web: { uri: source.url, title: source.title } })),
    groundingSupports: [
      {
        segment: { startIndex: 0, endIndex: 1, text: 'x' },
        groundingChunkIndices: sources.map((_, i) => i),
      },
    ],
  };
}
