import type { ChatMessage } from '../store/chatStore';

/** A finish other than a normal stop, said in words. */
export function describeFinish(message: ChatMessage): string | null {
  switch (message.finishReason) {
    case 'cancelled':
      return 'Stopped';
    case 'length':
      return 'Cut off at max tokens';
    case 'content_filter':
      return 'Stopped by the content filter';
    case 'error':
      return message.error?.kind === 'interrupted' ? 'Interrupted' : 'Failed';
    default:
      return null;
  }
}

/** Model, tokens in/out (estimates marked) and time to first token. */
export function describeMessageStats(message: ChatMessage): string {
  const parts: string[] = [];
  if (message.model) parts.push(message.model);
  if (message.usage) {
    const mark = message.usage.source === 'estimated' ? '~' : '';
    parts.push(`${mark}${message.usage.inputTokens} in / ${mark}${message.usage.outputTokens} out`);
  }
  if (message.timing?.ttftMs != null) parts.push(`first token ${Math.round(message.timing.ttftMs)} ms`);
  return parts.join(' · ');
}
