import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useState } from 'react';
import type { Preset } from '../../../../../shared/presets';
import { usePresetsStore } from '../store/presetsStore';
import { PresetForm } from './PresetForm';
import { PromptLibrary } from './PromptLibrary';
import { useTranslation } from '../../../lib/i18n';

type Draft = Omit<Preset, 'id'> & { id?: string };

/**
 * Presets (named setups for a new conversation) and the prompt library: add from the chat's
 * settings, edit, duplicate, delete, choose the default, export and import. `current` gives
 * the chat's settings now (app/ joins this feature with chat's).
 */
export function PresetsDialog({ current }: { current: () => Omit<Preset, 'id' | 'name'> }) {
  const { t } = useTranslation('presets');
  const { notice, load, savePreset, exportFile, importFile } = usePresetsStore();
  const [editing, setEditing] = useState<Draft | null>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (open) void load();
  }, [open, load]);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger className="toolbar-button">{t('title')}</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-30 max-h-[90vh] w-[min(40rem,94vw)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-xl bg-white p-5 text-zinc-900 shadow-2xl focus:outline-none dark:bg-zinc-900 dark:text-zinc-100">
          <Dialog.Title className="text-base font-semibold">{t('title')}</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            {t('description')}
          </Dialog.Description>
          {notice && (
            <p
              role={notice.kind === 'error' ? 'alert' : 'status'}
              className="mt-2 text-sm text-zinc-700 dark:text-zinc-300"
            >
              {notice.text}
            </p>
          )}
          <PresetList onEdit={setEditing} />
          {editing ? (
            <PresetForm
              key={editing.id ?? 'new'}
              initial={editing}
              onCancel={() => setEditing(null)}
              onSave={(draft) => void savePreset(draft).then((ok) => ok && setEditing(null))}
            />
          ) : (
            <button
              type="button"
              className="action-button mt-2"
              onClick={() => setEditing({ ...current(), name: '' })}
            >
              {t('newFromChat')}
            </button>
          )}
          <PromptLibrary />
          <div className="mt-5 flex items-center justify-end gap-2">
            <button type="button" className="toolbar-button" onClick={() => void exportFile()}>
              {t('export')}
            </button>
            <label className="toolbar-button cursor-pointer">
              {t('import')}
              <input
                type="file"
                accept="application/json,.json"
                aria-label={t('importFile')}
                className="sr-only"
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  event.target.value = '';
                  if (file) void importFile(file);
                }}
              />
            </label>
            <Dialog.Close className="primary-button">{t('done')}</Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** Each preset with its actions, and which one is the default. */
function PresetList({ onEdit }: { onEdit(preset: Preset): void }) {
  const { t } = useTranslation('presets');
  const { presets, defaultPresetId, duplicate, remove, setDefault } = usePresetsStore();
  return (
    <>
      <ul className="mt-3 flex flex-col gap-1" aria-label={t('title')}>
        {presets.map((preset) => (
          <li key={preset.id} className="flex items-center gap-2 text-sm">
            <span className="min-w-0 flex-1 truncate font-medium">{preset.name}</span>
            <span className="text-xs text-zinc-600 dark:text-zinc-400">{preset.model ?? ''}</span>
            <label className="flex items-center gap-1 text-xs">
              <input
                type="radio"
                name="default-preset"
                checked={preset.id === defaultPresetId}
                onChange={() => void setDefault(preset.id)}
              />
              {t('default')}
            </label>
            <button type="button" className="action-button" onClick={() => onEdit(preset)}>
              {t('edit')}
            </button>
            <button
              type="button"
              className="action-button"
              onClick={() => void duplicate(preset.id)}
            >
              {t('duplicate')}
            </button>
            <button
              type="button"
              className="action-button"
              aria-label={t('deleteNamed', { name: preset.name })}
              onClick={() => void remove(preset.id)}
            >
              {t('delete')}
            </button>
          </li>
        ))}
      </ul>
      {defaultPresetId && (
        <button
          type="button"
          className="action-button mt-1 text-xs"
          onClick={() => void setDefault(null)}
        >
          {t('noDefault')}
        </button>
      )}
    </>
  );
}
