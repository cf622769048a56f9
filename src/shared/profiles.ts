/**
 * Provider profiles: where and how to call a provider. Shared by main (validation, storage),
 * the renderer (the settings form) and the CLI. A profile never holds a secret: API keys and
 * secret header values live in the OS keychain, under the profile's id.
 */
import { z } from 'zod';
import type { Usage } from './stream';
import { wireApis, type WireApi } from './wireApi';
import { englishText, type Said, type SaidCode } from './said';

/** A schema refusal's words, from the errors catalogue (main gives them their code back). */
export const schemaSentence = (code: SaidCode): string => englishText({ code });

export const providerTypes = [
  'openai',
  'anthropic',
  'azure',
  'openai-compatible',
  'gemini',
] as const;
export type ProviderType = (typeof providerTypes)[number];

export const authMethods = ['apiKey', 'entraId', 'none'] as const;
export type AuthMethod = (typeof authMethods)[number];

/** http(s) only: "api.example.com" or "localhost:11434" without a scheme is refused at the field. */
export const httpUrl = z
  .string()
  .trim()
  .max(2048)
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
      } catch {
        return false;
      }
    },
    { message: schemaSentence('profileForm.badUrl') },
  );

/** RFC 9110 token characters: what a header name may contain. */
export const headerName = z
  .string()
  .trim()
  .min(1, schemaSentence('profileForm.headerName'))
  .max(128)
  .regex(
    /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/,
    'A header name has letters, digits and - only (no spaces or colons).',
  );

export const profileId = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{0,63}$/,
    'A profile id is lower-case letters, digits, ".", "_" or "-".',
  );

/** An extra header for gateways and proxies. A secret one keeps its value in the keychain. */
export const profileHeaderSchema = z
  .object({
    name: headerName,
    secret: z.boolean().default(false),
    /** Only for non-secret headers; a secret header's value is sent separately and kept in the keychain. */
    value: z.string().max(4096).optional(),
  })
  .strict();
export type ProfileHeader = z.output<typeof profileHeaderSchema>;

export const profileParamsSchema = z
  .object({
    temperature: z.number().min(0).max(2).optional(),
    topP: z.number().min(0).max(1).optional(),
    maxTokens: z.number().int().positive().max(1_000_000).optional(),
  })
  .strict();

/**
 * How long a call may wait on a silent server, in seconds. First byte: until the server
 * answers at all (status and headers). Idle: between pieces of a started answer; long by
 * default because reasoning models can think for minutes without sending a token.
 */
export const responseTimeoutDefaults = { firstByteSeconds: 60, idleSeconds: 300 } as const;
export const responseTimeoutRange = { min: 1, max: 3600 } as const;

const timeoutSeconds = z
  .number()
  .int('Whole seconds, please.')
  .min(responseTimeoutRange.min, `At least ${responseTimeoutRange.min} s.`)
  .max(responseTimeoutRange.max, `At most ${responseTimeoutRange.max} s (one hour).`);

export const profileTimeoutsSchema = z
  .object({
    firstByteSeconds: timeoutSeconds.optional(),
    idleSeconds: timeoutSeconds.optional(),
  })
  .strict();
export type ProfileTimeouts = z.output<typeof profileTimeoutsSchema>;

const shortText = (max: number) => z.string().trim().min(1).max(max);

export const profileSchema = z
  .object({
    id: profileId,
    name: z
      .string()
      .trim()
      .min(1, schemaSentence('profileForm.noName'))
      .max(80, 'Keep the name under 80 characters.'),
    type: z.enum(providerTypes),
    /** Empty means the provider's usual URL (or OPENAI_BASE_URL / ANTHROPIC_BASE_URL when set). */
    baseUrl: httpUrl.optional(),
    azure: z
      .object({
        endpoint: httpUrl.optional(),
        deployment: shortText(256).optional(),
        apiVersion: shortText(64).optional(),
      })
      .strict()
      .optional(),
    defaultModel: shortText(256).optional(),
    params: profileParamsSchema.optional(),
    /** Absent fields take responseTimeoutDefaults. */
    timeouts: profileTimeoutsSchema.optional(),
    /** Anthropic prompt caching (cache_control breakpoints); absent means on. */
    promptCaching: z.boolean().optional(),
    headers: z.array(profileHeaderSchema).max(32).default([]),
    /** Send the key in this header instead of the provider's usual one (gateways, proxies). */
    authHeader: headerName.optional(),
    organization: shortText(128).optional(),
    project: shortText(128).optional(),
    authMethod: z.enum(authMethods).default('apiKey'),
    /** OpenAI and Azure: Chat Completions or the Responses API; absent: wireApiFor decides. */
    api: z.enum(wireApis).optional(),
  })
  .strict();
export type Profile = z.output<typeof profileSchema>;

/** What the settings form sends: a new profile has no id yet (main derives one from the name). */
export const profileInputSchema = profileSchema.extend({ id: profileId.optional() });
export type ProfileInput = z.input<typeof profileInputSchema>;

export const secretValue = z.string().min(1).max(8192);

