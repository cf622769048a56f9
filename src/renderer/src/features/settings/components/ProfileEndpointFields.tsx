import { providerKinds } from '../../../../../shared/providerKinds';
import { Field } from './Field';
import type { FormSectionProps } from './profileForm';
import { useTranslation } from '../../../lib/i18n';

/**
 * Where the profile's calls go: an Azure resource's endpoint, deployment and API version, or
 * for every other type a base URL and a default model.
 */
export function ProfileEndpointFields({ form, set, errors }: FormSectionProps) {
  const { t } = useTranslation('settings');
  const { endpoint } = providerKinds[form.type];
  if (endpoint.form === 'azureDeployment')
    return (
      <div className="grid grid-cols-3 gap-3">
        <Field
          className="col-span-3"
          label={t('profile.endpoint')}
          value={form.endpoint}
          onChange={(v) => set('endpoint', v)}
          error={errors.endpoint}
          placeholder={endpoint.endpointExample}
        />
        <Field
          className="col-span-2"
          label={t('profile.deployment')}
          value={form.deployment}
          onChange={(v) => set('deployment', v)}
          error={errors.deployment}
          placeholder={endpoint.deploymentExample}
        />
        <Field
          label={t('profile.apiVersion')}
          value={form.apiVersion}
          onChange={(v) => set('apiVersion', v)}
          error={errors.apiVersion}
        />
      </div>
    );
  return (
    <div className="grid grid-cols-3 gap-3">
      <Field
        className="col-span-2"
        label={t('profile.baseUrl')}
        value={form.baseUrl}
        onChange={(v) => set('baseUrl', v)}
        error={errors.baseUrl}
        placeholder={endpoint.baseUrlExample}
      />
      <Field
        label={t('profile.model')}
        value={form.model}
        onChange={(v) => set('model', v)}
        error={errors.model}
        placeholder={endpoint.modelExample}
      />
    </div>
  );
}
