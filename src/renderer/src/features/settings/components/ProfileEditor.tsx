import { useState } from 'react';
import {
  providerTypes,
  responseTimeoutDefaults,
  responseTimeoutRange,
  type ConnectionReport,
  type KeychainStatus,
  type ProfileView,
} from '../../../../../shared/profiles';
import { defaultApiVersion, providerKinds } from '../../../../../shared/providerKinds';
import type { IpcError } from '../../../../../shared/result';
import { useSettingsStore } from '../store/settingsStore';
import { DeleteProfileButton } from './DeleteProfileButton';
import { ConnectionResult } from './ConnectionResult';
import { Field, SelectField } from './Field';
import { HeadersEditor } from './HeadersEditor';
import { WireApiField } from './WireApiField';
import { PromptCachingSwitch } from './PromptCachingSwitch';
import { fieldForPath, formToRequest, type FieldKey, type ProfileFormState } from './profileForm';

/** The two response timeouts: empty means the default, shown as the placeholder. */
const timeoutFields = [
  {
    key: 'firstByteTimeout',
    label: 'Response timeout (s)',
    fallback: responseTimeoutDefaults.firstByteSeconds,
    hint: 'How long to wait for the server to start answering.',
  },
  {
    key: 'idleTimeout',
    label: 'Idle timeout (s)',
    fallback: responseTimeoutDefaults.idleSeconds,
    hint: 'How long a started answer may pause; reasoning models can think for minutes.',
  },
] as const;

interface ProfileEditorProps {
  form: ProfileFormState;
  onChange: (form: ProfileFormState) => void;
  saved: ProfileView | undefined;
  keychain: KeychainStatus;
  onSaved: (view: ProfileView) => void;
  onDeleted: () => void;
}

