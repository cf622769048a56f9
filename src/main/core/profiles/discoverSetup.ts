import { randomUUID } from 'node:crypto';
import { parse as parseDotenv } from 'dotenv';
import { secretHint, type ProviderType, type SetupCandidate } from '../../../shared/profiles';
import { allProviders } from '../providers/registry';
import { redactUrl, type FetchLike } from './connectionProbe';
import { englishText, said, type Said } from '../../../shared/said';

/** A candidate as main keeps it: with its key, which never leaves main. */
export interface FoundSetup extends SetupCandidate {
  apiKey: string | null;
  azure?: { endpoint?: string; deployment?: string; apiVersion?: string };
}

export interface LocalServer {
  name: string;
  port: number;
  /** The dialect it speaks; absent: that of the modules that list local servers. */
  type?: ProviderType;
}

/** The provider types whose servers run locally: their modules list the usual ports. */
const localProviders = allProviders().filter((p) => p.environment.localServers.length > 0);

/** The usual ports of local servers (Ollama, LM Studio). */
export const usualLocalServers: readonly LocalServer[] = localProviders.flatMap((provider) =>
  provider.environment.localServers.map((server) => ({ ...server, type: provider.type })),
);

/** SWITCHBOARD_LOCAL_SERVERS="Name:port,…" replaces the usual list (tests point it at the emulator). */
export function localServersFrom(env: NodeJS.ProcessEnv): readonly LocalServer[] {
  const spec = env.SWITCHBOARD_LOCAL_SERVERS?.trim();
  if (!spec) return usualLocalServers;
  return spec
    .split(',')
    .map((part) => {
      const at = part.lastIndexOf(':');
      return { name: part.slice(0, at).trim(), port: Number(part.slice(at + 1)) };
    })
    .filter((s) => s.name && Number.isInteger(s.port) && s.port > 0 && s.port < 65536);
}

/** Keys and endpoints in a set of variables (the environment, or a .env file's contents). */
export function candidatesFromVariables(
  vars: Record<string, string | undefined>,
  source: 'environment' | 'envFile',
): FoundSetup[] {
  const found: FoundSetup[] = [];
  const value = (name: string) => vars[name]?.trim() || null;
  for (const provider of allProviders()) {
    const find = provider.environment.find(value);
    if (!find) continue;
    const variables = namesSaid(find.variables);
    const titleSaid = said(
      source === 'environment' ? 'firstRun.inEnvironment' : 'firstRun.inEnvFile',
      { variables },
    );
    found.push({
      id: randomUUID(),
      source,
      title: englishText(titleSaid),
      titleSaid,
      type: provider.type,
      suggestedName: provider.type,
      baseUrl: find.baseUrl,
      apiKey: find.apiKey,
      hint: secretHint(find.apiKey),
      models: [],
      ...(find.azure ? { azure: find.azure } : {}),
    });
  }
  return found;
}

/** "A and B" in the person's language: the variables' names stay as they are. */
function namesSaid(names: readonly string[]): Said | string {
  const [first = '', ...rest] = names;
  return rest.length ? said('firstRun.and', { first, rest: namesSaid(rest) }) : first;
}

/** Parses a .env file the person picked (its text, sent by the renderer) with dotenv's own parser. */
export function candidatesFromEnvFile(text: string): FoundSetup[] {
  return candidatesFromVariables(parseDotenv(text), 'envFile');
}

/** Asks each local server for its models with a short timeout on 127.0.0.1; the silent ones are skipped. */
export async function probeLocalServers(
  servers: readonly LocalServer[],
  options: { fetch?: FetchLike; timeoutMs?: number } = {},
): Promise<FoundSetup[]> {
  const doFetch = options.fetch ?? (fetch as FetchLike);
  const results = await Promise.all(
    servers.map(async (server): Promise<FoundSetup | null> => {
      const type = server.type ?? localProviders[0]?.type;
      if (!type) return null;
      const baseUrl = `http://127.0.0.1:${server.port}/v1`;
      try {
        const response = await doFetch(`${baseUrl}/models`, {
          method: 'GET',
          headers: {},
          signal: AbortSignal.timeout(options.timeoutMs ?? 800),
        });
        if (!response.ok) return null;
        const body = (await response.json()) as { data?: { id?: unknown }[] };
        const models = (body.data ?? [])
          .map((m) => m.id)
          .filter((id): id is string => typeof id === 'string');
        const titleSaid = said('firstRun.localServer', {
          name: server.name,
          address: `127.0.0.1:${server.port}`,
        });
        return {
          id: randomUUID(),
          source: 'localServer',
          title: englishText(titleSaid),
          titleSaid,
          type,
          suggestedName: server.name.toLowerCase().replace(/\s+/g, '-'),
          baseUrl,
          apiKey: null,
          hint: null,
          models: models.slice(0, 20),
        };
      } catch {
        return null;
      }
    }),
  );
  return results.filter((r): r is FoundSetup => r !== null);
}

/** What the renderer may see of a candidate: everything but the key. */
export function publicCandidate(found: FoundSetup): SetupCandidate {
  return {
    id: found.id,
    source: found.source,
    title: found.title,
    // Variable names, a server's name and address: no secret is among its parameters.
    ...(found.titleSaid ? { titleSaid: found.titleSaid } : {}),
    type: found.type,
    suggestedName: found.suggestedName,
    // A URL from the environment may carry user:password or a key in its query.
    baseUrl: found.baseUrl ? redactUrl(found.baseUrl) : null,
    hint: found.hint,
    models: found.models,
  };
}
