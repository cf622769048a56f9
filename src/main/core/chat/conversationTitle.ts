import type { ChatRequest } from '../providers/types';

/** What the sidebar shows until the model-made title arrives: the first words of the question. */
export function provisionalTitle(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 57).trimEnd()}…` : line || 'New conversation';
}

/**
 * A short, cheap call: the instruction as the system prompt, the first exchange as the message,
 * so the model sees the conversation itself rather than a request about it.
 */
export function titleRequest(model: string, question: string, answer: string): ChatRequest {
  return {
    model,
    maxTokens: 24,
    temperature: 0.2,
    system:
      'You name conversations. Reply with a title of at most six words for the conversation the user ' +
      'shows you, on one line, with no quotes and no final period.',
    messages: [
      { role: 'user', content: `${question.slice(0, 1500)}\n\n---\n\n${answer.slice(0, 1500)}` },
    ],
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