/** Where a profile's key came from, as the renderer may know it: never the key itself. */
export type KeySource = 'keychain' | 'session' | 'environment';

export interface ProfileView extends Profile {
  isDefault: boolean;
  hasKey: boolean;
  /** The last 4 characters of the key, so a person can tell keys apart; null when none or too short. */
  hint: string | null;
  keySource: KeySource | null;
  /** Secret headers that have a value stored (by lower-case name). */
  secretHeadersSet: string[];
  /** True when its provider takes requests without a key (a local OpenAI-compatible server). */
  keyOptional: boolean;
  /** The model a chat uses when none is picked (the profile's, the environment's or the provider's). */
  effectiveModel: string;
  /** Its chats can use the provider's own web search (webSearch.ts), at the URL calls go to. */
  offersWebSearch: boolean;
  /** Its provider has an embeddings API, so it can index knowledge collections. */
  offersEmbeddings: boolean;
  /** Models the picker offers: the server's list (cached in main) and models used before. */
  models: string[];
  /** When the server's model list was last fetched (ms epoch), or null when never. */
  modelsFetchedAt: number | null;
  /** Why the last fetch of the model list failed, in plain words. */
  modelsError: string | null;
}

/** Who answers a chat: a profile and one of its models. */
export interface ChatPick {
  profileId: string;
  model: string;
}

/**
 * True when a call with this profile can carry what its server needs: a key, another sign-in,
 * or nothing (OpenAI-compatible servers such as Ollama take requests without a key; main's
 * provider registry says which, in `keyOptional`).
 */
export function profileCanCall(
  view: Pick<ProfileView, 'authMethod' | 'keyOptional' | 'hasKey'>,
): boolean {
  return view.authMethod !== 'apiKey' || view.keyOptional || view.hasKey;
}

export interface KeychainStatus {
  available: boolean;
  /** Why not, in words a person can act on. */
  message: string | null;
  /** `message` as a code: shown in the person's language. */
  said?: Said;
}

export interface ProfilesSnapshot {
  profiles: ProfileView[];
  defaultProfileId: string | null;
  keychain: KeychainStatus;
  /** True until the person imports something, saves a key or dismisses the first-run panel. */
  firstRun: boolean;
  /** Where a new chat starts: the last pick, else the default profile, a working one first. */
  startPick: ChatPick | null;
}

/** The step a connection test reached; the failing one is named in the report. */
export const connectionSteps = [
  'config',
  'dns',
  'connect',
  'tls',
  'timeout',
  'http',
  'auth',
  'model',
  'done',
] as const;
export type ConnectionStep = (typeof connectionSteps)[number];

export interface ConnectionReport {
  ok: boolean;
  step: ConnectionStep;
  /** Plain words: what happened and what to do. */
  message: string;
  /** The same words as a code, shown in the person's language. */
  said?: Said;
  /** The URL called, with any key in it redacted. */
  url: string;
  method: string;
  status: number | null;
  durationMs: number;
  /** The model ids the server listed, when it lists them (up to 1000). */
  models: string[];
  /** The wire API the test's chat call went to (OpenAI and Azure), when it made one. */
  api?: WireApi;
  /** The server refused that API: the one to switch the profile's "API" setting to. */
  suggestedApi?: WireApi;
  /** What the test's chat call was billed, as its answer reported it (the ledger prices it). */
  billed?: ProbeBilled;
}

/** A connection test's billed call: the model that answered and the usage it reported. */
export interface ProbeBilled {
  model: string;
  usage: Usage;
}

export type SetupSource = 'environment' | 'envFile' | 'localServer';

/** Something the first-run scan found; importing it creates a profile (its key into the keychain). */
export interface SetupCandidate {
  id: string;
  source: SetupSource;
  /** e.g. "OPENAI_API_KEY in the environment", "Ollama on 127.0.0.1:11434". */
  title: string;
  /** `title` as a code: shown in the person's language. */
  titleSaid?: Said;
  type: ProviderType;
  suggestedName: string;
  baseUrl: string | null;
  hint: string | null;
  models: string[];
}

export interface AppNotice {
  id: string;
  level: 'info' | 'warning';
  message: string;
  /** The message's code, shown in the person's language (older notices: the English only). */
  said?: Said;
  /** A value the notice offers to copy (a device-code sign-in's code). */
  copy?: string;
}

/** The last 4 characters of a secret, or null when it is too short to show any without giving it away. */
export function secretHint(secret: string | null | undefined): string | null {
  if (!secret || secret.length < 12) return null;
  return secret.slice(-4);
}

/** The stored fields of a view, ready to send back in saveProfile (the view's extras are refused). */
export function profileFromView(view: ProfileView): Profile {
  const {
    isDefault: _d,
    hasKey: _h,
    hint: _hint,
    keySource: _s,
    secretHeadersSet: _set,
    keyOptional: _keyOptional,
    effectiveModel: _model,
    offersWebSearch: _search,
    offersEmbeddings: _embeddings,
    models: _models,
    modelsFetchedAt: _fetched,
    modelsError: _error,
    ...profile
  } = view;
  return profile;
}
