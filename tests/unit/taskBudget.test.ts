import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  takeFromTask,
  taskCostLimit,
  taskTimeLimitMs,
} from '../../src/renderer/src/lib/taskBudget';

describe('the rendering budget shared by one task', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.runAllTimers();
    vi.useRealTimers();
  });

  it('always allows the first block of a task, however dear, and nothing after it', () => {
    expect(takeFromTask(taskCostLimit * 3, 0)).toBe(true);
    expect(takeFromTask(1, 0)).toBe(false);
  });

  it('shares the cost limit between views, and opens again in the next task', () => {
    expect(takeFromTask(taskCostLimit / 2, 0)).toBe(true);
    expect(takeFromTask(taskCostLimit / 2, 1)).toBe(true);
    expect(takeFromTask(1, 2)).toBe(false);
    vi.runAllTimers();
    expect(takeFromTask(taskCostLimit / 2, 100)).toBe(true);
  });

  it('starts no block once the task has run past its time limit', () => {
    expect(takeFromTask(10, 0)).toBe(true);
    expect(takeFromTask(10, taskTimeLimitMs - 1)).toBe(true);
    expect(takeFromTask(10, taskTimeLimitMs + 1)).toBe(false);
  });

  describe('in animation frames', () => {
    let frames: FrameRequestCallback[] = [];
    const runFrames = () => {
      const due = frames;
      frames = [];
      for (const callback of due) callback(0);
    };
    beforeEach(() => {
      frames = [];
      vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
        frames.push(callback);
        return frames.length;
      });
    });
    afterEach(() => {
      vi.unstubAllGlobals();
    });

    it('opens again at the next frame though the timer has not run yet', () => {
      expect(takeFromTask(10, 0)).toBe(true);
      // The next frame comes 20 ms later with the task's timer still waiting (a busy machine).
      runFrames();
      expect(takeFromTask(10, 20)).toBe(true);
      expect(takeFromTask(10, 21)).toBe(true);
    });

    it("a frame due after the task ended leaves the next task's budget alone", () => {
      expect(takeFromTask(taskCostLimit / 2, 0)).toBe(true);
      const firstTasksFrame = frames.pop()!;
      vi.runAllTimers();
      expect(takeFromTask(taskCostLimit / 2, 1)).toBe(true);
      // The first task's frame callback comes now: the second task has still spent half.
      firstTasksFrame(0);
      expect(takeFromTask(taskCostLimit, 2)).toBe(false);
    });
  });
});
