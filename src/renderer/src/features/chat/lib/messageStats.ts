import { messageText } from '../../../../../shared/messageParts';
import type { ChatMessage } from '../store/chatStore';
import { costOf, formatCost } from '../../../lib/cost';
import { formatNumber, type TFunction } from '../../../lib/i18n';

/** A finish other than a normal stop, said in words (t: the chat namespace's). */
export function describeFinish(t: TFunction, message: ChatMessage): string | null {
  switch (message.finishReason) {
    case 'cancelled':
      return t('finish.cancelled');
    case 'length':
      return t('finish.length');
    case 'content_filter':
      return t('finish.content_filter');
    case 'tool_calls':
      return t('finish.tool_calls');
    case 'error':
      return message.error?.kind === 'interrupted' ? t('finish.interrupted') : t('finish.failed');
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

/** A duration with the language's unit ("46 ms", "46 毫秒"; "1,5 s" in German). */
function formatMs(t: TFunction, ms: number): string {
  return ms >= 1000
    ? t('stats.seconds', {
        value: formatNumber(ms / 1000, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      })
    : t('stats.milliseconds', { value: formatNumber(Math.round(ms)) });
}

export interface StatItem {
  /** Which stat this is (stable across languages), e.g. "model". */
  id: string;
  /** What a screen reader and the tooltip say, e.g. "Output tokens: ~512 (estimated)". */
  label: string;
  text: string;
}

/** Model, tokens in/out (estimates marked "~"), time to first token, speed and cost when known. */
export function messageStats(t: TFunction, message: ChatMessage): StatItem[] {
  const items: StatItem[] = [];
  if (message.model) items.push({ id: 'model', label: t('stats.model'), text: message.model });
  const { usage, timing } = message;
  if (usage) {
    const estimated = usage.source === 'estimated';
    const mark = estimated ? '~' : '';
    const counts = { input: usage.inputTokens, output: usage.outputTokens };
    items.push({
      id: 'tokens',
      label: t(estimated ? 'stats.tokensEstimatedLabel' : 'stats.tokensLabel', counts),
      text: t('stats.tokensText', {
        input: `${mark}${formatNumber(usage.inputTokens)}`,
        output: `${mark}${formatNumber(usage.outputTokens)}`,
      }),
    });
  }
  const searches = usage?.webSearchCalls ?? 0;
  if (searches > 0)
    items.push({
      id: 'searches',
      label: t('stats.searchesLabel'),
      text: t('stats.searches', { count: searches }),
    });
  if (message.streamed === false && timing) {
    // One plain response: everything came at once, so only the whole wait means something.
    items.push({
      id: 'response',
      label: t('stats.responseLabel'),
      text: t('stats.response', { time: formatMs(t, timing.totalMs) }),
    });
  } else if (timing?.ttftMs != null) {
    items.push({
      id: 'ttft',
      label: t('stats.ttftLabel'),
      text: t('stats.ttft', { time: formatMs(t, timing.ttftMs) }),
    });
  }
  const speed = tokensPerSecond(message);
  if (speed !== null) {
    const digits = speed < 10 ? 1 : 0;
    const value = formatNumber(speed, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    items.push({ id: 'speed', label: t('stats.speedLabel'), text: t('stats.speed', { value }) });
  }
  const cost = costOf(message.model, usage);
  if (cost !== null) {
    const mark = usage?.source === 'estimated' ? '~' : '';
    items.push({ id: 'cost', label: t('stats.cost'), text: `${mark}${formatCost(cost)}` });
  }
  return items;
}

/** The stats as one line (kept for plain-text uses: copy, tests). */
export function describeMessageStats(t: TFunction, message: ChatMessage): string {
  return messageStats(t, message)
    .map((item) => item.text)
    .join(' · ');
}
