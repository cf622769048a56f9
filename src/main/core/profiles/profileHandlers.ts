import type { IpcHandlers } from '../../../shared/ipc';
import {
  profileCanCall,
  profileSchema,
  secretHint,
  type Profile,
  type ProfileView,
} from '../../../shared/profiles';
import { HandlerError } from '../../../shared/result';
import type { NoticeBoard } from '../notices';
import { providerFor } from '../providers/registry';
import { KeyStoreUnavailableError } from '../secrets/KeyStore';
import {
  headerAccount,
  keyAccount,
  type KeyStorage,
  type SecretVault,
} from '../secrets/SecretVault';
import { probeConnection, type FetchLike } from './connectionProbe';
import {
  candidatesFromEnvFile,
  candidatesFromVariables,
  localServersFrom,
  probeLocalServers,
  publicCandidate,
  type FoundSetup,
} from './discoverSetup';
import type { ModelCatalog } from './modelCatalog';
import { effectiveEndpoint, endpointFromEnvironment, envKeyName } from './profileDefaults';
import { chooseStartPick, type PickMemory } from './startPick';
import { ProfileValidationError } from './ProfileService';
import { destinationOf, resolveProfileTarget, type ResolveTargetDeps } from './resolveTarget';

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
  const { profiles, vault, env, catalog, picks } = deps;
  const probeOptions = deps.fetch ? { fetch: deps.fetch } : {};
  // Found keys stay here, in main, until imported; the renderer holds only their ids.
  let found = new Map<string, FoundSetup>();

  const view = (profile: Profile, defaultId: string | null) =>
    profileView(profile, defaultId, deps);

  // A profile that works replaces a default that cannot call (no key), so new chats reach it.
  const preferWorking = async (saved: ProfileView) => {
    const defaultId = profiles.defaultId();
    const current = defaultId ? profiles.find(defaultId) : undefined;
    if (!profileCanCall(saved) || !current || current.id === saved.id) return;
    if (!profileCanCall(await view(current, defaultId))) profiles.setDefault(saved.id);
  };

  const storeSecrets = async (
    profile: Profile,
    request: {
      apiKey?: string | undefined;
      removeKey?: boolean | undefined;
      headerSecrets?: Record<string, string | null> | undefined;
      keyStorage: KeyStorage;
    },
  ) => {
    try {
      if (request.apiKey)
        await vault.set(keyAccount(profile.id), request.apiKey, request.keyStorage);
      else if (request.removeKey) await vault.remove(keyAccount(profile.id));
      for (const [name, value] of Object.entries(request.headerSecrets ?? {})) {
        if (value === null) await vault.remove(headerAccount(profile.id, name));
        else await vault.set(headerAccount(profile.id, name), value, request.keyStorage);
      }
    } catch (error) {
      if (error instanceof KeyStoreUnavailableError) {
        throw new HandlerError(
          'unavailable',
          `${error.message} You can keep the key for this session only (in memory, never written to disk).`,
        );
      }
      throw error;
    }
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
        deps.notices.post(
          `The saved key of "${profile.name}" was removed because its URL now points to another server. Enter the key again to use it there.`,
          'info',
        );
      }
      await storeSecrets(profile, request);
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

    async refreshModels({ id }) {
      const profile = profiles.find(id);
      if (!profile) throw new HandlerError('not_found', `No profile "${id}".`);
      try {
        const report = await probeConnection(
          await resolveProfileTarget(deps, profile),
          probeOptions,
        );
        if (report.ok || report.models.length > 0) catalog.storeListed(profile.id, report.models);
        else catalog.storeError(profile.id, report.message);
      } catch (error) {
        catalog.storeError(profile.id, error instanceof Error ? error.message : 'Listing failed.');
      }
      return view(profile, profiles.defaultId());
    },

    async testConnection(request) {
      // A draft may be unsaved: validate it as a profile without storing anything.
      const parsed = profileSchema.safeParse({
        ...request.profile,
        id: request.profile.id ?? 'draft',
      });
      if (!parsed.success) {
        throw new ProfileValidationErrorAsHandler(
          parsed.error.issues.map((i) => ({
            path: ['profile', ...i.path.map(String)].join('.'),
            message: i.message,
          })),
        );
      }
      try {
        const saved = request.profile.id ? profiles.find(request.profile.id) : undefined;
        const target = await resolveProfileTarget(deps, parsed.data, {
          apiKey: request.apiKey,
          headerSecrets: request.headerSecrets,
          // Stored secrets are used only for the saved profile's own server, never for a new URL.
          storedSecrets:
            saved !== undefined && destinationOf(saved, env) === destinationOf(parsed.data, env),
        });
        const report = await probeConnection(target, probeOptions);
        // The saved profile's own server listed its models: the picker offers them from now on.
        if (
          saved &&
          report.models.length > 0 &&
          destinationOf(saved, env) === destinationOf(parsed.data, env)
        )
          catalog.storeListed(saved.id, report.models);
        return report;
      } catch (error) {
        // Entra ID sign-in failures land here: they are the auth step.
        const message = error instanceof Error ? error.message.slice(0, 300) : 'Signing in failed.';
        return {
          ok: false,
          step: 'auth',
          message: `Signing in to Microsoft Entra ID failed: ${message}`,
          url: '',
          method: 'POST',
          status: null,
          durationMs: 0,
          models: [],
        };
      }
    },

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
      if (!candidate)
        throw new HandlerError('not_found', 'That item is no longer on the list. Scan again.');
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
      await storeSecrets(profile, { apiKey: candidate.apiKey ?? undefined, keyStorage });
      profiles.commit(profile);
      profiles.markFirstRunDone();
      if (candidate.models.length > 0) catalog.storeListed(profile.id, candidate.models);
      // Importing is choosing: the imported server answers new chats (not an unpicked env key).
      profiles.setDefault(profile.id);
      picks.forget();
      found.delete(candidateId);
      return view(profile, profiles.defaultId());
    },

    async dismissFirstRun() {
      profiles.markFirstRunDone();
      return { firstRun: false };
    },

    async getNotices() {
      return deps.notices.list();
    },
  };
}

