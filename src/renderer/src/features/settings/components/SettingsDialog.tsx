import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import { providerKinds } from '../../../../../shared/providerKinds';
import { useSettingsStore } from '../store/settingsStore';
import { GeneralPane } from './GeneralPane';
import { useOpenRequests } from '../hooks/useOpenRequests';
import { PricesEditor } from './PricesEditor';
import { ProfileEditor } from './ProfileEditor';
import { emptyForm, formFromView, type ProfileFormState } from './profileForm';

const sourceNote = { keychain: '', environment: ' (env)', session: ' (session only)' } as const;

/** The "Settings" button and its dialog: profiles listed on the left, the selected one edited on the right. */
export function SettingsDialog() {
  const snapshot = useSettingsStore((s) => s.snapshot);
  const load = useSettingsStore((s) => s.load);
  const [open, setOpen] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [form, setForm] = useState<ProfileFormState>(emptyForm());
  // Remount the editor when the selection changes so its errors and test result start clean.
  const [editorKey, setEditorKey] = useState(0);
  // usage: the price table shares this dialog; the right pane shows it instead of a profile.
  const [showPrices, setShowPrices] = useState(false);
  const [showGeneral, setShowGeneral] = useState(false);

  const select = (id: string | null) => {
    const view = snapshot?.profiles.find((p) => p.id === id);
    setShowPrices(false);
    setShowGeneral(false);
    setSelected(view ? view.id : null);
    setForm(view ? formFromView(view) : emptyForm());
    setEditorKey((k) => k + 1);
  };

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
    if (target.pane === 'general') setShowGeneral(true);
    else if (target.profileId) select(target.profileId);
  });

  // The store has reloaded the profiles by now: the form shows what main saved.
  const afterSave = (id: string) => {
    const view = useSettingsStore.getState().snapshot?.profiles.find((p) => p.id === id);
    setSelected(id);
    if (view) setForm(formFromView(view));
  };

  const saved = snapshot?.profiles.find((p) => p.id === selected);

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger className="rounded-md border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-500 dark:border-zinc-700 dark:hover:bg-zinc-800">
        Settings
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 bg-black/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 flex h-[min(44rem,92vh)] w-[min(58rem,96vw)] -translate-x-1/2 -translate-y-1/2 flex-col overflow-hidden rounded-xl bg-white shadow-2xl focus:outline-none dark:bg-zinc-900">
          <div className="flex items-center justify-between border-b border-zinc-200 px-5 py-3 dark:border-zinc-800">
            <div>
              <Dialog.Title className="text-base font-semibold">Settings</Dialog.Title>
              <Dialog.Description className="text-xs text-zinc-500">
                Provider profiles. Keys live in the OS keychain; this window only ever sees their
                last 4 characters.
              </Dialog.Description>
            </div>
            <Dialog.Close
              aria-label="Close settings"
              className="rounded px-2 py-1 text-lg leading-none text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800"
            >
              ×
            </Dialog.Close>
          </div>
          {snapshot && !snapshot.keychain.available && (
            <p
              role="alert"
              className="border-b border-amber-300 bg-amber-50 px-5 py-2 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
            >
              {snapshot.keychain.message}
            </p>
          )}
          <div className="flex min-h-0 flex-1">
            <nav
              aria-label="Profiles"
              className="flex w-56 shrink-0 flex-col border-r border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-950"
            >
              <ul className="min-h-0 flex-1 overflow-y-auto p-2">
                {snapshot?.profiles.map((profile) => (
                  <li key={profile.id}>
                    <button
                      type="button"
                      aria-current={
                        profile.id === selected && !showPrices && !showGeneral ? 'true' : undefined
                      }
                      onClick={() => select(profile.id)}
                      className="flex w-full flex-col rounded-md px-2.5 py-1.5 text-left hover:bg-zinc-200/60 aria-[current=true]:bg-blue-100 dark:hover:bg-zinc-800 dark:aria-[current=true]:bg-blue-950"
                    >
                      <span className="flex items-center gap-1.5 text-sm font-medium">
                        <span className="truncate">{profile.name}</span>
                        {profile.isDefault && (
                          <span className="rounded bg-blue-600 px-1 text-[10px] font-semibold uppercase text-white">
                            default
                          </span>
                        )}
                      </span>
                      <span className="text-xs text-zinc-500">
                        {providerKinds[profile.type].shortLabel} ·{' '}
                        {profile.hasKey
                          ? `key …${profile.hint ?? '••••'}${sourceNote[profile.keySource ?? 'keychain']}`
                          : profile.authMethod === 'apiKey'
                            ? 'no key'
                            : profile.authMethod === 'entraId'
                              ? 'Entra ID'
                              : 'no key needed'}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
              <div className="border-t border-zinc-200 p-2 dark:border-zinc-800">
                <button
                  type="button"
                  onClick={() => select(null)}
                  aria-current={
                    selected === null && !showPrices && !showGeneral ? 'true' : undefined
                  }
                  className="w-full rounded-md px-2.5 py-1.5 text-left text-sm font-medium text-blue-600 hover:bg-zinc-200/60 dark:text-blue-400 dark:hover:bg-zinc-800"
                >
                  + Add profile
                </button>
                <button
                  type="button"
                  onClick={() => {
                    setShowGeneral(false);
                    setShowPrices(true);
                  }}
                  aria-current={showPrices ? 'true' : undefined}
                  className="mt-1 w-full rounded-md px-2.5 py-1.5 text-left text-sm text-zinc-700 hover:bg-zinc-200/60 aria-[current=true]:bg-blue-100 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:aria-[current=true]:bg-blue-950"
                >
                  Prices
                </button>
                <button
                  type="button"
                  onClick={() => {
                    setShowPrices(false);
                    setShowGeneral(true);
                  }}
                  aria-current={showGeneral ? 'true' : undefined}
                  className="mt-1 w-full rounded-md px-2.5 py-1.5 text-left text-sm text-zinc-700 hover:bg-zinc-200/60 aria-[current=true]:bg-blue-100 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:aria-[current=true]:bg-blue-950"
                >
                  General
                </button>
              </div>
            </nav>
            <section className="min-h-0 flex-1 overflow-y-auto px-5 pt-4">
              <h3 className="mb-3 text-sm font-semibold">
                {showGeneral
                  ? 'General'
                  : showPrices
                    ? 'Prices'
                    : saved
                      ? `Edit ${saved.name}`
                      : 'New profile'}
              </h3>
              {showGeneral && <GeneralPane />}
              {showPrices && !showGeneral && <PricesEditor />}
              {snapshot && !showPrices && !showGeneral && (
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
