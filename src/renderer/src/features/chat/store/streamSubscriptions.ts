import { create } from 'zustand';
import type { ChatStreamBatch } from '../../../../../shared/ipc';
import { appendDelta } from '../../../../../shared/messageParts';
import { foldToolEvent } from '../../../../../shared/toolParts';
import { withCitation } from '../../../../../shared/webSearch';
import type { ProviderErrorKind, StreamEvent } from '../../../../../shared/stream';
import type { ChatMessage } from './chatStore';

/**
 * Answers keep streaming in main whatever chat is on screen. The renderer keeps, per running
 * answer that is not shown, one compact copy of what has arrived so far (never the batches
 * themselves), so opening that chat again shows the text so far and goes on from there.
 */
interface BackgroundAnswer {
  conversationId: string;
  message: ChatMessage;
}

/** A request being repeated after a transient failure (a 429), for the "retrying" line. */
export interface RetryNotice {
  attempt: number;
  maxRetries: number;
  delayMs: number;
  kind: ProviderErrorKind;
  /** Epoch ms when the wait ends, for the countdown. */
  until: number;
}

/** Running answers off screen, the most recently updated last (a Map keeps insertion order). */
const background = new Map<string, BackgroundAnswer>();
/**
 * Off-screen copies are a convenience (the store has every answer), so they are capped: past the
 * limit the copy updated longest ago goes, and reopening its chat reloads that answer at its end.
 */
const BACKGROUND_LIMIT = 16;
/** Finished answers whose sender had not learnt their message id yet: a short, bounded list. */
const recentlyFinished = new Map<string, BackgroundAnswer>();
const RECENT_LIMIT = 16;
/** Requests that may start an answer are in flight: batches before their reply belong to them. */
let startsInFlight = 0;

export interface StreamActivity {
  /** Conversation id → the stream writing its answer. */
  generating: Record<string, string>;
  /** Conversations whose answer ended while another chat was on screen. */
  unread: Record<string, true>;
}

/** Which chats are generating or have an unread answer (the sidebar's activity dot). */
export const useStreamActivity = create<StreamActivity>(() => ({ generating: {}, unread: {} }));

/** Applies a batch's events to a message; returns it updated (the input is not changed). */
export function applyStreamEvents(source: ChatMessage, events: StreamEvent[]): ChatMessage {
  const message = { ...source };
  for (const event of events) {
    switch (event.type) {
      case 'text':
      case 'reasoning':
      case 'refusal':
        message.parts = appendDelta(message.parts, event.type, event.text);
        message.retry = undefined;
        break;
      case 'toolCall':
      case 'toolStatus':
      case 'toolResult':
        message.parts = foldToolEvent(message.parts, event);
        break;
      case 'citation':
        message.parts = withCitation(message.parts, event);
        break;
      case 'metadata':
        if (event.model) message.model = event.model;
        break;
      case 'usage':
        message.usage = event.usage;
        break;
      case 'error':
        message.error = event.error;
        break;
      case 'retry':
        message.retry = retryNotice(event);
        break;
      case 'finish':
        message.streaming = false;
        message.finishReason = event.finishReason;
        message.timing = event.timing;
        message.retry = undefined;
        break;
    }
  }
  return message;
}

function retryNotice(event: Extract<StreamEvent, { type: 'retry' }>): RetryNotice {
  return {
    attempt: event.attempt,
    maxRetries: event.maxRetries,
    delayMs: event.delayMs,
    kind: event.error.kind,
    // When the wait ends, as the renderer's clock sees it, for a countdown.
    until: Date.now() + event.delayMs,
  };
}

/** Keeps the activity record true to a batch, whichever chat it belongs to. */
export function noteActivity(batch: ChatStreamBatch, shownConversationId: string | null): void {
  const finished = batch.events.some((e) => e.type === 'finish');
  useStreamActivity.setState((state) => {
    const generating = { ...state.generating };
    const unread = { ...state.unread };
    if (finished) {
      if (generating[batch.conversationId] === batch.streamId)
        delete generating[batch.conversationId];
      if (batch.conversationId !== shownConversationId) unread[batch.conversationId] = true;
    } else {
      generating[batch.conversationId] = batch.streamId;
    }
    return { generating, unread };
  });
}

