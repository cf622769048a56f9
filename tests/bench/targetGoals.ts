import type { BenchResult, Goal } from './types';

/** A bench that states its goals as text targets ("<= 1.5", "< 50") and reports whether each was met. */
export interface TargetedResult {
  metrics: Record<string, number>;
  ratios: Record<string, number>;
  goals: Record<string, { target: string }>;
}

/** The runner's goal form ({max}/{min}) from a target like "<= 1.5" or ">= 10". */
export function goalFromTarget(target: string): Goal {
  const match = /^\s*([<>]=?)\s*(-?[\d.]+)\s*$/.exec(target);
  if (!match) throw new Error(`unreadable goal target "${target}"`);
  const value = Number(match[2]);
  return match[1]!.startsWith('<') ? { max: value } : { min: value };
}

export function withRunnerGoals(result: TargetedResult): BenchResult {
  return {
    metrics: result.metrics,
    ratios: result.ratios,
    goals: Object.fromEntries(
      Object.entries(result.goals).map(([name, goal]) => [name, goalFromTarget(goal.target)]),
    ),
  };
}
