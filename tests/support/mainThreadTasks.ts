/**
 * The longest task the page's main thread ran while `action` did its work, in CPU (thread) time
 * from a Chromium trace, so that other processes on a busy machine do not inflate it.
 */
import type { Browser, Page } from '@playwright/test';

export interface TraceEvent {
  name: string;
  ph: string;
  ts?: number;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** A Chromium trace as `browser.stopTracing()` writes it: an object or a bare event list. */
export type Trace = { traceEvents: TraceEvent[] } | TraceEvent[];

/** CPU milliseconds of every task on renderer main threads, the busiest thread's list. */
export function mainThreadTaskCpuMs(trace: Trace): number[] {
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const tasks = events
    .filter((e) => e.ph === 'X' && mainThreads.has(`${e.pid}:${e.tid}`) && /RunTask$/.test(e.name))
    // By start, and the longer first where two start together, so the outer one is met first.
    .sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0) || (b.dur ?? 0) - (a.dur ?? 0));
  // Chromium nests a ThreadControllerImpl::RunTask inside each ThreadPool/Scheduler RunTask:
  // only the outermost counts, or every long task is counted twice.
  const byThread = new Map<string, number[]>();
  const outerEnds = new Map<string, number>();
  for (const e of tasks) {
    const thread = `${e.pid}:${e.tid}`;
    const start = e.ts ?? 0;
    if (start < (outerEnds.get(thread) ?? -Infinity)) continue;
    outerEnds.set(thread, start + (e.dur ?? 0));
    const list = byThread.get(thread) ?? [];
    list.push((e.tdur ?? e.dur ?? 0) / 1000);
    byThread.set(thread, list);
  }
  const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
  return [...byThread.values()].sort((a, b) => sum(b) - sum(a))[0] ?? [];
}

export interface TaskReport {
  /** The longest main-thread task, CPU ms. */
  longestMs: number;
  /** How many tasks ran (a trace that saw none measured nothing). */
  tasks: number;
}

export async function longestMainThreadTask(
  browser: Browser,
  page: Page,
  action: () => Promise<void>,
): Promise<TaskReport> {
  await browser.startTracing(page, { categories: ['toplevel', '__metadata'] });
  let buffer: Buffer;
  try {
    await action();
  } finally {
    buffer = await browser.stopTracing();
  }
  const tasks = mainThreadTaskCpuMs(JSON.parse(buffer.toString('utf8')) as Trace);
  return { longestMs: tasks.length ? Math.max(...tasks) : 0, tasks: tasks.length };
}
