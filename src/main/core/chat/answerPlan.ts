import type { AnswerFigures } from '../../../shared/answerFigures';
import type { ConversationDetail, StoredMessage } from '../../../shared/conversations';
import {
  attachmentParts,
  hasToolParts,
  messageText,
  type MessagePart,
} from '../../../shared/messageParts';
import { answerTurns } from './answerTurns';
import type { ChatRequest, ChatTurn } from '../providers/types';
import type { UsageCallKind } from '../store/UsageLedger';
import { splitAtSummary, systemWithSummary } from '../context/summarySplit';

/** Sent after a partial answer so the model writes only what comes next. */
export const CONTINUE_PROMPT =
  'Continue your previous answer exactly where it stopped. Do not repeat anything, do not add a preamble.';

/** Everything one answer needs: what it answers, where it is saved, how it is counted. */
export interface AnswerPlan {
  conversation: ConversationDetail;
  /** Root → the question (for continue: → the partial answer). */
  history: StoredMessage[];
  /** Turns sent after the history but never stored (the continue instruction). */
  extraTurns: ChatTurn[];
  messageId: string;
  questionId: string;
  /** What is already there (a continued answer's parts), with its figures so far. */
  base: { parts: MessagePart[]; figures?: AnswerFigures };
  kind: UsageCallKind;
}

/** The conversation's own model, system prompt and parameters, over its stored history. */
export function buildRequest(plan: AnswerPlan, fallbackModel: string): ChatRequest {
  const { conversation } = plan;
  // After a context summary, the model reads the summary in place of what came before it.
  const { summary, rest } = splitAtSummary(plan.history);
  const request: ChatRequest = {
    model: conversation.model ?? fallbackModel,
    messages: [...toTurns(rest), ...plan.extraTurns],
  };
  const system = systemWithSummary(conversation.systemPrompt, summary);
  if (system) request.system = system;
  if (conversation.parameters.temperature !== undefined)
    request.temperature = conversation.parameters.temperature;
  if (conversation.parameters.maxTokens !== undefined)
    request.maxTokens = conversation.parameters.maxTokens;
  if (conversation.parameters.topP !== undefined) request.topP = conversation.parameters.topP;
  if (conversation.parameters.reasoningEffort !== undefined)
    request.reasoningEffort = conversation.parameters.reasoningEffort;
  if (conversation.parameters.webSearch) request.webSearch = true;
  if (conversation.parameters.knowledge?.length)
    request.knowledge = [...conversation.parameters.knowledge];
  if (conversation.parameters.stream === false) request.stream = false;
  return request;
}

/**
 * Stored messages as provider turns: empty failed answers and system notes are not sent; a
 * question's attachments go as references (`attached`), prepared for the provider just before
 * the call (attachments/attachedEngine.ts), so a question of only attachments is kept.
 */
export function toTurns(history: StoredMessage[]): ChatTurn[] {
  return history
    .filter(
      (m): m is StoredMessage & { role: 'user' | 'assistant' } =>
        m.role === 'user' || m.role === 'assistant',
    )
    .flatMap((m): ChatTurn[] => {
      if (m.role === 'assistant')
        return hasToolParts(m.parts)
          ? answerTurns(m.parts)
          : [{ role: 'assistant', content: messageText(m.parts) }];
      const attached = attachmentParts(m.parts);
      const turn = { role: 'user' as const, content: messageText(m.parts) };
      return [attached.length ? { ...turn, attached } : turn];
    })
    .filter(
      (turn) =>
        turn.content.length > 0 ||
        turn.role === 'tool' ||
        (turn.role === 'user' && !!turn.attached) ||
        (turn.role === 'assistant' && !!turn.toolCalls),
    );
}

/** A failed answer with no text: nothing of it reaches the provider (toTurns drops it). */
export function isEmptyFailure(message: StoredMessage): boolean {
  return (
    message.role === 'assistant' &&
    message.status === 'done' &&
    messageText(message.parts).length === 0 &&
    (message.finishReason === 'error' || message.finishReason === 'cancelled')
  );
}

/**
 * Where a new question goes: after the thread's last message, except after a question whose
 * answer failed with nothing, which the new one replaces as a version beside it, so that two
 * questions in a row never reach the provider.
 */
export function questionParent(
  leafId: string | null,
  lookup: (id: string) => StoredMessage | null,
): string | null {
  const leaf = leafId ? lookup(leafId) : undefined;
  if (!leaf || !isEmptyFailure(leaf) || !leaf.parentId) return leafId;
  const question = lookup(leaf.parentId);
  return question?.role === 'user' ? question.parentId : leafId;
}
