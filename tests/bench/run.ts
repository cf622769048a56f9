/**
 * `npm run bench [-- NAME]`: runs the benchmarks in tests/bench/benches/ (each file one bench),
 * prints a table and writes bench-results/NAME.json as {"name","metrics","ratios","goals"}.
 * Exit 1 when a goal is missed, 2 for an unknown name.
 *
 * `--quick` (`npm run test:bench`, part of `npm test`): every bench once at small sizes, so one
 * that no longer builds or runs fails CI. Its figures mean nothing: no goal is checked and
 * bench-results/ is left alone. Exit 1 when a bench fails to run.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Bench, BenchResult, Goal } from './types';

const root = resolve(import.meta.dirname, '../..');
const benchDir = join(import.meta.dirname, 'benches');
const resultsDir = join(root, 'bench-results');

async function discover(): Promise<Map<string, Bench>> {
  const benches = new Map<string, Bench>();
  for (const file of readdirSync(benchDir)
    .filter((f) => /\.ts$/.test(f))
    .sort()) {
    const module = (await import(pathToFileURL(join(benchDir, file)).href)) as { default: Bench };
    benches.set(module.default.name, module.default);
  }
  return benches;
}

function met(value: number | undefined, goal: Goal): boolean {
  if (value === undefined || !Number.isFinite(value)) return false;
  return (
    (goal.max === undefined || value <= goal.max) && (goal.min === undefined || value >= goal.min)
  );
}

function format(value: number): string {
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(3);
}

function table(name: string, result: BenchResult): { text: string; ok: boolean } {
  const rows: string[][] = [['bench', 'figure', 'value', 'goal', '']];
  let ok = true;
  const all = { ...result.metrics, ...result.ratios };
  for (const [key, value] of Object.entries(all)) {
    const goal = result.goals[key];
    const goalText = goal
      ? [
          goal.min !== undefined ? `>= ${goal.min}` : '',
          goal.max !== undefined ? `<= ${goal.max}` : '',
        ]
          .filter(Boolean)
          .join(' ')
      : '';
    const pass = goal ? met(value, goal) : true;
    ok &&= pass;
    rows.push([
      name,
      `${key in result.ratios ? 'ratio ' : ''}${key}`,
      format(value),
      goalText,
      goal ? (pass ? 'ok' : 'MISSED') : '',
    ]);
  }
  for (const key of Object.keys(result.goals)) if (!(key in all)) ok = false;
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const text = rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
  return { text, ok };
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const wanted = args.find((arg) => !arg.startsWith('--'));
  const benches = await discover();
  if (wanted && !benches.has(wanted)) {
    console.error(`No benchmark "${wanted}". Known: ${[...benches.keys()].join(', ')}`);
    return 2;
  }
  mkdirSync(resultsDir, { recursive: true });
  let allOk = true;
  for (const bench of wanted ? [benches.get(wanted)!] : benches.values()) {
    console.log(`# ${bench.name}${quick ? ' (quick)' : ''}: ${bench.description}`);
    let result: BenchResult;
    try {
      result = await bench.run((line) => console.log(`  ${line}`), { quick });
    } catch (error) {
      console.error(`bench ${bench.name} failed to run:`, error);
      allOk = false;
      continue;
    }
    if (quick) {
      console.log(`  ran: ${Object.keys(result.metrics).length} figures (quick mode: no goals)\n`);
      continue;
    }
    const { text, ok } = table(bench.name, result);
    console.log(`${text}\n`);
    writeFileSync(
      join(resultsDir, `${bench.name}.json`),
      `${JSON.stringify({ name: bench.name, ...result }, null, 2)}\n`,
    );
    allOk &&= ok;
  }
  return allOk ? 0 : 1;
}

process.exitCode = await main();
