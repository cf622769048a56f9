import type { StoreApi } from 'zustand';
import type { SendMessageResponse } from '../../../../../shared/ipc';
import type { IpcResult } from '../../../../../shared/result';
import type { ChatMessage, ChatState } from './chatStore';
import { useComposerSettings } from './composerSettings';
import { startingAnswer, takeEarly } from './streamSubscriptions';
import { ipcErrorText } from '../../../lib/i18n';

export type SetChat = StoreApi<ChatState>['setState'];
export type GetChat = StoreApi<ChatState>['getState'];

const startKey = (conversationId: string | null): string => conversationId ?? '';

/** Whether the chat on screen is writing an answer or starting one: no second one may start. */
export function selectBusy(state: ChatState): boolean {
  return state.activeStreamId !== null || state.starting === startKey(state.conversationId);
}

// Batches can arrive before sendMessage's answer names their message: what they brought is
// kept with the background answers, and taken from there when the placeholder goes in.
export function placeholder(id: string, versionIds: string[], profileId?: string): ChatMessage {
  const early = takeEarly(id);
  const empty: ChatMessage = { id, role: 'assistant', parts: [], streaming: true };
  // Shown as streamed or not by what this chat's settings send (a plain answer's footer differs);
  // a regenerated or edited answer comes from the chat's own profile, named in its footer.
  const settings = useComposerSettings.getState();
  const answering = profileId ?? settings.profileId;
  return {
    ...(early ?? empty),
    versionIds,
    streamed: settings.stream,
    ...(answering ? { profileId: answering } : {}),
  };
}

/**
 * Brackets the request that starts an answer in a chat. On success in the chat still shown, the
 * caller's own update clears `starting` together with setting the stream, so Send never flickers.
 */
export async function startIn<T extends { ok: boolean }>(
  set: SetChat,
  get: GetChat,
  conversationId: string | null,
  work: () => Promise<T>,
): Promise<T> {
  const key = startKey(conversationId);
  set({ starting: key });
  let handedOver = false;
  try {
    const result = await startingAnswer(work);
    handedOver = result.ok && get().conversationId === conversationId;
    return result;
  } finally {
    if (!handedOver && get().starting === key) set({ starting: null });
  }
}

/**
 * Starts a new answer in the stored chat on screen (regenerate, edit, continue). Null when none
 * started (busy, refused: the reason is shown) or another chat came on screen meanwhile, where
 * the answer streams in the background; otherwise the caller puts it into the thread.
 */
export async function startInShownChat(
  set: SetChat,
  get: GetChat,
  request: (conversationId: string) => Promise<IpcResult<SendMessageResponse>>,
): Promise<SendMessageResponse | null> {
  const conversationId = get().conversationId;
  if (!conversationId || selectBusy(get())) return null;
  const result = await startIn(set, get, conversationId, () => request(conversationId));
  if (!result.ok) {
    set({ sendError: ipcErrorText(result.error) });
    return null;
  }
  return get().conversationId === conversationId ? result.value : null;
}
