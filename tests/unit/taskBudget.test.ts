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
});
