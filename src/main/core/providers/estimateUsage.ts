import type { Usage } from '../../../shared/stream';
import { bounded } from '../context/tokenCounter';
import type { ChatRequest } from './types';

/** Per-message framing tokens in chat formats (role markers and separators). */
const tokensPerMessage = 3;
/** Tokens that prime the assistant's reply. */
const replyPriming = 3;

type CountTokens = (text: string) => number;
let counter: Promise<CountTokens> | null = null;

/**
 * Loaded on first use: the tokenizer's tables are large and most providers report usage.
 * Bounded: a question carrying megabytes of attached text is estimated, never counted for minutes.
 */
function loadCounter(): Promise<CountTokens> {
  counter ??= import('gpt-tokenizer').then((module) => bounded((text) => module.countTokens(text)));
  return counter;
}

/**
 * Usage counted with a real tokenizer (o200k_base) when the provider reported none, marked
 * `estimated` so no one mistakes it for a bill.
 */
export async function estimateUsage(
  request: ChatRequest,
  output: { text: string; reasoning: string },
): Promise<Usage> {
  const count = await loadCounter();
  let inputTokens = replyPriming;
  if (request.system) inputTokens += tokensPerMessage + count(request.system);
  for (const message of request.messages) {
    inputTokens += tokensPerMessage + count(message.content);
    // Images by their size; a native PDF's pages are not counted here (its text would be).
    for (const item of message.role === 'user' ? (message.attachments ?? []) : [])
      if (item.kind === 'image') inputTokens += item.tokens ?? 0;
  }
  const reasoningTokens = output.reasoning ? count(output.reasoning) : 0;
  const outputTokens = count(output.text) + reasoningTokens;
  const usage: Usage = {
    inputTokens,
    outputTokens,
    totalTokens: inputTokens + outputTokens,
    source: 'estimated',
  };
  if (reasoningTokens > 0) usage.reasoningTokens = reasoningTokens;
  return usage;
}
