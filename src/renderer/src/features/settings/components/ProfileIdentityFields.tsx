import { providerTypes, type ProviderType } from '../../../../../shared/profiles';
import { defaultApiVersion, providerKinds } from '../../../../../shared/providerKinds';
import { Field, SelectField } from './Field';
import type { FormSectionProps, ProfileFormState } from './profileForm';
import { useTranslation } from '../../../lib/i18n';

interface ProfileIdentityFieldsProps extends FormSectionProps {
  onChange: (form: ProfileFormState) => void;
}

/** The profile's provider type and name, the first row of the form. */
export function ProfileIdentityFields({ form, set, errors, onChange }: ProfileIdentityFieldsProps) {
  const { t } = useTranslation('settings');
  // Another type may not offer the chosen sign-in: start from its key; keep a typed API version.
  const changeType = (type: ProviderType) =>
    onChange({
      ...form,
      type,
      authMethod: 'apiKey',
      apiVersion: form.apiVersion || defaultApiVersion(type),
    });
  return (
    <div className="grid grid-cols-2 gap-3">
      <SelectField
        label={t('profile.type')}
        value={form.type}
        options={providerTypes.map((t) => ({ value: t, label: providerKinds[t].label }))}
        onChange={changeType}
      />
      <Field
        label={t('profile.name')}
        value={form.name}
        onChange={(v) => set('name', v)}
        error={errors.name}
        placeholder={t('profile.namePlaceholder')}
      />
    </div>
  );
}
