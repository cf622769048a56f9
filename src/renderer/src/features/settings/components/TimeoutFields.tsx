import { responseTimeoutDefaults, responseTimeoutRange } from '../../../../../shared/profiles';
import { Field } from './Field';
import type { FormSectionProps } from './profileForm';

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

/** How long the profile's calls wait for a first byte and through a pause, in seconds. */
export function TimeoutFields({ form, set, errors }: FormSectionProps) {
  return (
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
  );
}
