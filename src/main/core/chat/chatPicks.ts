import type { IpcHandlers, ValidRequestOf } from '../../../shared/ipc';
import { profileCanCall, type ProfilesSnapshot } from '../../../shared/profiles';
import { HandlerError } from '../../../shared/result';
import type { ModelCatalog } from '../profiles/modelCatalog';
import type { PickMemory } from '../profiles/startPick';
import type { Store } from '../store/Store';
import type { ChatService } from './ChatService';
import { spoken } from '../../../shared/said';

type Handlers = Pick<
  IpcHandlers,
  | 'sendMessage'
  | 'regenerateMessage'
  | 'editMessage'
  | 'continueMessage'
  | 'updateConversationSettings'
  | 'deleteProfile'
>;

export interface ChatPickDeps {
  store: Store;
  chat: ChatService;
  picks: PickMemory;
  catalog: ModelCatalog;
  /** The profiles as the window sees them (key or not, start pick): main's listProfiles. */
  snapshot: () => Promise<ProfilesSnapshot>;
  deleteProfile: IpcHandlers['deleteProfile'];
  conversationHandlers: Pick<
    IpcHandlers,
    'regenerateMessage' | 'editMessage' | 'continueMessage' | 'updateConversationSettings'
  >;
}

/**
 * Who answers: fills a send's profile from the start pick, refuses before any request when that
 * profile needs a key it lacks, remembers each pick for the next new chat, and moves the
 * conversations of a deleted profile to a working one.
 */
export function createChatPickHandlers(deps: ChatPickDeps): Handlers {
  const { store, chat, picks, catalog, conversationHandlers } = deps;

  /** The profile a conversation's next answer goes to (its own, or the start pick if it is gone). */
  const profileOf = (snapshot: ProfilesSnapshot, conversationId: string | undefined) => {
    const own = conversationId ? store.conversations.get(conversationId)?.profileId : undefined;
    const view = snapshot.profiles.find((p) => p.id === own);
    return view ?? snapshot.profiles.find((p) => p.id === snapshot.startPick?.profileId);
  };

  const refuseWithoutKey = (view: ProfilesSnapshot['profiles'][number] | undefined) => {
    if (!view || profileCanCall(view)) return;
    throw new HandlerError('no_key', spoken('ipc.noKey', { name: view.name }), undefined, view.id);
  };

  const guardConversation = async (conversationId: string) =>
    refuseWithoutKey(profileOf(await deps.snapshot(), conversationId));

  /** After a send: the next new chat starts here, and a typed model is offered from now on. */
  const rememberPick = (snapshot: ProfilesSnapshot, conversationId: string) => {
    const conversation = store.conversations.get(conversationId);
    const view = snapshot.profiles.find((p) => p.id === conversation?.profileId);
    if (!conversation || !view) return;
    const model = conversation.model ?? view.effectiveModel;
    picks.remember({ profileId: view.id, model });
    if (!view.models.includes(model)) catalog.rememberTyped(view.id, model);
  };

  return {
    async sendMessage(request) {
      const snapshot = await deps.snapshot();
      const filled = withStartPick(request, snapshot);
      const view = filled.profileId
        ? snapshot.profiles.find((p) => p.id === filled.profileId)
        : profileOf(snapshot, filled.conversationId);
      refuseWithoutKey(view);
      const sent = chat.send(filled);
      rememberPick(snapshot, sent.conversationId);
      return sent;
    },
    async regenerateMessage(request) {
      await guardConversation(request.conversationId);
      return conversationHandlers.regenerateMessage(request);
    },
    async editMessage(request) {
      await guardConversation(request.conversationId);
      return conversationHandlers.editMessage(request);
    },
    async continueMessage(request) {
      await guardConversation(request.conversationId);
      return conversationHandlers.continueMessage(request);
    },
    async updateConversationSettings(request) {
      const updated = await conversationHandlers.updateConversationSettings(request);
      if (request.profileId) rememberPick(await deps.snapshot(), updated.id);
      return updated;
    },
    async deleteProfile(request) {
      const result = await deps.deleteProfile(request);
      const pick = result.deleted ? (await deps.snapshot()).startPick : null;
      if (pick) store.conversations.moveProfile(request.id, pick.profileId);
      return result;
    },
  };
}

/** A new chat with no pick goes to the start pick (its profile and model), never elsewhere. */
function withStartPick(
  request: ValidRequestOf<'sendMessage'>,
  snapshot: ProfilesSnapshot,
): ValidRequestOf<'sendMessage'> {
  const pick = snapshot.startPick;
  if (request.profileId || request.conversationId || !pick) return request;
  const model = request.settings || request.model ? {} : { model: pick.model };
  return { ...request, profileId: pick.profileId, ...model };
}
