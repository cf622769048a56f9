import { providerKinds } from '../../../../../shared/providerKinds';
import { Field } from './Field';
import { HeadersEditor } from './HeadersEditor';
import type { FormSectionProps, ProfileFormState } from './profileForm';
import { useTranslation } from '../../../lib/i18n';

// OpenAI's id prefixes: identifiers, the same in every language.
const organizationExample = 'org-…';
const projectExample = 'proj_…';

interface GatewayFieldsProps extends FormSectionProps {
  onChange: (form: ProfileFormState) => void;
}

/**
 * The rarely needed part of a profile, folded away unless it holds something: OpenAI's
 * organization and project, another auth header's name, and custom headers for gateways.
 */
export function GatewayFields({ form, set, errors, onChange }: GatewayFieldsProps) {
  const { t } = useTranslation('settings');
  const { organizationFields } = providerKinds[form.type];
  return (
    <details
      className="rounded-md border border-zinc-200 px-3 py-2 dark:border-zinc-800"
      open={form.headers.length > 0 || !!form.authHeader || !!form.organization || !!form.project}
    >
      <summary className="cursor-pointer text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {organizationFields ? t('gateway.titleWithOrg') : t('gateway.title')}
      </summary>
      <div className="mt-3 space-y-3">
        {organizationFields && (
          <div className="grid grid-cols-2 gap-3">
            <Field
              label={t('gateway.organization')}
              value={form.organization}
              onChange={(v) => set('organization', v)}
              error={errors.organization}
              placeholder={organizationExample}
            />
            <Field
              label={t('gateway.project')}
              value={form.project}
              onChange={(v) => set('project', v)}
              error={errors.project}
              placeholder={projectExample}
            />
          </div>
        )}
        <Field
          label={t('gateway.authHeader')}
          value={form.authHeader}
          onChange={(v) => set('authHeader', v)}
          error={errors.authHeader}
          placeholder={t('gateway.authHeaderPlaceholder')}
        />
        <HeadersEditor
          headers={form.headers}
          errors={errors}
          onChange={(headers, removed) =>
            onChange({
              ...form,
              headers,
              // A removed secret header's stored value is removed on Save.
              removedSecretHeaders: removed
                ? [...form.removedSecretHeaders, removed]
                : form.removedSecretHeaders,
            })
          }
        />
      </div>
    </details>
  );
}