async function profileView(
  profile: Profile,
  defaultId: string | null,
  { vault, env, catalog }: { vault: SecretVault; env: NodeJS.ProcessEnv; catalog: ModelCatalog },
): Promise<ProfileView> {
  // What a call would send: a stored key is not sent to a URL the environment substitutes.
  const stored = endpointFromEnvironment(profile, env)
    ? null
    : await vault.get(keyAccount(profile.id));
  const envName = envKeyName(profile);
  const envKey = envName ? env[envName] : undefined;
  const key = stored?.secret ?? envKey ?? null;
  const secretHeadersSet: string[] = [];
  for (const header of profile.headers.filter((h) => h.secret)) {
    if (await vault.get(headerAccount(profile.id, header.name)))
      secretHeadersSet.push(header.name.toLowerCase());
  }
  return {
    ...profile,
    isDefault: profile.id === defaultId,
    hasKey: key !== null,
    hint: secretHint(key),
    keySource: stored ? stored.source : envKey ? 'environment' : null,
    secretHeadersSet,
    keyOptional: providerFor(profile.type).keyOptional,
    ...modelFields(profile, catalog, env),
  };
}

function modelFields(profile: Profile, catalog: ModelCatalog, env: NodeJS.ProcessEnv) {
  const effectiveModel = effectiveEndpoint(profile, env).defaultModel;
  const list = catalog.get(profile.id);
  return {
    effectiveModel,
    models: catalog.choices(profile.id, effectiveModel),
    modelsFetchedAt: list.fetchedAt,
    modelsError: list.error,
  };
}

class ProfileValidationErrorAsHandler extends HandlerError {
  constructor(issues: { path: string; message: string }[]) {
    super('invalid_request', issues[0]?.message ?? 'The profile is not valid.', issues);
  }
}

/** Field-level refusals cross IPC as invalid_request with `issues[].path`, like schema failures. */
function fieldErrors<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ProfileValidationError)
      throw new ProfileValidationErrorAsHandler(error.issues);
    throw error;
  }
}

function uniqueName(name: string, existing: Profile[]): string {
  const taken = new Set(existing.map((p) => p.name.toLowerCase()));
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${name}-${n}`;
  return candidate;
}
