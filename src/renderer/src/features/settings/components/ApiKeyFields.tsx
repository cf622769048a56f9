import type { TFunction } from '../../../lib/i18n';
import type { KeychainStatus, ProfileView } from '../../../../../shared/profiles';
import { providerKinds } from '../../../../../shared/providerKinds';
import { Field, SelectField } from './Field';
import type { FormSectionProps } from './profileForm';
import { useTranslation } from '../../../lib/i18n';

interface ApiKeyFieldsProps extends FormSectionProps {
  saved: ProfileView | undefined;
  keychain: KeychainStatus;
  sessionOnly: boolean;
  onSessionOnly: (sessionOnly: boolean) => void;
}

/** Where the saved key lives, or where a new one will: the key field's hint. */
function keyHint(t: TFunction, saved: ProfileView | undefined, keychain: KeychainStatus): string {
  if (saved?.hasKey) {
    const where =
      saved.keySource === 'environment'
        ? 'savedKeyEnv'
        : saved.keySource === 'session'
          ? 'savedKeySession'
          : 'savedKeyKeychain';
    return t(`profile.${where}`, { hint: saved.hint ?? t('profile.hintTooShort') });
  }
  return keychain.available ? t('profile.keyStored') : t('profile.noKeychain');
}

/**
 * How the profile signs in: the choice of method where the type offers more than a key, the key
 * itself (never shown back, only its last characters), and keeping it for this session only.
 */
export function ApiKeyFields({
  form,
  set,
  errors,
  saved,
  keychain,
  sessionOnly,
  onSessionOnly,
}: ApiKeyFieldsProps) {
  const { t } = useTranslation('settings');
  const { authChoices } = providerKinds[form.type];
  return (
    <>
      {authChoices.length > 1 && (
        <SelectField
          label={t('profile.authentication')}
          value={form.authMethod}
          options={authChoices}
          onChange={(v) => set('authMethod', v)}
        />
      )}
      {form.authMethod === 'apiKey' && (
        <div className="space-y-2">
          <Field
            label={t('profile.apiKey')}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={form.apiKey}
            onChange={(v) => set('apiKey', v)}
            error={errors.apiKey}
            placeholder={saved?.hasKey && saved.hint ? `•••• ${saved.hint}` : t('profile.pasteKey')}
            hint={keyHint(t, saved, keychain)}
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
                  onChange={(e) => onSessionOnly(e.target.checked)}
                />
                {t('profile.keepSessionOnly')}
              </label>
            </div>
          )}
        </div>
      )}
    </>
  );
}
