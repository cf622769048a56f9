import type { AttachmentPart } from '../../../../../shared/messageParts';
import { create } from 'zustand';
import type { ForkSource } from '../../../../../shared/conversations';
import type { ChatStreamBatch } from '../../../../../shared/ipc';
import type { MessagePart } from '../../../../../shared/messageParts';
import type {
  FinishReason,
  ProviderError,
  StreamTiming,
  Usage,
} from '../../../../../shared/stream';
import { api } from '../../../lib/api';
import { createForkSlice } from './forkSlice';
import { createRewriteSlice } from './rewriteSlice';
import { createSendSlice } from './sendSlice';
import { noteActivity, type RetryNotice } from './streamSubscriptions';
import { createThreadSlice } from './threadSlice';

export { selectBusy } from './chatStart';

export interface ChatMessage {
  id: string;
  role: 'user' | 'assistant';
  /** What it says, in order: text, thinking, a refusal in its own words (finishReason 'refusal'). */
  parts: MessagePart[];
  streaming: boolean;
  model?: string;
  /** The profile that answered (shown beside the model). */
  profileId?: string;
  usage?: Usage;
  timing?: StreamTiming;
  finishReason?: FinishReason;
  error?: ProviderError;
  /** A context summary (stored with role 'system'): shown as one, never sent as a turn. */
  summary?: boolean;
  /** Every version at this place in the thread (regenerated answers, edited questions), oldest first. */
  versionIds?: string[];
  /** The request failed before any text and is being repeated (a 429): say so while it waits. */
  retry?: RetryNotice | undefined;
  /** False for one plain (non-streamed) response: it has no first token to time. */
  streamed?: boolean;
  /** Reload it from the store when it ends (opened mid-answer with its start missed, continued). */
  resyncOnFinish?: boolean;
}

export interface ChatState {
  conversationId: string | null;
  messages: ChatMessage[];
  activeStreamId: string | null;
  /**
   * The chat whose answer is being started ('' for a new chat): from the click until main names
   * its stream, so Send, Regenerate and the version arrows are already off in that gap.
   */
  starting: string | null;
  /** A failure to start a send at all (the app did not accept it), shown above the composer. */
  sendError: string | null;
  /** `attached`: the composer's stored attachments, as the question's parts will name them. */
  send(text: string, attached?: AttachmentPart[]): Promise<boolean>;
  stop(): Promise<void>;
  newConversation(): void;
  applyBatch(batch: ChatStreamBatch): void;
  // --- Stored conversations (store issue) ---
  /** The message to bring into view once a conversation opens (from search). */
  focusMessageId: string | null;
  openConversation(conversationId: string, focusMessageId?: string): Promise<boolean>;
  selectVersion(messageId: string): Promise<void>;
  regenerate(messageId: string): Promise<void>;
  editAndResend(messageId: string, text: string): Promise<void>;
  continueAnswer(messageId: string): Promise<void>;
  deleteMessage(messageId: string): Promise<void>;
  /** Where the chat on screen was forked from (its header links back), or null. */
  forkedFrom: ForkSource | null;
  /** "Fork from here": opens a new conversation with the path up to the message. */
  fork(messageId: string): Promise<void>;
}

/** The chat on screen, made of one slice per concern (see each slice's file). */
export const useChatStore = create<ChatState>()((...a) => ({
  conversationId: null,
  messages: [],
  activeStreamId: null,
  starting: null,
  sendError: null,
  focusMessageId: null,
  forkedFrom: null,
  ...createSendSlice(...a),
  ...createThreadSlice(...a),
  ...createRewriteSlice(...a),
  ...createForkSlice(...a),
}));

/** Feeds stream batches from main into the store; call once at startup. */
export function subscribeToStreams(): () => void {
  return api.on('chatStream', (batch) => {
    noteActivity(batch, useChatStore.getState().conversationId);
    useChatStore.getState().applyBatch(batch);
  });
}
