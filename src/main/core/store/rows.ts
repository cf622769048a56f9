/** Maps SQLite rows to the shared domain types (JSON columns parsed, integers to booleans). */
import type {
  ChatParameters,
  ConversationDetail,
  ConversationSummary,
  MessageRole,
  StoredMessage,
} from '../../../shared/conversations';
import type { MessagePart } from '../../../shared/messageParts';
import type { FinishReason, ProviderError, Usage } from '../../../shared/stream';

export interface ConversationRow {
  id: string;
  title: string;
  title_source: string;
  created_at: number;
  updated_at: number;
  pinned: number;
  deleted_at: number | null;
  profile_id: string | null;
  model: string | null;
  system_prompt: string | null;
  parameters: string;
  current_leaf_id: string | null;
  forked_from_conversation_id: string | null;
  forked_from_message_id: string | null;
  context_policy: string | null;
}

export interface MessageRow {
  seq: number;
  id: string;
  conversation_id: string;
  parent_id: string | null;
  role: MessageRole;
  /** The message's parts as a JSON array (migration 6). */
  parts: string;
  status: 'streaming' | 'done';
  profile_id: string | null;
  model: string | null;
  parameters: string | null;
  finish_reason: FinishReason | null;
  provider_finish_reason: string | null;
  provider_message_id: string | null;
  usage: string | null;
  ttft_ms: number | null;
  total_ms: number | null;
  error: string | null;
  created_at: number;
  updated_at: number;
  shown_child_id: string | null;
}

export function toSummary(
  row: Pick<ConversationRow, 'id' | 'title' | 'pinned' | 'created_at' | 'updated_at'>,
): ConversationSummary {
  return {
    id: row.id,
    title: row.title,
    pinned: row.pinned === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toDetail(row: ConversationRow): ConversationDetail {
  return {
    ...toSummary(row),
    profileId: row.profile_id,
    model: row.model,
    systemPrompt: row.system_prompt,
    parameters: parseJson<ChatParameters>(row.parameters) ?? {},
    currentLeafId: row.current_leaf_id,
    contextPolicy:
      row.context_policy === 'recent' || row.context_policy === 'summary'
        ? row.context_policy
        : null,
    forkedFrom:
      row.forked_from_conversation_id && row.forked_from_message_id
        ? { conversationId: row.forked_from_conversation_id, messageId: row.forked_from_message_id }
        : null,
  };
}

export function toMessage(row: MessageRow): StoredMessage {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    parentId: row.parent_id,
    role: row.role,
    parts: parseParts(row.parts),
    status: row.status,
    profileId: row.profile_id,
    model: row.model,
    parameters: parseJson<ChatParameters>(row.parameters),
    finishReason: row.finish_reason,
    providerFinishReason: row.provider_finish_reason,
    providerMessageId: row.provider_message_id,
    usage: parseJson<Usage>(row.usage),
    timing: row.total_ms === null ? null : { ttftMs: row.ttft_ms, totalMs: row.total_ms },
    error: parseJson<ProviderError>(row.error),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    shownChildId: row.shown_child_id,
  };
}

/** The columns of a message row, in the form inserts and imports bind them. */
export function messageParams(message: StoredMessage): Omit<MessageRow, 'seq'> {
  return {
    id: message.id,
    conversation_id: message.conversationId,
    parent_id: message.parentId,
    role: message.role,
    parts: JSON.stringify(message.parts),
    status: message.status,
    profile_id: message.profileId,
    model: message.model,
    parameters: message.parameters ? JSON.stringify(message.parameters) : null,
    finish_reason: message.finishReason,
    provider_finish_reason: message.providerFinishReason,
    provider_message_id: message.providerMessageId,
    usage: message.usage ? JSON.stringify(message.usage) : null,
    ttft_ms: message.timing?.ttftMs ?? null,
    total_ms: message.timing?.totalMs ?? null,
    error: message.error ? JSON.stringify(message.error) : null,
    created_at: message.createdAt,
    updated_at: message.updatedAt,
    shown_child_id: message.shownChildId ?? null,
  };
}

/** Only this code writes the column, so a value that is not an array means a damaged row. */
function parseParts(text: string): MessagePart[] {
  const parts = parseJson<unknown>(text);
  return Array.isArray(parts) ? (parts as MessagePart[]) : [];
}

function parseJson<T>(text: string | null): T | null {
  if (text === null) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}
