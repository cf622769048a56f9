/**
 * Tool calls waiting for the person: each one an event to the renderer (a card in the chat) and
 * a promise that the answer, or the answer's Stop, settles. "Always" remembers the tool.
 */
import { randomUUID } from 'node:crypto';
import type { EventSink } from '../../../shared/ipc';
import type { ToolApprovalRequest } from '../../../shared/toolChannels';
import type { ApprovalAnswer } from '../chat/toolLoop';

interface Pending {
  request: ToolApprovalRequest;
  settle(answer: ApprovalAnswer): void;
}

export class ToolApprovals {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly emit: EventSink,
    private readonly remember: (toolName: string) => void,
  ) {}

  ask(
    request: Omit<ToolApprovalRequest, 'approvalId'>,
    signal: AbortSignal,
  ): Promise<ApprovalAnswer> {
    if (signal.aborted) return Promise.resolve('deny');
    const approvalId = randomUUID();
    return new Promise((resolve) => {
      const settle = (answer: ApprovalAnswer) => {
        if (!this.pending.delete(approvalId)) return;
        signal.removeEventListener('abort', onAbort);
        this.emit('toolApprovalSettled', { approvalId });
        resolve(answer);
      };
      const onAbort = () => settle('deny');
      signal.addEventListener('abort', onAbort, { once: true });
      const full = { ...request, approvalId };
      this.pending.set(approvalId, { request: full, settle });
      this.emit('toolApproval', full);
    });
  }

  /** The person's answer; false when the call is no longer waiting (stopped, answered). */
  answer(approvalId: string, answer: 'once' | 'always' | 'deny'): boolean {
    const pending = this.pending.get(approvalId);
    if (!pending) return false;
    if (answer === 'always') this.remember(pending.request.tool.name);
    pending.settle(answer === 'deny' ? 'deny' : 'allow');
    return true;
  }
}
