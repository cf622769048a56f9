import { anthropicThinkingMode, takesReasoningEffort } from '../../../shared/reasoning';
import type { ChatRequest, ProviderType } from '../providers/types';

/** What the sidebar shows until the model-made title arrives: the first words of the question. */
export function provisionalTitle(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 57).trimEnd()}…` : line || 'New conversation';
}

/** A title of at most six words fits in this many tokens. */
const TITLE_TOKENS = 24;
/**
 * What a reasoning model may spend thinking before the title, on top of TITLE_TOKENS. Reasoning
 * counts against the same limit (OpenAI's max_completion_tokens / max_output_tokens include the
 * reasoning tokens; Gemini 2.5's thoughts count against maxOutputTokens; a thinking Claude's
 * against max_tokens): at 24 the reasoning eats it all and the title comes back empty, cut at the
 * limit. At the lowest effort the provider takes (minimal: gpt-5's minimal, the o-series' low,
 * Gemini's budget 0 or Pro's 128, Claude's low effort) the thinking stays far under this; the
 * call is stopped as soon as the title's line is complete, so the room costs nothing unused.
 */
const TITLE_REASONING_ROOM = 1024;

/**
 * True when the model reasons even when the request asks nothing of it: OpenAI's reasoning
 * models and Gemini 2.5 and later always do; Claude thinks only when asked (budget and adaptive
 * modes), except the models whose thinking is always on (anthropicThinkingMode 'effort').
 */
function reasonsUnasked(type: ProviderType, model: string): boolean {
  if (!takesReasoningEffort(type, model)) return false;
  const claude = anthropicThinkingMode(model);
  return claude === null || claude === 'effort';
}

/**
 * A short, cheap call: the instruction as the system prompt, the first exchange as the message,
 * so the model sees the conversation itself rather than a request about it. A reasoning model is
 * asked for the lowest effort, with room to think (TITLE_REASONING_ROOM), and no temperature:
 * OpenAI's reasoning models refuse any but the default, and a thinking Claude any but 1.
 */
export function titleRequest(
  type: ProviderType,
  model: string,
  question: string,
  answer: string,
): ChatRequest {
  const request: ChatRequest = {
    model,
    maxTokens: TITLE_TOKENS,
    temperature: 0.2,
    system:
      'You name conversations. Reply with a title of at most six words for the conversation the user ' +
      'shows you, on one line, with no quotes and no final period.',
    messages: [
      { role: 'user', content: `${question.slice(0, 1500)}\n\n---\n\n${answer.slice(0, 1500)}` },
    ],
  };
  if (!reasonsUnasked(type, model)) return request;
  const { temperature: _unsent, ...reasoning } = request;
  return {
    ...reasoning,
    maxTokens: TITLE_TOKENS + TITLE_REASONING_ROOM,
    reasoningEffort: 'minimal',
  };
}

/** Only the first line is a title; a model that goes on is stopped there. */
export function titleIsComplete(text: string): boolean {
  return /\S[^\n]*\n/.test(text) || text.length > 200;
}

/** Models decorate titles ("Title: …", quotes, a final period, several lines): keep the words. */
export function cleanTitle(raw: string): string | null {
  const line = raw.split('\n').find((l) => l.trim()) ?? '';
  const cleaned = line
    .replace(/^\s*(title\s*:\s*)/i, '')
    .replace(/^["'“”‘’*#\s]+|["'“”‘’*\s.]+$/g, '')
    .trim();
  if (!cleaned) return null;
  return cleaned.length > 80 ? `${cleaned.slice(0, 77).trimEnd()}…` : cleaned;
}
