import type { IpcHandlers } from '../../../shared/ipc';
import { profileCanCall, type Profile, type ProfileView } from '../../../shared/profiles';
import type { NoticeBoard } from '../notices';
import { createConnectionHandlers } from './connectionHandlers';
import type { FetchLike } from './connectionProbe';
import { fieldErrors } from './fieldErrors';
import { createFirstRunHandlers } from './firstRunHandlers';
import type { ModelCatalog } from './modelCatalog';
import { profileView } from './profileView';
import { chooseStartPick, type PickMemory } from './startPick';
import { storeProfileSecrets } from './storeProfileSecrets';
import { destinationOf, type ResolveTargetDeps } from './resolveTarget';
import { spoken } from '../../../shared/said';

export type ProfileHandlers = Pick<
  IpcHandlers,
  | 'listProfiles'
  | 'saveProfile'
  | 'deleteProfile'
  | 'setDefaultProfile'
  | 'refreshModels'
  | 'testConnection'
  | 'discoverSetup'
  | 'importCandidate'
  | 'dismissFirstRun'
  | 'getNotices'
>;

export interface ProfileHandlerDeps extends ResolveTargetDeps {
  notices: NoticeBoard;
  fetch?: FetchLike;
  catalog: ModelCatalog;
  picks: PickMemory;
}

/** The settings and first-run channels. Answers carry hints and `hasKey`, never a key. */
export function createProfileHandlers(deps: ProfileHandlerDeps): ProfileHandlers {
  return {
    ...createProfileListHandlers(deps),
    ...createConnectionHandlers(deps),
    ...createFirstRunHandlers(deps),
    getNotices: async () => deps.notices.list(),
  };
}

/** The profile list itself: read, save (with its secrets), delete, and which one is default. */
function createProfileListHandlers(
  deps: ProfileHandlerDeps,
): Pick<IpcHandlers, 'listProfiles' | 'saveProfile' | 'deleteProfile' | 'setDefaultProfile'> {
  const { profiles, vault, env, catalog, picks } = deps;
  const view = (profile: Profile, defaultId: string | null) =>
    profileView(profile, defaultId, deps);

  // A profile that works replaces a default that cannot call (no key), so new chats reach it.
  const preferWorking = async (saved: ProfileView) => {
    const defaultId = profiles.defaultId();
    const current = defaultId ? profiles.find(defaultId) : undefined;
    if (!profileCanCall(saved) || !current || current.id === saved.id) return;
    if (!profileCanCall(await view(current, defaultId))) profiles.setDefault(saved.id);
  };

  return {
    async listProfiles() {
      const defaultProfileId = profiles.defaultId();
      const views = [];
      for (const profile of profiles.list()) views.push(await view(profile, defaultProfileId));
      return {
        profiles: views,
        defaultProfileId,
        keychain: await vault.status(),
        firstRun: !profiles.firstRunDone,
        startPick: chooseStartPick(views, defaultProfileId, picks.last()),
      };
    },

    async saveProfile(request) {
      const profile = fieldErrors(() => profiles.prepare(request.profile));
      const before = request.profile.id ? profiles.find(request.profile.id) : undefined;
      if (before && !request.apiKey && destinationOf(before, env) !== destinationOf(profile, env)) {
        // A stored key goes only where it was saved for: moved elsewhere, it must be typed again.
        await vault.removeProfile(profile.id);
        deps.notices.post(spoken('notice.keyRemovedMoved', { name: profile.name }), 'info');
      }
      await storeProfileSecrets(vault, profile, request);
      profiles.commit(profile);
      if (request.makeDefault) {
        profiles.setDefault(profile.id);
        picks.forget();
      } else await preferWorking(await view(profile, profiles.defaultId()));
      if (request.apiKey) profiles.markFirstRunDone();
      return view(profile, profiles.defaultId());
    },

    async deleteProfile({ id }) {
      const deleted = profiles.delete(id);
      if (deleted) {
        await vault.removeProfile(id);
        catalog.forget(id);
      }
      return { deleted };
    },

    async setDefaultProfile({ id }) {
      fieldErrors(() => profiles.setDefault(id));
      picks.forget();
      return { defaultProfileId: id };
    },
  };
}
