import type { IpcHandlers } from '../../../shared/ipc';
import type { Profile } from '../../../shared/profiles';
import { HandlerError } from '../../../shared/result';
import { providerFor } from '../providers/registry';
import {
  candidatesFromEnvFile,
  candidatesFromVariables,
  localServersFrom,
  probeLocalServers,
  publicCandidate,
  type FoundSetup,
} from './discoverSetup';
import { fieldErrors } from './fieldErrors';
import type { ProfileHandlerDeps } from './profileHandlers';
import { profileView } from './profileView';
import { storeProfileSecrets } from './storeProfileSecrets';
import { spoken } from '../../../shared/said';

type FirstRunHandlers = Pick<IpcHandlers, 'discoverSetup' | 'importCandidate' | 'dismissFirstRun'>;

/**
 * First run: what the machine already has (keys in the environment or a .env file, local
 * servers), offered as profiles to import with one click, or dismissed.
 */
export function createFirstRunHandlers(deps: ProfileHandlerDeps): FirstRunHandlers {
  const { profiles, env, catalog, picks } = deps;
  // Found keys stay here, in main, until imported; the renderer holds only their ids.
  let found = new Map<string, FoundSetup>();
  return {
    async discoverSetup({ envFileText }) {
      const all = [
        ...candidatesFromVariables(env, 'environment'),
        ...(envFileText ? candidatesFromEnvFile(envFileText) : []),
        ...(await probeLocalServers(
          localServersFrom(env),
          deps.fetch ? { fetch: deps.fetch } : {},
        )),
      ];
      found = new Map(all.map((c) => [c.id, c]));
      return { candidates: all.map(publicCandidate) };
    },

    async importCandidate({ candidateId, keyStorage }) {
      const candidate = found.get(candidateId);
      if (!candidate) throw new HandlerError('not_found', spoken('ipc.firstRunItemGone'));
      const existing = profiles.find(candidate.suggestedName);
      const base: Profile =
        existing?.type === candidate.type
          ? existing
          : {
              id: '',
              name: uniqueName(candidate.suggestedName, profiles.list()),
              type: candidate.type,
              headers: [],
              authMethod: 'apiKey',
            };
      const draft: Profile = {
        ...base,
        // An Azure find names an endpoint and a deployment; the others a base URL.
        ...(candidate.azure
          ? { azure: { ...base.azure, ...candidate.azure } }
          : candidate.baseUrl
            ? { baseUrl: candidate.baseUrl }
            : {}),
        ...(candidate.models[0] && !base.defaultModel ? { defaultModel: candidate.models[0] } : {}),
        ...(candidate.apiKey
          ? {}
          : { authMethod: providerFor(candidate.type).keyOptional ? 'none' : base.authMethod }),
      };
      const profile = fieldErrors(() => profiles.prepare({ ...draft, id: base.id || undefined }));
      await storeProfileSecrets(deps.vault, profile, {
        apiKey: candidate.apiKey ?? undefined,
        keyStorage,
      });
      profiles.commit(profile);
      profiles.markFirstRunDone();
      if (candidate.models.length > 0) catalog.storeListed(profile.id, candidate.models);
      // Importing is choosing: the imported server answers new chats (not an unpicked env key).
      profiles.setDefault(profile.id);
      picks.forget();
      found.delete(candidateId);
      return profileView(profile, profiles.defaultId(), deps);
    },

    async dismissFirstRun() {
      profiles.markFirstRunDone();
      return { firstRun: false };
    },
  };
}

function uniqueName(name: string, existing: Profile[]): string {
  const taken = new Set(existing.map((p) => p.name.toLowerCase()));
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${name}-${n}`;
  return candidate;
}
