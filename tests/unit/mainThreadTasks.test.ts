import { describe, expect, it } from 'vitest';
import { mainThreadTaskCpuMs, type TraceEvent } from '../support/mainThreadTasks';

const meta: TraceEvent = {
  name: 'thread_name',
  ph: 'M',
  pid: 1,
  tid: 7,
  args: { name: 'CrRendererMain' },
};
const task = (name: string, ts: number, dur: number, tdur = dur, tid = 7): TraceEvent => ({
  name,
  ph: 'X',
  ts,
  dur,
  tdur,
  pid: 1,
  tid,
});

describe('mainThreadTaskCpuMs', () => {
  it('counts a task with its nested RunTask once, by the outer task CPU time', () => {
    const tasks = mainThreadTaskCpuMs([
      meta,
      task('ThreadControllerImpl::RunTask', 1_010, 59_000, 58_000),
      task('ThreadPool_RunTask', 1_000, 60_000, 59_000),
      task('ThreadPool_RunTask', 70_000, 2_000),
    ]);
    expect(tasks).toEqual([59, 2]);
  });

  it('leaves out other threads and events that are not tasks', () => {
    const tasks = mainThreadTaskCpuMs({
      traceEvents: [
        meta,
        task('ThreadPool_RunTask', 0, 5_000),
        task('ThreadPool_RunTask', 0, 90_000, 90_000, 8),
        task('Layout', 10_000, 40_000),
      ],
    });
    expect(tasks).toEqual([5]);
  });
});
