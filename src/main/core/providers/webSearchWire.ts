/**
 * The providers' own web search tools on the wire (docs/ENGINE.md "Web search" cites each):
 * the tool each request carries when a chat's Web search switch is on, and the sources each
 * answer cites, read into `citation` events.
 * - OpenAI Responses (openai SDK responses.d.ts): `WebSearchTool` `{ type: 'web_search' }`; the
 *   search is an output item `ResponseFunctionWebSearch` (`type: 'web_search_call'`), the
 *   sources `url_citation` annotations ({ url, title }) on output_text, streamed as
 *   `response.output_text.annotation.added`.
 * - Anthropic (@anthropic-ai/sdk messages.d.ts): the server tool `WebSearchTool20250305`
 *   `{ type: 'web_search_20250305', name: 'web_search' }`; text cites
 *   `CitationsWebSearchResultLocation` ({ type: 'web_search_result_location', url, title }),
 *   streamed as `citations_delta`; `usage.server_tool_use.web_search_requests` counts searches.
 * - Gemini (@google/genai): `Tool.googleSearch: {}`; a candidate's `groundingMetadata` has
 *   `groundingChunks[].web` ({ uri, title }) and the `webSearchQueries` it ran.
 */
import type { WebSearchTool } from 'openai/resources/responses/responses';
import type { WebSearchTool20250305 } from '@anthropic-ai/sdk/resources/messages';
import type { Tool as GeminiTool } from '@google/genai';
import type { AdapterEvent } from './types';

export const responsesWebSearchTool: WebSearchTool = { type: 'web_search' };
export const anthropicWebSearchTool: WebSearchTool20250305 = {
  type: 'web_search_20250305',
  name: 'web_search',
};
export const geminiWebSearchTool: GeminiTool = { googleSearch: {} };

type Citation = Extract<AdapterEvent, { type: 'citation' }>;

function citation(url: unknown, title: unknown): Citation | null {
  if (typeof url !== 'string' || !url) return null;
  return { type: 'citation', url, title: typeof title === 'string' ? title : '' };
}

/** A Responses annotation (streamed, or on a whole answer's output_text): url_citation only. */
export function responsesCitation(annotation: unknown): Citation | null {
  const wire = annotation as { type?: string; url?: unknown; title?: unknown } | null;
  return wire?.type === 'url_citation' ? citation(wire.url, wire.title) : null;
}

/** An Anthropic text citation: the web search's own kind only (not document locations). */
export function anthropicCitation(cited: unknown): Citation | null {
  const wire = cited as { type?: string; url?: unknown; title?: unknown } | null;
  return wire?.type === 'web_search_result_location' ? citation(wire.url, wire.title) : null;
}

interface WireGrounding {
  groundingChunks?: { web?: { uri?: unknown; title?: unknown } | null }[] | null;
  webSearchQueries?: unknown[] | null;
}

/** A Gemini candidate's grounding: its web sources, and whether it searched at all. */
export function geminiGrounding(
  metadata: WireGrounding | null | undefined,
  out: AdapterEvent[],
): boolean {
  if (!metadata) return false;
  for (const chunk of metadata.groundingChunks ?? []) {
    const found = citation(chunk.web?.uri, chunk.web?.title);
    if (found) out.push(found);
  }
  return (
    (metadata.webSearchQueries?.length ?? 0) > 0 || (metadata.groundingChunks?.length ?? 0) > 0
  );
}
