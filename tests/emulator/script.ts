import { fixedAnswers, tokenize } from './answers';

/**
 * What the emulator answers, decided by directives in the last user message so e2e tests can ask
 * for a scenario by typing it: `[tokens=300 rate=50]` streams 300 tokens at 50 tokens/s.
 */
export interface AnswerScript {
  tokens: string[];
  /** Tokens per second; 0 means as fast as possible. */
  rate: number;
  /** The finish_reason sent at the end (`[finish=length]`); 'stop' when not asked. */
  finishReason: string;
}

const words =
  'Streaming lets the answer appear while the model is still writing it, token by token, so the reader starts early and the wait feels short.'.split(
    ' ',
  );

export function parseDirectives(prompt: string): Record<string, string> {
  const match = /\[([a-z]+=[^\]\s]+(?:\s+[a-z]+=[^\]\s]+)*)\]/.exec(prompt);
  if (!match?.[1]) return {};
  return Object.fromEntries(match[1].split(/\s+/).map((pair) => pair.split('=') as [string, string]));
}

export function scriptFor(prompt: string, defaults: { tokens: number; rate: number }): AnswerScript {
  const directives = parseDirectives(prompt);
  const count = Number(directives.tokens ?? defaults.tokens);
  const rate = Number(directives.rate ?? defaults.rate);
  const finishReason = directives.finish ?? 'stop';
  // `[answer=NAME]`: a fixed rich markdown answer (answers.ts) instead of the echo.
  const fixed = directives.answer ? fixedAnswers[directives.answer] : undefined;
  if (fixed !== undefined) return { tokens: tokenize(fixed), rate, finishReason };
  const echo = prompt.replace(/\[[^\]]*\]/g, '').trim().slice(0, 60);
  const tokens = [`You said: ${echo}.`, '\n\n'];
  for (let i = 0; tokens.length < count; i++) tokens.push(`${words[i % words.length]} `);
  return { tokens: tokens.slice(0, Math.max(1, count)), rate, finishReason };
}

/** A rough but deterministic prompt token count, so usage figures are reproducible. */
export function countPromptTokens(texts: string[]): number {
  return texts.reduce((sum, text) => sum + Math.max(1, Math.ceil(text.length / 4)), 0);
}
