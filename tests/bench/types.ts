/**
 * A benchmark: one file in tests/bench/benches/ default-exporting this. The runner finds it by
 * its file name; `npm run bench -- NAME` runs one, `npm run bench` all.
 */
export interface Goal {
  /** The figure must stay at or below this. */
  max?: number;
  /** The figure must stay at or above this. */
  min?: number;
}

export interface BenchResult {
  /** Raw measurements (ms, counts, rates), named with their unit. */
  metrics: Record<string, number>;
  /** Ours against a baseline measured in the same run: never bare times. */
  ratios: Record<string, number>;
  /** Goals keyed by a metric or ratio name. */
  goals: Record<string, Goal>;
}

export interface BenchOptions {
  /**
   * `npm run test:bench`: small sizes, one round, so every benchmark is proven to build and run
   * in CI; its figures mean nothing and no goal is checked.
   */
  quick: boolean;
}

export interface Bench {
  name: string;
  description: string;
  run(log: (line: string) => void, options: BenchOptions): Promise<BenchResult>;
}