/** Marks a conversation as read (it is on screen now). */
export function markRead(conversationId: string): void {
  if (!useStreamActivity.getState().unread[conversationId]) return;
  useStreamActivity.setState((state) => {
    const unread = { ...state.unread };
    delete unread[conversationId];
    return { unread };
  });
}

function rememberFinished(messageId: string, answer: BackgroundAnswer): void {
  recentlyFinished.set(messageId, answer);
  if (recentlyFinished.size > RECENT_LIMIT) {
    const oldest = recentlyFinished.keys().next().value;
    if (oldest !== undefined) recentlyFinished.delete(oldest);
  }
}

function keepRunning(messageId: string, answer: BackgroundAnswer): void {
  background.delete(messageId);
  background.set(messageId, answer);
  if (background.size > BACKGROUND_LIMIT) {
    const stalest = background.keys().next().value;
    if (stalest !== undefined) background.delete(stalest);
  }
}

/** A batch for a message not on screen: folded into that answer's copy. */
export function keepInBackground(batch: ChatStreamBatch): void {
  const finished = recentlyFinished.get(batch.messageId);
  // A late batch of an answer that has ended (figures after its finish) updates that copy; it
  // must not start a "running" copy that no finish would ever end.
  if (finished) {
    const message = { ...applyStreamEvents(finished.message, batch.events), streaming: false };
    recentlyFinished.set(batch.messageId, { ...finished, message });
    return;
  }
  const known = background.get(batch.messageId);
  // Not seen from its start (the page loaded mid-answer, or its copy went past the cap): a copy
  // would be partial, so none is kept; opening its chat shows the store's and reloads at the end.
  if (!known && startsInFlight === 0) return;
  const start: BackgroundAnswer = known ?? {
    conversationId: batch.conversationId,
    message: {
      id: batch.messageId,
      role: 'assistant',
      parts: [],
      streaming: true,
    },
  };
  const answer = { ...start, message: applyStreamEvents(start.message, batch.events) };
  if (answer.message.streaming) {
    keepRunning(batch.messageId, answer);
  } else {
    background.delete(batch.messageId);
    rememberFinished(batch.messageId, answer);
  }
}

/** A chat leaves the screen: its running answers go on in the background. */
export function parkStreaming(conversationId: string | null, messages: ChatMessage[]): void {
  if (!conversationId) return;
  for (const message of messages) {
    if (message.role === 'assistant' && message.streaming)
      keepRunning(message.id, { conversationId, message });
  }
}

/**
 * A chat comes on screen: its answers still running show what has arrived so far. The copy
 * is taken off the background list, since the chat's own messages receive batches from now on.
 */
export function reattach(messages: ChatMessage[]): ChatMessage[] {
  return messages.map((message) => {
    const live = background.get(message.id) ?? recentlyFinished.get(message.id);
    // Still running with no copy here (not seen from its start, or dropped past the cap): the
    // store's text is partial, so it is reloaded when the answer ends, never patched.
    if (!live) return message.streaming ? { ...message, resyncOnFinish: true } : message;
    background.delete(message.id);
    recentlyFinished.delete(message.id);
    if (!message.streaming && live.message.streaming) return message;
    return { ...live.message, versionIds: message.versionIds ?? live.message.versionIds };
  });
}

/** What arrived for a message before its sender learnt its id (or null). */
export function takeEarly(messageId: string): ChatMessage | null {
  const live = background.get(messageId) ?? recentlyFinished.get(messageId);
  background.delete(messageId);
  recentlyFinished.delete(messageId);
  return live ? live.message : null;
}

/** Brackets a request that starts an answer (send, regenerate, edit, continue). */
export async function startingAnswer<T>(work: () => Promise<T>): Promise<T> {
  startsInFlight++;
  try {
    return await work();
  } finally {
    startsInFlight--;
  }
}

/** For tests and diagnostics: how many answers are kept off screen. */
export function backgroundCount(): number {
  return background.size + recentlyFinished.size;
}
