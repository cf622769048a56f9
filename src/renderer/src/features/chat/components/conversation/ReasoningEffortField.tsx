import { useId } from 'react';
import {
  reasoningEfforts,
  takesReasoningEffort,
  type ReasoningEffort,
} from '../../../../../../shared/reasoning';
import { useComposerSettings } from '../../store/composerSettings';

const labels: Record<ReasoningEffort, string> = {
  minimal: 'Minimal',
  low: 'Low',
  medium: 'Medium',
  high: 'High',
};

/**
 * How hard the next answer's model thinks, for models that take it (shared/reasoning.ts); hidden
 * for every other model, which would get nothing. "Default" sends nothing: the provider decides.
 */
export function ReasoningEffortField({ type, model }: { type?: string; model?: string }) {
  const effort = useComposerSettings((s) => s.reasoningEffort);
  const setValues = useComposerSettings((s) => s.setValues);
  const id = useId();
  if (!type || !model || !takesReasoningEffort(type, model)) return null;
  return (
    <label htmlFor={id} className="field-label">
      Reasoning effort
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
        <option value="">Default</option>
        {reasoningEfforts.map((level) => (
          <option key={level} value={level}>
            {labels[level]}
          </option>
        ))}
      </select>
    </label>
  );
}
