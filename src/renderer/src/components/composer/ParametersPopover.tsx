import * as Popover from '@radix-ui/react-popover';
import { useId, useState } from 'react';
import { parameterRanges } from '../../../../shared/parameterRanges';
import { useComposerSettings } from '../../store/composerSettings';
import { useSettingsStore } from '../../store/settingsStore';

/** The temperature range of the provider new messages go to (the default profile's). */
function useTemperatureRange() {
  const type = useSettingsStore((state) => {
    const snapshot = state.snapshot;
    return snapshot?.profiles.find((p) => p.id === snapshot.defaultProfileId)?.type;
  });
  return parameterRanges[type ?? 'openai'].temperature;
}

/** An empty field means "the profile's default"; otherwise a number within [min, max]. */
function parseBounded(raw: string, min: number, max: number, integer: boolean): number | null {
  if (raw.trim() === '') return null;
  const value = Number(raw);
  if (!Number.isFinite(value)) return null;
  const bounded = Math.min(max, Math.max(min, value));
  return integer ? Math.round(bounded) : bounded;
}

/** Temperature, max tokens, system prompt and a custom model id for the next messages. */
export function ParametersPopover() {
  const settings = useComposerSettings();
  const temperature = useTemperatureRange();
  const ids = { model: useId(), system: useId() };
  // Bumped by Reset so the number fields drop what was typed into them.
  const [resets, setResets] = useState(0);
  const changed =
    settings.temperature !== null || settings.maxTokens !== null || settings.system.trim() !== '';
  return (
    <Popover.Root>
      <Popover.Trigger asChild>
        <button type="button" className="toolbar-button">
          Parameters{changed && <span className="ml-1 text-blue-600 dark:text-blue-400">•</span>}
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          className="popover w-80"
          sideOffset={6}
          align="start"
          aria-label="Parameters"
        >
          <div className="flex flex-col gap-3 text-sm">
            <label htmlFor={ids.model} className="field-label">
              Model id
              <input
                id={ids.model}
                className="field"
                placeholder="Profile default"
                value={settings.model ?? ''}
                onChange={(e) => settings.setModel(e.target.value.trim() ? e.target.value : null)}
              />
            </label>
            <NumberField
              key={`t${resets}-${temperature.max}`}
              label={`Temperature (${temperature.min}–${temperature.max})`}
              min={temperature.min}
              max={temperature.max}
              step={0.1}
              value={settings.temperature}
              onChange={settings.setTemperature}
            />
            <NumberField
              key={`m${resets}`}
              label="Max tokens"
              min={1}
              max={1_000_000}
              step={1}
              value={settings.maxTokens}
              onChange={settings.setMaxTokens}
            />
            <label htmlFor={ids.system} className="field-label">
              System prompt
              <textarea
                id={ids.system}
                className="field min-h-20 resize-y"
                placeholder="None"
                value={settings.system}
                onChange={(e) => settings.setSystem(e.target.value)}
              />
            </label>
            <div className="flex justify-between">
              <button
                type="button"
                className="action-button"
                onClick={() => {
                  settings.setModel(null);
                  settings.setTemperature(null);
                  settings.setMaxTokens(null);
                  settings.setSystem('');
                  setResets((n) => n + 1);
                }}
              >
                Reset to defaults
              </button>
              <Popover.Close className="primary-button">Done</Popover.Close>
            </div>
          </div>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

interface NumberFieldProps {
  label: string;
  min: number;
  max: number;
  step: number;
  value: number | null;
  onChange: (value: number | null) => void;
}

/** Keeps what is typed ("0.") as a draft so partial numbers can be typed; commits parsed values. */
function NumberField({ label, min, max, step, value, onChange }: NumberFieldProps) {
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
        min={min}
        max={max}
        step={step}
        placeholder="Default"
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          onChange(parseBounded(e.target.value, min, max, Number.isInteger(step)));
        }}
        onBlur={() => setDraft(value === null ? '' : String(value))}
      />
    </label>
  );
}
