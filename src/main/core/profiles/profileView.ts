import { secretHint, type Profile, type ProfileView } from '../../../shared/profiles';
import { offersWebSearch } from '../../../shared/webSearch';
import { providerFor } from '../providers/registry';
import { headerAccount, keyAccount, type SecretVault } from '../secrets/SecretVault';
import type { ModelCatalog } from './modelCatalog';
import { effectiveEndpoint, endpointFromEnvironment, envKeyFor } from './profileDefaults';

/** What the renderer sees of a profile: where its key comes from and a hint of it, never the key. */
export async function profileView(
  profile: Profile,
  defaultId: string | null,
  { vault, env, catalog }: { vault: SecretVault; env: NodeJS.ProcessEnv; catalog: ModelCatalog },
): Promise<ProfileView> {
  // What a call would send: a stored key is not sent to a URL the environment substitutes.
  const stored = endpointFromEnvironment(profile, env)
    ? null
    : await vault.get(keyAccount(profile.id));
  const envKey = envKeyFor(profile, env)?.key;
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
    offersEmbeddings: providerFor(profile.type).embeddings !== null,
    ...modelFields(profile, catalog, env),
  };
}

function modelFields(profile: Profile, catalog: ModelCatalog, env: NodeJS.ProcessEnv) {
  const endpoint = effectiveEndpoint(profile, env);
  const effectiveModel = endpoint.defaultModel;
  const list = catalog.get(profile.id);
  return {
    effectiveModel,
    // At the URL calls really go to (OPENAI_BASE_URL may move a built-in profile elsewhere).
    offersWebSearch: offersWebSearch({ ...profile, baseUrl: endpoint.baseUrl }),
    models: catalog.choices(profile.id, effectiveModel),
    modelsFetchedAt: list.fetchedAt,
    modelsError: list.error,
  };
}
