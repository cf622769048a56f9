import { AnswerFold } from '../../../shared/answerFold';
import type { ProviderError, StreamEvent, Usage } from '../../../shared/stream';
import type { CompareFiguresView } from '../../../shared/compare';
import { streamChat, type EngineOptions } from '../providers/streamChat';
import type { ChatRequest, ProviderTarget } from '../providers/types';
import { costOf, findPrice } from '../../../shared/pricing';

/** One column of a comparison: where it goes and what it asks. */
export interface CompareLane {
  target: ProviderTarget;
  request: ChatRequest;
}

/** The figures every column shows, the same in the app and in `cli compare`. */
export type CompareFigures = CompareFiguresView;

export type Engine = (
  target: ProviderTarget,
  request: ChatRequest,
  options: EngineOptions,
) => AsyncIterable<StreamEvent>;

/** What a call cost, or null with no known price. The app passes the usage ledger's. */
export type CallPricer = (usage: Usage, model: string) => number | null;

/** Shipped prices only: for callers with no ledger and no settings at hand. */
const shippedPrices: CallPricer = (usage, model) => costOf(usage, findPrice(model));

/** Output tokens over the time they took to arrive; the wait for the first one is TTFT's. */
export function tokensPerSecond(
  outputTokens: number,
  ttftMs: number | null,
  totalMs: number,
): number | null {
  const generating = ttftMs !== null && totalMs - ttftMs > 0 ? totalMs - ttftMs : totalMs;
  if (outputTokens <= 0 || generating <= 0) return null;
  return outputTokens / (generating / 1000);
}

/** Runs one lane to its end, telling `onEvent` of each event as it arrives. */
export async function runLane(
  lane: CompareLane,
  options: {
    signal?: AbortSignal;
    onEvent?: (event: StreamEvent) => void;
    engine?: Engine;
    price?: CallPricer;
  },
): Promise<CompareFigures> {
  const fold = new AnswerFold();
  let thrown: ProviderError | null = null;
  const engine = options.engine ?? streamChat;
  const engineOptions = options.signal ? { signal: options.signal } : {};
  try {
    for await (const event of engine(lane.target, lane.request, engineOptions)) {
      options.onEvent?.(event);
      fold.push(event);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : 'The request failed.';
    thrown = { kind: 'network', status: null, message };
  }
  const figures: CompareFigures = {
    model: fold.model ?? lane.request.model,
    text: fold.textOf('text'),
    finishReason: fold.finishReason ?? 'error',
    error: thrown ?? fold.error,
    usage: fold.usage,
    ttftMs: fold.timing?.ttftMs ?? null,
    totalMs: fold.timing?.totalMs ?? 0,
    tokensPerSecond: null,
    cost: null,
  };
  if (figures.usage) {
    figures.tokensPerSecond = tokensPerSecond(
      figures.usage.outputTokens,
      figures.ttftMs,
      figures.totalMs,
    );
    figures.cost = (options.price ?? shippedPrices)(figures.usage, figures.model);
  }
  return figures;
}

/** Asks every lane at once; each settles on its own, a failing one never stops the others. */
export function compareModels(
  lanes: CompareLane[],
  options: {
    signal?: AbortSignal;
    onEvent?: (lane: number, event: StreamEvent) => void;
    engine?: Engine;
    price?: CallPricer;
  } = {},
): Promise<CompareFigures[]> {
  return Promise.all(
    lanes.map((lane, index) =>
      runLane(lane, {
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.engine ? { engine: options.engine } : {}),
        ...(options.price ? { price: options.price } : {}),
        onEvent: (event) => options.onEvent?.(index, event),
      }),
    ),
  );
}
