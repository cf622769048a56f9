/**
 * `npm run bench -- render` (or `npx tsx tests/bench/render/index.ts`): streams 20k tokens of
 * realistic markdown at 1k tokens/s into our real view in Chromium, then into Streamdown and into
 * react-markdown re-rendering the whole message per chunk, and compares main-thread script time
 * (CDP Performance metrics) measured in the same run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { build, preview } from 'vite';
import { renderCorpusTokens } from './corpus';
import type { StreamReport } from './page/protocol';
import { mainThreadTaskCpuMs, type Trace } from '../../support/mainThreadTasks';

const here = dirname(fileURLToPath(import.meta.url));
const configFile = resolve(here, 'vite.config.ts');
const variants = ['ours', 'streamdown', 'react-markdown'] as const;
type VariantName = (typeof variants)[number];

export interface BenchResult {
  name: string;
  metrics: Record<string, number>;
  ratios: Record<string, number>;
  goals: Record<string, { target: string; met: boolean }>;
}

interface VariantRun extends StreamReport {
  /** Main-thread tasks over 50 ms of CPU (thread time): what the view itself costs, whatever the load. */
  cpuLongTasks: number;
  maxTaskCpuMs: number;
  scriptMs: number;
  taskMs: number;
  layoutMs: number;
  styleMs: number;
}

/** One view streamed the tokens under a trace and CDP metrics (the long-chat bench uses it too). */
export async function measure(
  browser: Browser,
  url: string,
  tokens: string[],
): Promise<VariantRun> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.benchReady !== undefined);
    await page.evaluate(() => window.benchReady);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const read = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return Object.fromEntries(metrics.map((m) => [m.name, m.value])) as Record<string, number>;
    };
    await browser.startTracing(page, { categories: ['toplevel', '__metadata'] });
    const before = await read();
    const report = await page.evaluate((options) => window.bench!.stream(options), {
      tokens,
      tokensPerSecond: 1000,
      updatesPerSecond: 60,
    });
    const after = await read();
    const tasks = mainThreadTaskCpuMs(
      JSON.parse((await browser.stopTracing()).toString('utf8')) as Trace,
    );
    const delta = (name: string) => ((after[name] ?? 0) - (before[name] ?? 0)) * 1000;
    return {
      ...report,
      cpuLongTasks: tasks.filter((ms) => ms > 50).length,
      maxTaskCpuMs: tasks.length ? Math.max(...tasks) : 0,
      scriptMs: delta('ScriptDuration'),
      taskMs: delta('TaskDuration'),
      layoutMs: delta('LayoutDuration'),
      styleMs: delta('RecalcStyleDuration'),
    };
  } finally {
    await page.close();
  }
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export async function run(options: { quick: boolean } = { quick: false }): Promise<BenchResult> {
  // RENDER_BENCH_TOKENS shortens the run while working on the view; the bench itself uses 20k.
  const count = options.quick ? 400 : Number(process.env.RENDER_BENCH_TOKENS ?? 20_000);
  const tokens = renderCorpusTokens(count);
  const only = process.env.RENDER_BENCH_ONLY?.split(',');
  await build({ configFile });
  const server = await preview({
    configFile,
    preview: { port: 0, host: '127.0.0.1', open: false },
  });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
    ],
  });
  const runs = {} as Record<VariantName, VariantRun>;
  try {
    for (const variant of variants) {
      if (only && !only.includes(variant)) continue;
      process.stderr.write(`render bench: streaming ${tokens.length} tokens into ${variant}…\n`);
      runs[variant] = await measure(
        browser,
        `http://127.0.0.1:${port}/?variant=${variant}`,
        tokens,
      );
    }
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
  }

  // A view that crashed or lost text would make every figure meaningless: fail the run instead.
  const expectedChars = tokens.join('').length;
  for (const [variant, r] of Object.entries(runs)) {
    if (r.textLength < expectedChars * 0.5)
      throw new Error(`${variant} rendered ${r.textLength} of ${expectedChars} characters`);
  }
  const metrics: Record<string, number> = { tokens: tokens.length, tokensPerSecond: 1000 };
  for (const variant of variants) {
    const r = runs[variant];
    if (!r) continue;
    const key = variant === 'react-markdown' ? 'reactMarkdown' : variant;
    Object.assign(metrics, {
      [`${key}ScriptMs`]: round(r.scriptMs),
      [`${key}TaskMs`]: round(r.taskMs),
      [`${key}LayoutMs`]: round(r.layoutMs),
      [`${key}StyleMs`]: round(r.styleMs),
      [`${key}MaxTaskCpuMs`]: round(r.maxTaskCpuMs),
      [`${key}CpuLongTasks`]: r.cpuLongTasks,
      [`${key}MaxLongTaskWallMs`]: round(r.maxLongTaskMs),
      [`${key}LongTasksWall`]: r.longTasks,
      [`${key}MaxLagMs`]: round(r.maxLagMs),
      [`${key}WallMs`]: round(r.wallMs, 0),
      [`${key}RenderedChars`]: r.textLength,
      [`${key}CodeBlocks`]: r.codeBlocks,
      [`${key}Tables`]: r.tables,
    });
  }
  const ratio = (baseline: VariantName) =>
    runs.ours && runs[baseline] ? round(runs.ours.scriptMs / runs[baseline].scriptMs, 3) : NaN;
  const ratios = {
    scriptVsStreamdown: ratio('streamdown'),
    scriptVsReactMarkdown: ratio('react-markdown'),
  };
  const goals = {
    scriptVsStreamdown: { target: '<= 0.5', met: ratios.scriptVsStreamdown <= 0.5 },
    scriptVsReactMarkdown: { target: '<= 0.1', met: ratios.scriptVsReactMarkdown <= 0.1 },
    oursMaxTaskCpuMs: { target: '<= 50', met: (runs.ours?.maxTaskCpuMs ?? Infinity) <= 50 },
  };
  return { name: 'render', metrics, ratios, goals };
}

/** Prints the comparison table and writes bench-results/render.json. */
export function report(result: BenchResult, root = resolve(here, '../../..')): void {
  const m = result.metrics;
  const rows = variants.map((v) => {
    const key = v === 'react-markdown' ? 'reactMarkdown' : v;
    return {
      view: v,
      'script ms': m[`${key}ScriptMs`],
      'layout ms': m[`${key}LayoutMs`],
      'style ms': m[`${key}StyleMs`],
      'max task cpu ms': m[`${key}MaxTaskCpuMs`],
      'tasks > 50 ms cpu': m[`${key}CpuLongTasks`],
      'long tasks (wall)': m[`${key}LongTasksWall`],
      'max long task wall ms': m[`${key}MaxLongTaskWallMs`],
      'max lag ms': m[`${key}MaxLagMs`],
      'code blocks': m[`${key}CodeBlocks`],
      tables: m[`${key}Tables`],
    };
  });
  console.table(rows);
  console.table(
    Object.entries(result.goals).map(([name, goal]) => ({
      goal: name,
      value: name in result.ratios ? result.ratios[name] : m.oursMaxTaskCpuMs,
      target: goal.target,
      met: goal.met,
    })),
  );
  mkdirSync(resolve(root, 'bench-results'), { recursive: true });
  writeFileSync(resolve(root, 'bench-results/render.json'), `${JSON.stringify(result, null, 2)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const result = await run();
  report(result);
  process.exit(0);
}
