import type { ProfileFormState } from './profileForm';
import { inputClass } from './Field';
import { useTranslation } from '../../../lib/i18n';

// A header name is an identifier, the same in every language.
const headerNameExample = 'X-Header-Name';

interface HeadersEditorProps {
  headers: ProfileFormState['headers'];
  errors: Partial<Record<string, string>>;
  onChange: (headers: ProfileFormState['headers'], removedSecret?: string) => void;
}

/** Extra headers for gateways and proxies; a secret one's value goes to the keychain, never shown again. */
export function HeadersEditor({ headers, errors, onChange }: HeadersEditorProps) {
  const { t } = useTranslation('settings');
  const update = (index: number, patch: Partial<ProfileFormState['headers'][number]>) =>
    onChange(headers.map((h, i) => (i === index ? { ...h, ...patch } : h)));
  return (
    <fieldset className="space-y-2">
      <legend className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {t('headers.title')}
      </legend>
      {headers.length === 0 && <p className="text-xs text-zinc-500">{t('headers.none')}</p>}
      {headers.map((header, index) => (
        <div key={index} className="flex items-start gap-2">
          <div className="w-2/5">
            <input
              aria-label={t('headers.nameLabel', { n: index + 1 })}
              placeholder={headerNameExample}
              value={header.name}
              onChange={(e) => update(index, { name: e.target.value })}
              aria-invalid={errors[`header-${index}`] ? true : undefined}
              className={inputClass}
            />
            {errors[`header-${index}`] && (
              <p className="mt-1 text-xs text-red-600">{errors[`header-${index}`]}</p>
            )}
          </div>
          <input
            aria-label={t('headers.valueLabel', { n: index + 1 })}
            type={header.secret ? 'password' : 'text'}
            placeholder={
              header.secret && header.stored ? t('headers.storedPlaceholder') : t('headers.value')
            }
            value={header.value}
            onChange={(e) => update(index, { value: e.target.value })}
            className={`${inputClass} flex-1`}
            autoComplete="off"
          />
          <label className="flex items-center gap-1 pt-1.5 text-xs text-zinc-600 dark:text-zinc-400">
            <input
              type="checkbox"
              checked={header.secret}
              onChange={(e) => update(index, { secret: e.target.checked, value: '' })}
            />
            {t('headers.secret')}
          </label>
          <button
            type="button"
            aria-label={t('headers.remove', { n: index + 1 })}
            onClick={() =>
              onChange(
                headers.filter((_, i) => i !== index),
                header.secret && header.stored ? header.name : undefined,
              )
            }
            className="rounded px-2 py-1 text-sm text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800"
          >
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() =>
          onChange([...headers, { name: '', value: '', secret: false, stored: false }])
        }
        className="text-xs font-medium text-blue-600 hover:underline dark:text-blue-400"
      >
        {t('headers.add')}
      </button>
    </fieldset>
  );
}
