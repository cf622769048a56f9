import { useId, useState } from 'react';
import { useTranslation } from '../../../../lib/i18n';

interface NumberFieldProps {
  label: string;
  range: { min: number; max: number; step: number };
  value: number | null;
  onChange: (value: number | null) => void;
}

/** An empty field means "not sent"; otherwise a number within [min, max]. */
function parseBounded(raw: string, { min, max, step }: NumberFieldProps['range']): number | null {
  if (raw.trim() === '') return null;
  const value = Number(raw);
  if (!Number.isFinite(value)) return null;
  const bounded = Math.min(max, Math.max(min, value));
  return Number.isInteger(step) ? Math.round(bounded) : bounded;
}

/** Keeps what is typed ("0.") as a draft so partial numbers can be typed; commits parsed values. */
export function NumberField({ label, range, value, onChange }: NumberFieldProps) {
  const { t } = useTranslation('chat');
  const id = useId();
  const [draft, setDraft] = useState(value === null ? '' : String(value));
  return (
    <label htmlFor={id} className="field-label">
      {label}
      <input
        id={id}
        className="field"
        type="number"
        inputMode="decimal"
        min={range.min}
        max={range.max}
        step={range.step}
        placeholder={t('params.default')}
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          onChange(parseBounded(e.target.value, range));
        }}
        onBlur={() => setDraft(value === null ? '' : String(value))}
      />
    </label>
  );
}
