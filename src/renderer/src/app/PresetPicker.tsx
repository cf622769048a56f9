import { useEffect, useRef, useState } from 'react';
import { applyChatSetup, useChatStore, useComposerSettings } from '../features/chat';
import { usePresetsStore } from '../features/presets';
import { useTranslation } from '../lib/i18n';

/**
 * A new chat's preset: the default one is put in at once (once per new chat), another can be
 * picked until the first message is sent; the chat settings panel shows what it set.
 */
export function PresetPicker() {
  const { t } = useTranslation('presets');
  const presets = usePresetsStore((s) => s.presets);
  const defaultPresetId = usePresetsStore((s) => s.defaultPresetId);
  const loaded = usePresetsStore((s) => s.loaded);
  const load = usePresetsStore((s) => s.load);
  const conversationId = useChatStore((s) => s.conversationId);
  const empty = useChatStore((s) => s.messages.length === 0);
  const revision = useComposerSettings((s) => s.revision);
  const [chosen, setChosen] = useState('');
  // The revision a default was put into: one per new chat, not again after the person's pick.
  const appliedAt = useRef<number | null>(null);

  useEffect(() => {
    if (!loaded) void load();
  }, [loaded, load]);
  useEffect(() => {
    if (conversationId || !empty || !loaded || appliedAt.current === revision) return;
    const preset = presets.find((p) => p.id === defaultPresetId);
    setChosen(preset?.id ?? '');
    if (preset) {
      applyChatSetup(preset);
      appliedAt.current = revision + 1;
    } else appliedAt.current = revision;
  }, [conversationId, empty, loaded, revision, presets, defaultPresetId]);

  if (conversationId || !empty || presets.length === 0) return null;
  return (
    <select
      aria-label={t('form.label')}
      className="max-w-[10rem] shrink rounded border border-zinc-300 bg-white px-1 py-0.5 text-xs dark:border-zinc-700 dark:bg-zinc-900"
      value={chosen}
      onChange={(event) => {
        const preset = presets.find((p) => p.id === event.target.value);
        setChosen(event.target.value);
        if (preset) {
          applyChatSetup(preset);
          appliedAt.current = useComposerSettings.getState().revision;
        }
      }}
    >
      <option value="">{t('none')}</option>
      {presets.map((preset) => (
        <option key={preset.id} value={preset.id}>
          {preset.name}
        </option>
      ))}
    </select>
  );
}
