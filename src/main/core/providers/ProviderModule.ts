import type { Profile } from '../../../shared/profiles';
import type { RateLimitInfo } from '../../../shared/stream';
import type { WireApi } from '../../../shared/wireApi';
import type { EmbeddingsWire } from './embeddingsWire';
import type { ProviderAdapter, ProviderProfile, ProviderTarget, ProviderType } from './types';
import type { Spoken } from '../../../shared/said';

/**
 * One provider type, whole: everything the rest of the core needs to know about it is asked of
 * its module through the registry (registry.ts), so nothing else branches on the provider type.
 * Adding a provider type is one module, one registry line, one emulator dialect and its tests
 * (docs/DESIGN.md, "Provider registry").
 */
export interface ProviderModule {
  readonly type: ProviderType;
  /** The provider as people know it, in messages ("OpenAI (work) sent nothing for 60 s…"). */
  readonly label: string;
  /** True when its servers may take requests with no key at all (a local Ollama). */
  readonly keyOptional: boolean;
  /** The wire dialect for one target: request building, auth headers, body reading, models. */
  createAdapter(target: ProviderTarget, options: AdapterOptions): ProviderAdapter;
  /** The rate-limit facts its responses carry in their headers, or null when they carry none. */
  rateLimitFrom(headers: Headers, now?: number): RateLimitInfo | null;
  /** The connection test's steps: one minimal real call, and what its failures mean here. */
  readonly connectionTest: ConnectionTestSteps;
  /** Where a profile's calls go when its fields are left empty, and its own rules. */
  readonly profiles: ProfileRules;
  /** How the SDKs' environment variables configure it (the CLI, the built-in profile). */
  readonly environment: EnvironmentRules;
  /** How attachments go to it: image limits, and whether it reads PDFs (attachmentRules.ts). */
  readonly attachments: AttachmentRules;
  /** Its embeddings API (knowledge bases, embeddingsWire.ts), or null when it has none here. */
  readonly embeddings: EmbeddingsWire | null;
}

export interface AttachmentRules {
  /** The longest edge (px) and the largest encoded size it takes; larger images are scaled down. */
  image: { maxEdge: number; maxBytes: number };
  /** True when it reads a PDF itself; otherwise the PDF's text is extracted and sent as text. */
  readsPdf(profile: ProviderProfile): boolean;
}

/** What an adapter is built with, by the engine (streamChat.ts). */
export interface AdapterOptions {
  /** The engine's fetch: capture for the inspector, no credential across origins. */
  fetch: typeof fetch;
  /** Scrubbed from every message an answer or an error carries. */
  secrets: string[];
  /** The last error response's body, as the capturing fetch saw it. */
  lastErrorBody: () => string | null;
}

/** A target as the connection test gets it: resolved, with the profile's auth choices. */
export interface ProbeTarget {
  profile: ProviderProfile & Pick<Profile, 'authMethod' | 'authHeader'>;
  apiKey: string | null;
  bearerToken: string | null;
  headers: Record<string, string>;
}

/** The connection test's one request. */
export interface ProbeRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** A probe request, and the wire API it exercises when it is a chat call (the report names it). */
export interface ProbeCall {
  request: ProbeRequest;
  api?: WireApi | undefined;
}

export interface ConnectionTestSteps {
  /** The request that proves the settings work, or what to set first (the config step). */
  request(target: ProbeTarget): ProbeCall | { problem: Spoken };
  /** What an HTTP 404 to that request means for this provider, in plain words. */
  notFound(profile: ProviderProfile): Spoken;
  /**
   * A second call, made by the connection test once `request` passed, proving the wire API the
   * profile's chats use where `request` did not (a models list proves the key, not /responses);
   * null when there is nothing to ask it (no model yet). Not made when models are refreshed.
   */
  apiRequest?(target: ProbeTarget): (ProbeCall & { api: WireApi }) | null;
}

export interface EffectiveEndpoint {
  baseUrl: string;
  defaultModel: string;
}

export interface ProfileIssue {
  path: string;
  message: string;
}

export interface ProfileRules {
  /** The profile created for this type on first start, or null when it has none. */
  readonly builtIn: Profile | null;
  /**
   * The URL and model a profile resolves to when left empty: the provider's usual ones, or for
   * the built-in profile (`builtIn` true) what the environment sets.
   */
  endpoint(profile: Profile, env: NodeJS.ProcessEnv, builtIn: boolean): EffectiveEndpoint;
  /** Rules across fields the schema alone cannot say (a compatible server needs its URL). */
  issues(profile: Profile): ProfileIssue[];
}

/** The CLI's flags over the environment. */
export interface EnvironmentOverrides {
  baseUrl?: string | undefined;
  /** Azure's resource endpoint (`--endpoint`); other types ignore it. */
  endpoint?: string | undefined;
  model?: string | undefined;
  apiVersion?: string | undefined;
}

export interface EnvironmentRules {
  /** The variable its SDK reads the key from (OPENAI_API_KEY, …), as Copy as cURL names it. */
  readonly keyVariable: string;
  /**
   * Every variable its SDK reads a key from, the one that wins first (Gemini's SDK reads
   * GOOGLE_API_KEY before GEMINI_API_KEY); `keyVariable` is among them.
   */
  readonly keyVariables: readonly string[];
  /** A profile read from the environment the way its SDK does. */
  profile(env: NodeJS.ProcessEnv, overrides: EnvironmentOverrides): ProviderProfile;
  /** The key the environment holds for that profile (never one meant for another server). */
  apiKey(profile: ProviderProfile, env: NodeJS.ProcessEnv): string | null;
  /** Why that profile cannot be called as it is (the CLI's usage error), or null. */
  missing(profile: ProviderProfile): string | null;
  /** What the first-run scan finds for this type in a set of variables (or a .env file). */
  find(value: (name: string) => string | null): FoundVariables | null;
  /** The usual ports of local servers speaking this dialect, which the first-run scan asks. */
  readonly localServers: readonly LocalServer[];
}

/** A first-run find: the variables that told of it, and what they set. */
export interface FoundVariables {
  variables: string[];
  apiKey: string | null;
  baseUrl: string | null;
  azure?: { endpoint?: string; deployment?: string; apiVersion?: string };
}

export interface LocalServer {
  name: string;
  port: number;
}
