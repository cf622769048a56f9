/**
 * The hook the usage issue plugs prices into. Until it does, no cost is known, and an unknown
 * cost is shown as nothing (never as 0).
 */
import type { Usage } from '../../../shared/stream';
import { formatUsd } from './i18n';

export type CostEstimator = (model: string, usage: Usage) => number | null;

let estimator: CostEstimator = () => null;

export function setCostEstimator(next: CostEstimator): void {
  estimator = next;
}

export function costOf(model: string | undefined, usage: Usage | undefined): number | null {
  if (!model || !usage) return null;
  return estimator(model, usage);
}

/** In the interface's language: $0.0012, 0,25 $, US$0.25 as Intl writes dollars there. */
export function formatCost(usd: number): string {
  return formatUsd(usd);
}
