import type {
  AuthMethod,
  ProfileInput,
  ProfileView,
  ProviderType,
} from '../../../../../shared/profiles';
import {
  defaultApiVersion,
  newProfileType,
  providerKinds,
} from '../../../../../shared/providerKinds';
import type { IpcError } from '../../../../../shared/result';
import { ipcErrorText, saidText } from '../../../lib/i18n/said';
import type { WireApi } from '../../../../../shared/wireApi';

/** The settings form as the person edits it: every field a string, converted once on Save. */
export interface ProfileFormState {
  id: string | undefined;
  type: ProviderType;
  name: string;
  baseUrl: string;
  endpoint: string;
  deployment: string;
  apiVersion: string;
  model: string;
  apiKey: string;
  authMethod: AuthMethod;
  authHeader: string;
  organization: string;
  project: string;
  /** Chat Completions or the Responses API; '' leaves it to wireApiFor (by the server's URL). */
  api: WireApi | '';
  /** Seconds, as typed; empty means the default (responseTimeoutDefaults). */
  firstByteTimeout: string;
  idleTimeout: string;
  /** Anthropic prompt caching; on unless the profile turned it off. */
  promptCaching: boolean;
  headers: { name: string; value: string; secret: boolean; stored: boolean }[];
  /** Secret headers removed from the list: their stored values are removed too. */
  removedSecretHeaders: string[];
}

export type FieldKey =
  | 'name'
  | 'baseUrl'
  | 'endpoint'
  | 'deployment'
  | 'apiVersion'
  | 'model'
  | 'apiKey'
  | 'authHeader'
  | 'organization'
  | 'project'
  | 'firstByteTimeout'
  | 'idleTimeout'
  | `header-${number}`;

/** Main's message for each field it refused, shown at that field. */
export type FieldErrors = Partial<Record<FieldKey, string>>;

/** Sets one field of the form (the editor holds the whole form). */
export type SetField = <K extends keyof ProfileFormState>(
  key: K,
  value: ProfileFormState[K],
) => void;

/** What every section of the profile form takes: the form, its setter and the field errors. */
export interface FormSectionProps {
  form: ProfileFormState;
  set: SetField;
  errors: FieldErrors;
}

export function emptyForm(type: ProviderType = newProfileType): ProfileFormState {
  return {
    id: undefined,
    type,
    name: '',
    baseUrl: '',
    endpoint: '',
    deployment: '',
    apiVersion: defaultApiVersion(type),
    model: '',
    apiKey: '',
    authMethod: 'apiKey',
    authHeader: '',
    organization: '',
    project: '',
    api: '',
    firstByteTimeout: '',
    idleTimeout: '',
    promptCaching: true,
    headers: [],
    removedSecretHeaders: [],
  };
}

export function formFromView(view: ProfileView): ProfileFormState {
  return {
    id: view.id,
    type: view.type,
    name: view.name,
    baseUrl: view.baseUrl ?? '',
    endpoint: view.azure?.endpoint ?? '',
    deployment: view.azure?.deployment ?? '',
    apiVersion: view.azure?.apiVersion ?? '',
    model: view.defaultModel ?? '',
    apiKey: '',
    authMethod: view.authMethod,
    authHeader: view.authHeader ?? '',
    organization: view.organization ?? '',
    project: view.project ?? '',
    api: view.api ?? '',
    firstByteTimeout: view.timeouts?.firstByteSeconds?.toString() ?? '',
    idleTimeout: view.timeouts?.idleSeconds?.toString() ?? '',
    promptCaching: view.promptCaching !== false,
    headers: view.headers.map((h) => ({
      name: h.name,
      value: h.value ?? '',
      secret: h.secret,
      stored: h.secret && view.secretHeadersSet.includes(h.name.toLowerCase()),
    })),
    removedSecretHeaders: [],
  };
}

const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
/** A number field: empty is "the default"; anything else goes to main, which validates it. */
const optionalNumber = (value: string) => (value.trim() === '' ? undefined : Number(value));

