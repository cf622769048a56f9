/**
 * `npm run bench -- longchat`: a conversation of 2,000 messages (short, long, code-heavy,
 * math-heavy and table answers, about 5 MB of text) in Chromium, through our real renderer over
 * the real contract (the render bench's window.api), against the same messages rendered by a
 * plain react-markdown list (what most peers do):
 * - open: ms until the last message is on screen, ours / plain;
 * - scroll from the bottom to the top and back, a step per frame: the longest main-thread task
 *   in CPU time from a trace;
 * - renderer heap (after a forced GC) with the long chat open, against a 50-message chat, and
 *   after ten switches between the two (nothing retained);
 * - stream a 5k-token answer at its end (the render bench's corpus, driver and measure): script
 *   time against react-markdown re-rendering the message per chunk, the render bench's ratio.
 * LONGCHAT_ONLY=scroll runs the scroll round alone (two minutes, not four; LONGCHAT_COUNT=600 for
 * a shorter chat of the same mix), and LONGCHAT_TRACE=FILE keeps its trace with what each task
 * did, to open in DevTools. LONGCHAT_ONLY=stream runs only the answer streamed at the end.
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { mainThreadTaskCpuMs, type Trace } from '../../support/mainThreadTasks';
import { renderCorpusTokens } from '../render/corpus';
import { measure } from '../render/index';
import type { TargetedResult } from '../targetGoals';
import { BIG, SMALL } from './page/protocol';
import { longChatPagePath } from './vite.config';

const here = dirname(fileURLToPath(import.meta.url));
const configFile = resolve(here, 'vite.config.ts');
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

async function heapMb(cdp: CDPSession): Promise<number> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1_048_576;
}

async function load(browser: Browser, url: string): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  await page.waitForFunction(() => window.longchatReady !== undefined);
  await page.evaluate(() => window.longchatReady);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  return { page, cdp };
}

const open = (page: Page, id: string) => page.evaluate((c) => window.longchat!.open(c), id);

/**
 * The scroll round under a trace: the CPU ms of each main-thread task. LONGCHAT_TRACE=FILE also
 * writes the trace there with the timeline categories (what each long task did), for DevTools.
 */
async function tracedScrollRound(browser: Browser, page: Page) {
  const file = process.env.LONGCHAT_TRACE;
  const categories = ['toplevel', '__metadata'];
  if (file) categories.push('devtools.timeline', 'disabled-by-default-devtools.timeline');
  await browser.startTracing(page, { categories });
  const { steps } = await page.evaluate(() => window.longchat!.scrollRound());
  const trace = await browser.stopTracing();
  if (file) writeFileSync(file, trace);
  return { steps, tasks: mainThreadTaskCpuMs(JSON.parse(trace.toString('utf8')) as Trace) };
}

// A loop, not Math.max(...tasks): a trace of 270k tasks overflowed the stack.
const longest = (tasks: number[]) => tasks.reduce((a, b) => Math.max(a, b), 0);

/** Our view: heap and open times, the scroll round traced, ten switches. */
async function measureOurs(browser: Browser, url: string, switches: number) {
  const { page, cdp } = await load(browser, url);
  try {
    await open(page, SMALL);
    const heapSmall = await heapMb(cdp);
    const openMs = await open(page, BIG);
    const heapBig = await heapMb(cdp);
    const corpusChars = await page.evaluate((c) => window.longchat!.corpusChars(c), BIG);
    const { steps, tasks } = await tracedScrollRound(browser, page);
    await open(page, SMALL);
    const heapAfterSwitch = await heapMb(cdp);
    for (let i = 0; i < switches; i++) {
      await open(page, BIG);
      await open(page, SMALL);
    }
    const heapAfterSwitches = await heapMb(cdp);
    return {
      openMs,
      heapSmall,
      heapBig,
      heapAfterSwitch,
      heapAfterSwitches,
      scrollSteps: steps,
      scrollMaxTaskCpuMs: longest(tasks),
      scrollTasksOver50: tasks.filter((ms) => ms > 50).length,
      corpusChars,
    };
  } finally {
    await page.close();
  }
}

/** The answer streamed at the end of the long chat, and into the render bench's baseline. */
async function measureStream(browser: Browser, base: string, count: number, tokenCount: number) {
  const tokens = renderCorpusTokens(tokenCount);
  process.stderr.write(`longchat bench: ${tokens.length} tokens streamed at the end of it…\n`);
  const ours = await measure(browser, `${base}?variant=ours&count=${count}&stream=1`, tokens);
  process.stderr.write(`longchat bench: the same into react-markdown re-rendering per chunk…\n`);
  const plain = await measure(browser, `${base}?variant=react-markdown&stream=1`, tokens);
  // A view that lost the answer would make the ratio meaningless: fail the run instead.
  const expected = tokens.join('').length;
  for (const [name, r] of Object.entries({ ours, plain }))
    if (r.textLength < expected * 0.5)
      throw new Error(`${name} showed ${r.textLength} of the answer's ${expected} characters`);
  return { tokens: tokens.length, ours, plain };
}

