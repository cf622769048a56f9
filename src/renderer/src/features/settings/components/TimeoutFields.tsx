import { responseTimeoutDefaults, responseTimeoutRange } from '../../../../../shared/profiles';
import { Field } from './Field';
import type { FormSectionProps } from './profileForm';
import { useTranslation } from '../../../lib/i18n';

/** The two response timeouts (their words' catalogue keys): empty means the default, shown as the placeholder. */
const timeoutFields = [
  {
    key: 'firstByteTimeout',
    label: 'timeouts.firstByte',
    fallback: responseTimeoutDefaults.firstByteSeconds,
    hint: 'timeouts.firstByteHint',
  },
  {
    key: 'idleTimeout',
    label: 'timeouts.idle',
    fallback: responseTimeoutDefaults.idleSeconds,
    hint: 'timeouts.idleHint',
  },
] as const;

/** How long the profile's calls wait for a first byte and through a pause, in seconds. */
export function TimeoutFields({ form, set, errors }: FormSectionProps) {
  const { t } = useTranslation('settings');
  return (
    <div className="grid grid-cols-2 gap-3">
      {timeoutFields.map(({ key, label, fallback, hint }) => (
        <Field
          key={key}
          label={t(label)}
          type="number"
          inputMode="numeric"
          min={responseTimeoutRange.min}
          max={responseTimeoutRange.max}
          step={1}
          value={form[key]}
          onChange={(v) => set(key, v)}
          error={errors[key]}
          placeholder={String(fallback)}
          hint={t(hint)}
        />
      ))}
    </div>
  );
}
