import type { StreamEvent } from '../../../shared/stream';
import type { EngineOptions } from '../providers/streamChat';
import type { ChatRequest, ProviderTarget } from '../providers/types';
import type { RateLimitStore } from '../store/RateLimitStore';

type Engine = (
  target: ProviderTarget,
  request: ChatRequest,
  options: EngineOptions,
) => AsyncIterable<StreamEvent>;

/**
 * Wraps the provider engine so every `rateLimit` event is kept as its profile's last known
 * headroom, whoever made the call (answers, titles, later compare), without ChatService knowing.
 */
export function tapRateLimits(engine: Engine, store: RateLimitStore): Engine {
  return async function* (target, request, options) {
    for await (const event of engine(target, request, options)) {
      if (event.type === 'rateLimit') {
        try {
          store.record(target.profile.id, target.profile.type, event.rateLimit);
        } catch {
          // Headroom is advisory: a failed write must never break the answer streaming through.
        }
      }
      yield event;
    }
  };
}
