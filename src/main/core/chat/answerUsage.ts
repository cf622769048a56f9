import type { ProviderProfile, ChatRequest } from '../providers/types';
import type { AnswerEnd } from '../store/MessageStore';
import type { UsageCallKind } from '../store/UsageLedger';
import type { UsageWriter } from '../usage/UsageWriter';
import type { ToolStepEnd } from './toolLoop';

interface AnswerCall {
  kind: UsageCallKind;
  profile: ProviderProfile;
  request: ChatRequest;
  conversationId: string;
  messageId: string;
}

/**
 * An answer's usage rows: one for a plain answer; with tools, one per provider call of the loop
 * (each step's own tokens and timing), all under the answer's message id.
 */
export function recordAnswerUsage(
  usage: UsageWriter,
  call: AnswerCall,
  result: AnswerEnd,
  steps: readonly ToolStepEnd[],
): void {
  const rows = steps.length
    ? steps.map((step) => ({
        usage: step.usage,
        model: step.model,
        timing: step.timing,
        outcome: step.finishReason,
      }))
    : [
        {
          usage: result.usage ?? null,
          model: result.model,
          timing: result.timing ?? null,
          outcome: result.finishReason,
        },
      ];
  for (const row of rows)
    usage.recordCall(
      {
        kind: call.kind,
        profileId: call.profile.id,
        provider: call.profile.type,
        model: row.model ?? call.request.model,
        conversationId: call.conversationId,
        messageId: call.messageId,
        usage: row.usage,
        ttftMs: row.timing?.ttftMs ?? null,
        durationMs: row.timing?.totalMs ?? null,
        outcome: row.outcome,
      },
      { bumpConversationId: call.conversationId },
    );
}
