/**
 * Domain types of stored conversations, shared by core (the store), the IPC contract and the
 * renderer (sidebar, search, message versions).
 */
import type { ContextPolicy } from './context';
import type { Said } from './said';
import type { MessagePart } from './messageParts';
import type { ReasoningEffort } from './reasoning';
import type { FinishReason, ProviderError, StreamTiming, Usage } from './stream';

/** Sampling parameters a conversation keeps and each answer records. */
export interface ChatParameters {
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  /** How hard a reasoning model thinks (reasoning.ts); absent: the provider's default. */
  reasoningEffort?: ReasoningEffort;
  /** The provider's own web search tool is offered (shared/webSearch.ts); absent: off. */
  webSearch?: boolean;
  /** Knowledge collections whose passages go with each question (shared/knowledge.ts). */
  knowledge?: string[];
  /** False asks for one plain (non-streamed) response; absent or true streams. */
  stream?: boolean;
}

export interface ConversationSettings {
  profileId: string | null;
  model: string | null;
  systemPrompt: string | null;
  parameters: ChatParameters;
}

/** One row of the sidebar. */
export interface ConversationSummary {
  id: string;
  title: string;
  pinned: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface ConversationDetail extends ConversationSummary, ConversationSettings {
  /** The last message of the thread shown (versions chosen along the way lead to it). */
  currentLeafId: string | null;
  /** What to send once the thread outgrows the model's context window (null: not chosen). */
  contextPolicy?: ContextPolicy | null;
  /** Where "Fork from here" made it from (absent or null: not a fork). */
  forkedFrom?: ForkSource | null;
}

/** The conversation and message a fork was made from; the title is null once that is gone. */
export interface ForkSource {
  conversationId: string;
  messageId: string;
  title?: string | null;
}

export type MessageRole = 'user' | 'assistant' | 'system';

/** A message as stored: what was said and what answered it. */
export interface StoredMessage {
  id: string;
  conversationId: string;
  /** The message this one answers or follows; siblings under one parent are versions. */
  parentId: string | null;
  role: MessageRole;
  /**
   * What the message says, in order: its text, the model's thinking, a refusal in its own words
   * (finish reason 'refusal'), and later kinds. `messageText(parts)` is its text alone.
   */
  parts: MessagePart[];
  /** 'streaming' only while an answer arrives; found at start, it means the app died mid-stream. */
  status: 'streaming' | 'done';
  profileId: string | null;
  model: string | null;
  parameters: ChatParameters | null;
  finishReason: FinishReason | null;
  providerFinishReason: string | null;
  providerMessageId: string | null;
  usage: Usage | null;
  timing: StreamTiming | null;
  error: ProviderError | null;
  createdAt: number;
  updatedAt: number;
  /** The child shown below it last: the way down a branch left and found again (migration 9). */
  shownChildId?: string | null;
}

/** A message of the thread shown, with the versions it can be flipped to. */
export interface ThreadMessage extends StoredMessage {
  /** Ids of every version at this place, oldest first (this one included). */
  versionIds: string[];
}

export interface ConversationThread {
  conversation: ConversationDetail;
  messages: ThreadMessage[];
}

export interface ConversationPage {
  items: ConversationSummary[];
  /** Pass back to get the next page; null at the end. */
  nextCursor: string | null;
}

/** A piece of a search snippet: the renderer shows `match` pieces highlighted, as text. */
export interface SnippetSegment {
  text: string;
  match: boolean;
}

export interface SearchHit {
  conversationId: string;
  conversationTitle: string;
  /** Null when the words were found in the conversation's title (then `segments` mark them there). */
  messageId: string | null;
  role: MessageRole | null;
  segments: SnippetSegment[];
  createdAt: number;
}

export type ExportFormat = 'markdown' | 'json';

/** A file produced for the person to save (the renderer offers it as a download). */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  content: string;
  /** Said beside "Exported …" when not everything could go in (a damaged history). */
  warning?: string;
  /** `warning` as a code, shown in the person's language. */
  warningSaid?: Said;
}

/**
 * What to do with a conversation of an import that is already in the history (same id):
 * leave ours (`skip`), put the imported version in its place (`replace`), or add the imported
 * one beside ours under new ids (`keepBoth`).
 */
export const importDuplicateChoices = ['skip', 'replace', 'keepBoth'] as const;
export type ImportDuplicateChoice = (typeof importDuplicateChoices)[number];

/** What a file would import, read before anything is written, so the person can choose. */
export interface ImportPreview {
  format: 'switchboard' | 'chatgpt';
  conversations: number;
  messages: number;
  /** Conversations of the file the history already has (by id). */
  alreadyPresent: number;
}

export interface ImportSummary {
  format: 'switchboard' | 'chatgpt';
  /** Conversations written (new, replaced or kept beside ours). */
  conversations: number;
  messages: number;
  /** Already present and left as they were. */
  skipped: number;
  /** Already present and replaced by the imported version. */
  replaced: number;
  /** Already present and imported beside ours under new ids. */
  keptBoth: number;
}
