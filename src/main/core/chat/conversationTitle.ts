import type { ChatRequest } from '../providers/types';

/** What the sidebar shows until the model-made title arrives: the first words of the question. */
export function provisionalTitle(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 57).trimEnd()}…` : line || 'New conversation';
}

/** A short, cheap call: the first exchange in, a few words out. */
export function titleRequest(model: string, question: string, answer: string): ChatRequest {
  return {
    model,
    maxTokens: 24,
    temperature: 0.2,
    messages: [
      {
        role: 'user',
        content:
          'Write a title of at most six words for the conversation below. Answer with the title only.\n\n' +
          `User: ${question.slice(0, 1500)}\n\nAssistant: ${answer.slice(0, 1500)}`,
      },
    ],
  };
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
