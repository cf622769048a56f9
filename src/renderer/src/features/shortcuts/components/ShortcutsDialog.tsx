import * as Dialog from '@radix-ui/react-dialog';
import { useShortcutsDialog } from '../store/shortcutsDialog';
import { ShortcutTable } from '../../settings';
import { useTranslation } from '../../../lib/i18n';

/** Every shortcut in one list (no trigger of its own: it is opened by the keys or the menu). */
export function ShortcutsDialog() {
  const { t } = useTranslation('settings');
  const open = useShortcutsDialog((s) => s.open);
  const setOpen = useShortcutsDialog((s) => s.setOpen);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-30 w-[min(30rem,94vw)] -translate-x-1/2 -translate-y-1/2 rounded-xl bg-white p-5 shadow-2xl focus:outline-none dark:bg-zinc-900">
          <div className="mb-3 flex items-center justify-between">
            <Dialog.Title className="text-base font-semibold">
              {t('general.shortcuts')}
            </Dialog.Title>
            <Dialog.Close
              aria-label={t('shortcuts.close')}
              className="rounded px-2 py-1 text-lg leading-none text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800"
            >
              ×
            </Dialog.Close>
          </div>
          <Dialog.Description className="sr-only">{t('shortcuts.description')}</Dialog.Description>
          <ShortcutTable />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
