/**
 * Web search through the provider's own search tool (issue 20, docs/ENGINE.md "Web search"):
 * which profiles offer it (the chat settings panel shows its switch only for them), and the
 * sources an answer cites, as the message view lists them.
 */
import type { MessagePart } from './messageParts';
import type { ProviderType } from './profiles';
import { wireApiFor, type WireApi } from './wireApi';

const OPENAI_URL = 'https://api.openai.com/v1';

/**
 * OpenAI's Responses API (`web_search` tool), Anthropic's Messages (`web_search_20250305`
 * server tool) and Gemini (`googleSearch` grounding). Chat Completions servers (compatible,
 * Azure, OpenAI on `--api chat`) have no such tool: a later part offers a search provider there.
 */
export function offersWebSearch(profile: {
  type: ProviderType | string;
  api?: WireApi | undefined;
  /** Absent: the provider's usual URL (api.openai.com for OpenAI). */
  baseUrl?: string | undefined;
}): boolean {
  if (profile.type === 'anthropic' || profile.type === 'gemini') return true;
  if (profile.type !== 'openai') return false;
  return wireApiFor({ api: profile.api, baseUrl: profile.baseUrl ?? OPENAI_URL }) === 'responses';
}

/** A cited source's host without `www.`, as the source list shows it; '' for a bad URL. */
export function sourceDomain(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** Only web pages are opened (a model could cite `javascript:` or `file:`). */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** A cited source added to an answer's parts once per URL (the renderer's twin of AnswerFold's). */
export function withCitation(
  parts: readonly MessagePart[],
  source: { title: string; url: string },
): MessagePart[] {
  if (!source.url || parts.some((part) => part.type === 'citation' && part.url === source.url))
    return parts.slice();
  return [...parts, { type: 'citation', title: source.title, url: source.url }];
}
