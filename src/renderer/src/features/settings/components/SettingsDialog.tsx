import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import { useSettingsStore } from '../store/settingsStore';
import { useOpenRequests } from '../hooks/useOpenRequests';
import { useSettingsSelection } from '../hooks/useSettingsSelection';
import { usePaneTitles } from '../hooks/usePaneTitles';
import { DataPane } from './DataPane';
import { GeneralPane } from './GeneralPane';
import { PricesEditor } from './PricesEditor';
import { ProfileEditor } from './ProfileEditor';
import { SettingsNav } from './SettingsNav';
import { WebSearchPane } from './WebSearchPane';
import { ToolsPane } from '../../tools';
import { KnowledgePane } from '../../knowledge';
import { saidText, useTranslation } from '../../../lib/i18n';

function SettingsHeader() {
  const { t } = useTranslation('settings');
  return (
    <div className="flex items-center justify-between border-b border-zinc-200 px-5 py-3 dark:border-zinc-800">
      <div>
        <Dialog.Title className="text-base font-semibold">{t('title')}</Dialog.Title>
        <Dialog.Description className="text-xs text-zinc-500">
          {t('description')}
        </Dialog.Description>
      </div>
      <Dialog.Close
        aria-label={t('closeLabel')}
        className="rounded px-2 py-1 text-lg leading-none text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800"
      >
        ×
      </Dialog.Close>
    </div>
  );
}

/** The "Settings" button and its dialog: profiles listed on the left, the selected one edited on the right. */
export function SettingsDialog() {
  const snapshot = useSettingsStore((s) => s.snapshot);
  const load = useSettingsStore((s) => s.load);
  const [open, setOpen] = useState(false);
  const { t } = useTranslation('settings');
  const { selected, form, setForm, editorKey, pane, setPane, select, afterSave } =
    useSettingsSelection(snapshot);

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (next) {
      void load();
      const first = snapshot?.profiles.find((p) => p.isDefault) ?? snapshot?.profiles[0];
      select(first?.id ?? null);
    }
  };

  // An error notice's "Open the profile", "Add API key" or the shortcuts list: open here at that place.
  useOpenRequests((target) => {
    onOpenChange(true);
    if (target.pane === 'general') setPane('general');
    else if (target.profileId) select(target.profileId);
  });

  const saved = snapshot?.profiles.find((p) => p.id === selected);
  const heading = usePaneTitles()[pane];

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger className="rounded-md border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-500 dark:border-zinc-700 dark:hover:bg-zinc-800">
        {t('open')}
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-30 flex h-[min(44rem,92vh)] w-[min(58rem,96vw)] -translate-x-1/2 -translate-y-1/2 flex-col overflow-hidden rounded-xl bg-white shadow-2xl focus:outline-none dark:bg-zinc-900">
          <SettingsHeader />
          {snapshot && !snapshot.keychain.available && (
            <p
              role="alert"
              className="border-b border-amber-300 bg-amber-50 px-5 py-2 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
            >
              {saidText(snapshot.keychain.said, snapshot.keychain.message ?? '')}
            </p>
          )}
          <div className="flex min-h-0 flex-1">
            <SettingsNav
              profiles={snapshot?.profiles ?? []}
              selected={selected}
              pane={pane}
              onSelect={select}
              onPane={setPane}
            />
            <section className="min-h-0 flex-1 overflow-y-auto px-5 pt-4">
              <h3 className="mb-3 text-sm font-semibold">
                {heading || (saved ? t('editProfile', { name: saved.name }) : t('newProfile'))}
              </h3>
              {pane === 'general' && <GeneralPane />}
              {pane === 'data' && <DataPane />}
              {pane === 'prices' && <PricesEditor />}
              {pane === 'tools' && <ToolsPane />}
              {pane === 'search' && <WebSearchPane />}
              {pane === 'knowledge' && (
                <KnowledgePane
                  profiles={(snapshot?.profiles ?? []).filter((p) => p.offersEmbeddings)}
                />
              )}
              {snapshot && pane === 'profile' && (
                <ProfileEditor
                  key={editorKey}
                  form={form}
                  onChange={setForm}
                  saved={saved}
                  keychain={snapshot.keychain}
                  onSaved={(view) => afterSave(view.id)}
                  onDeleted={() => select(null)}
                />
              )}
            </section>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