/** LONGCHAT_ONLY=scroll: the long chat opened and its scroll round traced, nothing else. */
async function scrollOnly(browser: Browser, url: string): Promise<TargetedResult> {
  const { page } = await load(browser, url);
  try {
    await open(page, BIG);
    const { steps, tasks } = await tracedScrollRound(browser, page);
    return {
      metrics: {
        scrollSteps: steps,
        scrollMaxTaskCpuMs: round(longest(tasks)),
        scrollTasksOver50: tasks.filter((ms) => ms > 50).length,
      },
      ratios: {},
      goals: { scrollMaxTaskCpuMs: { target: '<= 50' } },
    };
  } finally {
    await page.close();
  }
}

const streamGoals = {
  streamVsReactMarkdown: { target: '<= 0.1' },
  streamMaxTaskCpuMs: { target: '<= 50' },
};

function streamFigures(stream: Awaited<ReturnType<typeof measureStream>>) {
  return {
    metrics: {
      streamTokens: stream.tokens,
      streamOursScriptMs: round(stream.ours.scriptMs),
      streamReactMarkdownScriptMs: round(stream.plain.scriptMs),
      streamMaxTaskCpuMs: round(stream.ours.maxTaskCpuMs),
    },
    ratios: { streamVsReactMarkdown: round(stream.ours.scriptMs / stream.plain.scriptMs, 3) },
  };
}

/** The open, scroll and heap parts: our view, then the plain list's open. */
async function measureOpenScrollHeap(
  browser: Browser,
  base: string,
  count: number,
  quick: boolean,
) {
  process.stderr.write(`longchat bench: ${count} messages into our view…\n`);
  const ours = await measureOurs(browser, `${base}?variant=ours&count=${count}`, quick ? 2 : 10);
  process.stderr.write(`longchat bench: ${count} messages into a react-markdown list…\n`);
  const plain = await load(browser, `${base}?variant=plain&count=${count}`);
  const plainOpenMs = await open(plain.page, BIG);
  await plain.page.close();
  return {
    metrics: {
      messages: count,
      corpusMb: round(ours.corpusChars / 1_048_576, 2),
      oursOpenMs: round(ours.openMs),
      plainOpenMs: round(plainOpenMs),
      scrollSteps: ours.scrollSteps,
      scrollMaxTaskCpuMs: round(ours.scrollMaxTaskCpuMs),
      scrollTasksOver50: ours.scrollTasksOver50,
      heapSmallMb: round(ours.heapSmall, 2),
      heapBigMb: round(ours.heapBig, 2),
      heapAfterSwitchMb: round(ours.heapAfterSwitch, 2),
      heapAfterSwitchesMb: round(ours.heapAfterSwitches, 2),
    },
    ratios: {
      openVsPlain: round(ours.openMs / plainOpenMs, 3),
      heapBigVsSmall: round(ours.heapBig / ours.heapSmall, 3),
      heapGrowthOverSwitches: round(ours.heapAfterSwitches / ours.heapAfterSwitch, 3),
    },
    goals: {
      openVsPlain: { target: '<= 0.1' },
      scrollMaxTaskCpuMs: { target: '<= 50' },
      heapBigVsSmall: { target: '<= 2' },
      heapGrowthOverSwitches: { target: '<= 1.1' },
    },
  };
}

/** Every part, unless LONGCHAT_ONLY names one (for work on that path; see the top). */
export async function run(options: { quick: boolean }): Promise<TargetedResult> {
  const count = Number(process.env.LONGCHAT_COUNT ?? (options.quick ? 200 : 2000));
  const onlyStream = process.env.LONGCHAT_ONLY === 'stream';
  await build({ configFile });
  const server = await preview({
    configFile,
    preview: { port: 0, host: '127.0.0.1', open: false },
  });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const base = `http://127.0.0.1:${port}/${longChatPagePath}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--js-flags=--expose-gc'],
  });
  try {
    if (process.env.LONGCHAT_ONLY === 'scroll')
      return await scrollOnly(browser, `${base}?variant=ours&count=${count}`);
    const rest = onlyStream
      ? { metrics: {}, ratios: {}, goals: {} }
      : await measureOpenScrollHeap(browser, base, count, options.quick);
    const stream = streamFigures(
      await measureStream(browser, base, count, options.quick ? 400 : 5000),
    );
    return {
      metrics: { ...rest.metrics, ...stream.metrics },
      ratios: { ...rest.ratios, ...stream.ratios },
      goals: { ...rest.goals, ...streamGoals },
    };
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
  }
}
