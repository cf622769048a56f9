import { messageText } from '../../../../../shared/messageParts';
import type { ChatMessage } from '../store/chatStore';
import { costOf, formatCost } from '../../../lib/cost';

/** A finish other than a normal stop, said in words. */
export function describeFinish(message: ChatMessage): string | null {
  switch (message.finishReason) {
    case 'cancelled':
      return 'Stopped';
    case 'length':
      return 'Cut off at max tokens';
    case 'content_filter':
      return 'Stopped by the content filter';
    case 'tool_calls':
      return 'Ended to call a tool';
    case 'error':
      return message.error?.kind === 'interrupted' ? 'Interrupted' : 'Failed';
    default:
      return null;
  }
}

/** Continue makes sense where the answer was cut short, not where the person or a filter stopped it. */
export function canContinue(message: ChatMessage): boolean {
  if (message.role !== 'assistant' || message.streaming || !messageText(message.parts))
    return false;
  // Cut off, stopped by the person, interrupted (a dropped stream, a crash) or failed mid-way.
  return ['length', 'cancelled', 'error'].includes(message.finishReason ?? '');
}

/** Output tokens per second over the time text was arriving (after the first token). */
export function tokensPerSecond(message: ChatMessage): number | null {
  const { usage, timing } = message;
  if (!usage || !timing || timing.ttftMs === null || usage.outputTokens <= 1) return null;
  if (message.streamed === false) return null;
  const seconds = (timing.totalMs - timing.ttftMs) / 1000;
  return seconds > 0.05 ? usage.outputTokens / seconds : null;
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

export interface StatItem {
  /** What a screen reader and the tooltip say, e.g. "Output tokens: ~512 (estimated)". */
  label: string;
  text: string;
}

/** Model, tokens in/out (estimates marked "~"), time to first token, speed and cost when known. */
export function messageStats(message: ChatMessage): StatItem[] {
  const items: StatItem[] = [];
  if (message.model) items.push({ label: 'Model', text: message.model });
  const { usage, timing } = message;
  if (usage) {
    const estimated = usage.source === 'estimated';
    const mark = estimated ? '~' : '';
    const note = estimated ? ' (estimated)' : '';
    items.push({
      label: `Tokens: ${usage.inputTokens} in, ${usage.outputTokens} out${note}`,
      text: `${mark}${usage.inputTokens.toLocaleString('en-US')} in · ${mark}${usage.outputTokens.toLocaleString('en-US')} out`,
    });
  }
  const searches = usage?.webSearchCalls ?? 0;
  if (searches > 0)
    items.push({
      label: 'Web searches (billed apart from tokens)',
      text: `${searches} web search${searches === 1 ? '' : 'es'}`,
    });
  if (message.streamed === false && timing) {
    // One plain response: everything came at once, so only the whole wait means something.
    items.push({ label: 'Response time', text: `answered in ${formatMs(timing.totalMs)}` });
  } else if (timing?.ttftMs != null) {
    items.push({ label: 'Time to first token', text: `first token ${formatMs(timing.ttftMs)}` });
  }
  const speed = tokensPerSecond(message);
  if (speed !== null)
    items.push({ label: 'Output speed', text: `${speed.toFixed(speed < 10 ? 1 : 0)} tok/s` });
  const cost = costOf(message.model, usage);
  if (cost !== null) {
    const mark = usage?.source === 'estimated' ? '~' : '';
    items.push({ label: 'Cost', text: `${mark}${formatCost(cost)}` });
  }
  return items;
}

/** The stats as one line (kept for plain-text uses: copy, tests). */
export function describeMessageStats(message: ChatMessage): string {
  return messageStats(message)
    .map((item) => item.text)
    .join(' · ');
}
