/**
 * One rendering budget shared by every markdown view in the same task. A fast scroll mounts
 * several long answers in one frame; each affording itself a whole task's worth of blocks made
 * tasks of 80–90 ms. Now the first block of a task is always allowed (so every view makes
 * progress), and later ones only while the task's estimated cost and its elapsed time stay
 * within the limits; the rest come in the next tasks.
 */
import { blockBudget } from './markdownBudget';

/** Estimated cost (markdownBudget's units) one task may spend on new blocks, in all views. */
export const taskCostLimit = 1.25 * blockBudget;
/** Wall time since the task's first block after which no new block starts in it. */
export const taskTimeLimitMs = 12;

let open = false;
let startedAt = 0;
let spent = 0;

/** Opens the current task's budget, closed again when the task is over (the next macrotask). */
function openTask(now: number): void {
  if (open) return;
  open = true;
  startedAt = now;
  spent = 0;
  setTimeout(() => {
    open = false;
  }, 0);
}

/** Whether a block estimated at `cost` may render in the current task; if so, it is charged. */
export function takeFromTask(cost: number, now = performance.now()): boolean {
  openTask(now);
  if (spent > 0 && (spent + cost > taskCostLimit || now - startedAt > taskTimeLimitMs))
    return false;
  spent += cost;
  return true;
}
