/**
 * The hook the usage issue plugs prices into. Until it does, no cost is known, and an unknown
 * cost is shown as nothing (never as 0).
 */
import type { Usage } from '../../../shared/stream';

export type CostEstimator = (model: string, usage: Usage) => number | null;

let estimator: CostEstimator = () => null;

export function setCostEstimator(next: CostEstimator): void {
  estimator = next;
}

export function costOf(model: string | undefined, usage: Usage | undefined): number | null {
  if (!model || !usage) return null;
  return estimator(model, usage);
}

export function formatCost(usd: number): string {
  if (usd === 0) return '$0';
  if (usd < 0.01) return `$${usd.toFixed(4)}`;
  return `$${usd.toFixed(2)}`;
}
