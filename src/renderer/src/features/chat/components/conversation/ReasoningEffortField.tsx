import { useId } from 'react';
import {
  reasoningEfforts,
  takesReasoningEffort,
  type ReasoningEffort,
} from '../../../../../../shared/reasoning';
import { useComposerSettings } from '../../store/composerSettings';
import { useTranslation } from '../../../../lib/i18n';

/** Keys under params.effort in the chat catalogue, typed over every level. */
const labels: Record<ReasoningEffort, string> = {
  minimal: 'params.effort.minimal',
  low: 'params.effort.low',
  medium: 'params.effort.medium',
  high: 'params.effort.high',
};

/**
 * How hard the next answer's model thinks, for models that take it (shared/reasoning.ts); hidden
 * for every other model, which would get nothing. "Default" sends nothing: the provider decides.
 */
export function ReasoningEffortField({ type, model }: { type?: string; model?: string }) {
  const { t } = useTranslation('chat');
  const effort = useComposerSettings((s) => s.reasoningEffort);
  const setValues = useComposerSettings((s) => s.setValues);
  const id = useId();
  if (!type || !model || !takesReasoningEffort(type, model)) return null;
  return (
    <label htmlFor={id} className="field-label">
      {t('params.effort.label')}
      <select
        id={id}
        className="field"
        value={effort ?? ''}
        onChange={(e) =>
          setValues({
            reasoningEffort: reasoningEfforts.find((level) => level === e.target.value) ?? null,
          })
        }
      >
        <option value="">{t('params.default')}</option>
        {reasoningEfforts.map((level) => (
          <option key={level} value={level}>
            {t(labels[level])}
          </option>
        ))}
      </select>
    </label>
  );
}
