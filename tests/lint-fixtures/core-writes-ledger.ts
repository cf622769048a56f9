// lint-as: src/main/core/compare/bad.ts
import type { Store } from '../store/Store';

export function countCall(store: Store): void {
  store.ledger.record({
    kind: 'compare',
    profileId: null,
    provider: null,
    model: null,
    conversationId: null,
    messageId: null,
    usage: null,
    ttftMs: null,
    durationMs: null,
    outcome: 'stop',
  });
}
