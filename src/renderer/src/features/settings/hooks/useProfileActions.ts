import { useState } from 'react';
import type { ConnectionReport, ProfileView } from '../../../../../shared/profiles';
import type { IpcError } from '../../../../../shared/result';
import { useSettingsStore } from '../store/settingsStore';
import {
  formToRequest,
  placeErrors,
  type FieldErrors,
  type ProfileFormState,
} from '../components/profileForm';
import { ipcErrorText } from '../../../lib/i18n';

interface ProfileActionsOptions {
  form: ProfileFormState;
  saved: ProfileView | undefined;
  onSaved: (view: ProfileView) => void;
  onDeleted: () => void;
}

/**
 * What the profile editor asks main to do (save, test, delete, make default) and what came back:
 * field errors, a form-level message, the connection report, which action is running.
 */
export function useProfileActions({ form, saved, onSaved, onDeleted }: ProfileActionsOptions) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);
  // A key kept in memory only: offered when no keychain is reachable or the keychain refused it.
  const [sessionOnly, setSessionOnly] = useState(false);

  const showError = (error: IpcError) => {
    const placed = placeErrors(error);
    setErrors(placed.errors);
    setFormError(placed.formError);
  };
  const clearErrors = () => {
    setErrors({});
    setFormError(null);
  };

  const save = async () => {
    setBusy('save');
    const result = await useSettingsStore.getState().saveProfile({
      ...formToRequest(form),
      keyStorage: sessionOnly ? 'session' : 'keychain',
    });
    setBusy(null);
    if (!result.ok) return showError(result.error);
    clearErrors();
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
    clearErrors();
    setReport(result.value);
  };

  const remove = async () => {
    if (!saved) return;
    const result = await useSettingsStore.getState().deleteProfile(saved.id);
    if (result.ok) onDeleted();
    else setFormError(ipcErrorText(result.error));
  };

  const makeDefault = async () => {
    if (!saved) return;
    const result = await useSettingsStore.getState().setDefaultProfile(saved.id);
    if (!result.ok) setFormError(ipcErrorText(result.error));
  };

  return {
    errors,
    formError,
    report,
    busy,
    sessionOnly,
    setSessionOnly,
    save,
    test,
    remove,
    makeDefault,
  };
}
