import { create } from 'zustand';
import { api } from '../../../lib/api';
import { lowestBudget, type LowBudget } from '../lib/usageFormat';

export interface RateLimitWarning extends LowBudget {
  /** When the headers came, so "resets in" is said relative to then, not to each render. */
  seenAt: number;
}

interface RateLimitState {
  /** The budget nearly spent by the last answer's provider, or null when there is headroom. */
  low: RateLimitWarning | null;
  dismiss(): void;
}

export const useRateLimitStore = create<RateLimitState>((set) => ({
  low: null,
  dismiss: () => set({ low: null }),
}));

/**
 * Follows the answers' own stream (no polling): each rate-limit report replaces the warning, so
 * a later answer with headroom again clears it. Call once at startup.
 */
export function subscribeToRateLimits(): () => void {
  return api.on('chatStream', (batch) => {
    for (const event of batch.events)
      if (event.type === 'rateLimit') {
        const lowest = lowestBudget(event.rateLimit);
        useRateLimitStore.setState({ low: lowest && { ...lowest, seenAt: Date.now() } });
      }
  });
}