/** Edits one profile: fields refused by main show their message at the field. */
export function ProfileEditor({
  form,
  onChange,
  saved,
  keychain,
  onSaved,
  onDeleted,
}: ProfileEditorProps) {
  const [errors, setErrors] = useState<Partial<Record<FieldKey, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);
  const [sessionOnly, setSessionOnly] = useState(false);
  const kind = providerKinds[form.type];
  const { endpoint } = kind;
  const set = <K extends keyof ProfileFormState>(key: K, value: ProfileFormState[K]) =>
    onChange({ ...form, [key]: value });

  const showError = (error: IpcError) => {
    const next: Partial<Record<FieldKey, string>> = {};
    const unplaced: string[] = [];
    for (const issue of error.issues ?? []) {
      const field = fieldForPath(issue.path);
      if (field) next[field] ??= issue.message;
      else unplaced.push(issue.message);
    }
    if (error.code === 'unavailable') next.apiKey = error.message;
    setErrors(next);
    setFormError(
      Object.keys(next).length === 0 || unplaced.length
        ? [error.message, ...unplaced].join(' ')
        : null,
    );
  };

  const save = async () => {
    setBusy('save');
    const result = await useSettingsStore.getState().saveProfile({
      ...formToRequest(form),
      keyStorage: sessionOnly ? 'session' : 'keychain',
    });
    setBusy(null);
    if (!result.ok) return showError(result.error);
    setErrors({});
    setFormError(null);
    onSaved(result.value);
  };

  const test = async () => {
    setBusy('test');
    setReport(null);
    const { profile, apiKey, headerSecrets } = formToRequest(form);
    const result = await useSettingsStore.getState().testConnection({
      profile,
      ...(apiKey ? { apiKey } : {}),
      ...(headerSecrets ? { headerSecrets } : {}),
    });
    setBusy(null);
    if (!result.ok) return showError(result.error);
    setErrors({});
    setFormError(null);
    setReport(result.value);
  };

  const remove = async () => {
    if (!saved) return;
    const result = await useSettingsStore.getState().deleteProfile(saved.id);
    if (result.ok) onDeleted();
    else setFormError(result.error.message);
  };

  const makeDefault = async () => {
    if (!saved) return;
    const result = await useSettingsStore.getState().setDefaultProfile(saved.id);
    if (!result.ok) setFormError(result.error.message);
  };

  const keyHint = saved?.hasKey
    ? `Saved key ending in ${saved.hint ?? '(too short to show)'}${saved.keySource === 'environment' ? ', from the environment' : saved.keySource === 'session' ? ', for this session only' : ', in the keychain'}. Type a new one to replace it.`
    : keychain.available
      ? 'Stored in the OS keychain, never on disk.'
      : 'No keychain is reachable: a key can be kept for this session only.';

  return (
    <form
      aria-label={saved ? `Profile ${saved.name}` : 'New profile'}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      className="flex flex-col gap-4"
    >
      <div className="grid grid-cols-2 gap-3">
        <SelectField
          label="Provider type"
          value={form.type}
          options={providerTypes.map((t) => ({ value: t, label: providerKinds[t].label }))}
          onChange={(type) =>
            onChange({
              ...form,
              type,
              authMethod: 'apiKey',
              apiVersion: form.apiVersion || defaultApiVersion(type),
            })
          }
        />
        <Field
          label="Name"
          value={form.name}
          onChange={(v) => set('name', v)}
          error={errors.name}
          placeholder="e.g. Work OpenRouter"
        />
      </div>

      {endpoint.form === 'azureDeployment' ? (
        <div className="grid grid-cols-3 gap-3">
          <Field
            className="col-span-3"
            label="Endpoint"
            value={form.endpoint}
            onChange={(v) => set('endpoint', v)}
            error={errors.endpoint}
            placeholder={endpoint.endpointExample}
          />
          <Field
            className="col-span-2"
            label="Deployment"
            value={form.deployment}
            onChange={(v) => set('deployment', v)}
            error={errors.deployment}
            placeholder={endpoint.deploymentExample}
          />
          <Field
            label="API version"
            value={form.apiVersion}
            onChange={(v) => set('apiVersion', v)}
            error={errors.apiVersion}
          />
        </div>
      ) : (
        <div className="grid grid-cols-3 gap-3">
          <Field
            className="col-span-2"
            label="Base URL"
            value={form.baseUrl}
            onChange={(v) => set('baseUrl', v)}
            error={errors.baseUrl}
            placeholder={endpoint.baseUrlExample}
          />
          <Field
            label="Model"
            value={form.model}
            onChange={(v) => set('model', v)}
            error={errors.model}
            placeholder={endpoint.modelExample}
          />
        </div>
      )}

      {kind.wireApiChoice && <WireApiField value={form.api} onChange={(v) => set('api', v)} />}

      {kind.authChoices.length > 1 && (
        <SelectField
          label="Authentication"
          value={form.authMethod}
          options={kind.authChoices}
          onChange={(v) => set('authMethod', v)}
        />
      )}

      {form.authMethod === 'apiKey' && (
        <div className="space-y-2">
          <Field
            label="API key"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={form.apiKey}
            onChange={(v) => set('apiKey', v)}
            error={errors.apiKey}
            placeholder={saved?.hasKey && saved.hint ? `•••• ${saved.hint}` : 'Paste the key'}
            hint={keyHint}
          />
          {(!keychain.available || errors.apiKey) && (
            <div
              role="note"
              className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
            >
              {/* The reason is in the dialog's banner and under the field; here only the choice. */}
              <label className="flex items-center gap-2 font-medium">
                <input
                  type="checkbox"
                  checked={sessionOnly}
                  onChange={(e) => setSessionOnly(e.target.checked)}
                />
                Keep this key for this session only
              </label>
            </div>
          )}
        </div>
      )}

      <div className="grid grid-cols-2 gap-3">
        {timeoutFields.map(({ key, label, fallback, hint }) => (
          <Field
            key={key}
            label={label}
            type="number"
            inputMode="numeric"
            min={responseTimeoutRange.min}
            max={responseTimeoutRange.max}
            step={1}
            value={form[key]}
            onChange={(v) => set(key, v)}
            error={errors[key]}
            placeholder={String(fallback)}
            hint={hint}
          />
        ))}
      </div>

      {kind.promptCachingSwitch && (
        <PromptCachingSwitch
          checked={form.promptCaching}
          onChange={(v) => set('promptCaching', v)}
        />
      )}

      <details
        className="rounded-md border border-zinc-200 px-3 py-2 dark:border-zinc-800"
        open={form.headers.length > 0 || !!form.authHeader || !!form.organization || !!form.project}
      >
        <summary className="cursor-pointer text-xs font-medium text-zinc-600 dark:text-zinc-400">
          {kind.organizationFields ? 'Organization, gateways and proxies' : 'Gateways and proxies'}
        </summary>
        <div className="mt-3 space-y-3">
          {kind.organizationFields && (
            <div className="grid grid-cols-2 gap-3">
              <Field
                label="Organization"
                value={form.organization}
                onChange={(v) => set('organization', v)}
                error={errors.organization}
                placeholder="org-…"
              />
              <Field
                label="Project"
                value={form.project}
                onChange={(v) => set('project', v)}
                error={errors.project}
                placeholder="proj_…"
              />
            </div>
          )}
          <Field
            label="Auth header name"
            value={form.authHeader}
            onChange={(v) => set('authHeader', v)}
            error={errors.authHeader}
            placeholder="Leave empty for the provider's usual header"
          />
          <HeadersEditor
            headers={form.headers}
            errors={errors}
            onChange={(headers, removed) =>
              onChange({
                ...form,
                headers,
                removedSecretHeaders: removed
                  ? [...form.removedSecretHeaders, removed]
                  : form.removedSecretHeaders,
              })
            }
          />
        </div>
      </details>

      {/* Kept in view at the bottom: the outcome of Save and Test sits beside their buttons. */}
      <div className="sticky bottom-0 space-y-2 border-t border-zinc-200 bg-white py-3 dark:border-zinc-800 dark:bg-zinc-900">
        {formError && (
          <p role="alert" className="text-sm text-red-600 dark:text-red-400">
            {formError}
          </p>
        )}
        {report && <ConnectionResult report={report} onSwitchApi={(api) => set('api', api)} />}
        <div className="flex flex-wrap items-center gap-2">
          <button
            type="submit"
            disabled={busy !== null}
            className="rounded-md bg-blue-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-blue-500 disabled:opacity-50"
          >
            {busy === 'save' ? 'Saving…' : 'Save'}
          </button>
          <button
            type="button"
            onClick={() => void test()}
            disabled={busy !== null}
            className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            {busy === 'test' ? 'Testing…' : 'Test connection'}
          </button>
          <span className="flex-1" />
          {saved && !saved.isDefault && (
            <button
              type="button"
              onClick={() => void makeDefault()}
              className="rounded-md px-3 py-1.5 text-sm text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
            >
              Set as default
            </button>
          )}
          {saved && <DeleteProfileButton name={saved.name} onConfirm={remove} />}
        </div>
      </div>
    </form>
  );
}