/** The request fields for saveProfile / testConnection; empty fields are left out (provider defaults). */
export function formToRequest(form: ProfileFormState): {
  profile: ProfileInput;
  apiKey?: string;
  headerSecrets?: Record<string, string | null>;
} {
  const headerSecrets: Record<string, string | null> = {};
  for (const name of form.removedSecretHeaders) headerSecrets[name] = null;
  for (const h of form.headers) if (h.secret && h.value) headerSecrets[h.name.trim()] = h.value;
  const kind = providerKinds[form.type];
  const azure = kind.endpoint.form === 'azureDeployment';
  const profile: ProfileInput = {
    ...(form.id ? { id: form.id } : {}),
    name: form.name,
    type: form.type,
    authMethod: form.authMethod,
    headers: form.headers.map((h) => ({
      name: h.name.trim(),
      secret: h.secret,
      ...(h.secret ? {} : { value: h.value }),
    })),
    // Only the fields the type's form shows are sent: another type's leftovers are dropped.
    baseUrl: azure ? undefined : optional(form.baseUrl),
    azure: azure
      ? {
          endpoint: optional(form.endpoint),
          deployment: optional(form.deployment),
          apiVersion: optional(form.apiVersion),
        }
      : undefined,
    defaultModel: azure ? undefined : optional(form.model),
    authHeader: optional(form.authHeader),
    organization: kind.organizationFields ? optional(form.organization) : undefined,
    project: kind.organizationFields ? optional(form.project) : undefined,
    api: kind.wireApiChoice && form.api ? form.api : undefined,
    timeouts: timeoutsFrom(form),
    // Stored only when turned off: absent means on, as for profiles saved before the switch.
    promptCaching: kind.promptCachingSwitch && !form.promptCaching ? false : undefined,
  };
  const key = form.apiKey.trim();
  return {
    profile,
    ...(key && form.authMethod === 'apiKey' ? { apiKey: key } : {}),
    ...(Object.keys(headerSecrets).length ? { headerSecrets } : {}),
  };
}

function timeoutsFrom(form: ProfileFormState): ProfileInput['timeouts'] {
  const firstByteSeconds = optionalNumber(form.firstByteTimeout);
  const idleSeconds = optionalNumber(form.idleTimeout);
  if (firstByteSeconds === undefined && idleSeconds === undefined) return undefined;
  return {
    ...(firstByteSeconds !== undefined ? { firstByteSeconds } : {}),
    ...(idleSeconds !== undefined ? { idleSeconds } : {}),
  };
}

/** Maps an IPC issue path (e.g. "profile.azure.endpoint") to the field that shows it. */
export function fieldForPath(path: string): FieldKey | null {
  const header = /^profile\.headers\.(\d+)/.exec(path);
  if (header) return `header-${Number(header[1])}`;
  const map: Record<string, FieldKey> = {
    'profile.name': 'name',
    'profile.baseUrl': 'baseUrl',
    'profile.azure.endpoint': 'endpoint',
    'profile.azure.deployment': 'deployment',
    'profile.azure.apiVersion': 'apiVersion',
    'profile.defaultModel': 'model',
    'profile.authHeader': 'authHeader',
    'profile.organization': 'organization',
    'profile.project': 'project',
    'profile.timeouts.firstByteSeconds': 'firstByteTimeout',
    'profile.timeouts.idleSeconds': 'idleTimeout',
    apiKey: 'apiKey',
  };
  return map[path] ?? null;
}

/**
 * Places a refusal from main: each issue at its field, and a form-level message when no field
 * shows it or some issue has no field. A keychain that is unavailable is the API key's problem.
 */
export function placeErrors(error: IpcError): { errors: FieldErrors; formError: string | null } {
  const errors: FieldErrors = {};
  const unplaced: string[] = [];
  for (const issue of error.issues ?? []) {
    const field = fieldForPath(issue.path);
    const text = saidText(issue.said, issue.message);
    if (field) errors[field] ??= text;
    else unplaced.push(text);
  }
  if (error.code === 'unavailable') errors.apiKey = ipcErrorText(error);
  const formError =
    Object.keys(errors).length === 0 || unplaced.length
      ? [ipcErrorText(error), ...unplaced].join(' ')
      : null;
  return { errors, formError };
}
