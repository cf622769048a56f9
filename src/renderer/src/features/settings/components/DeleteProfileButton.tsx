import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import { useTranslation } from '../../../lib/i18n';

interface DeleteProfileButtonProps {
  name: string;
  onConfirm: () => Promise<void>;
}

/** "Delete" with an in-app confirmation (the page's own dialog, not the browser's confirm()). */
export function DeleteProfileButton({ name, onConfirm }: DeleteProfileButtonProps) {
  const { t } = useTranslation('settings');
  const [open, setOpen] = useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger className="rounded-md px-3 py-1.5 text-sm text-red-600 hover:bg-red-50 dark:hover:bg-red-950">
        {t('profile.delete')}
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content
          role="alertdialog"
          className="fixed left-1/2 top-1/2 z-30 w-[min(26rem,92vw)] -translate-x-1/2 -translate-y-1/2 rounded-xl bg-white p-5 shadow-2xl focus:outline-none dark:bg-zinc-900"
        >
          <Dialog.Title className="text-base font-semibold">
            {t('profile.deleteTitle', { name })}
          </Dialog.Title>
          <Dialog.Description className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
            {t('profile.deleteBody')}
          </Dialog.Description>
          <div className="mt-4 flex justify-end gap-2">
            <Dialog.Close className="action-button">{t('profile.cancel')}</Dialog.Close>
            <button
              type="button"
              className="rounded-md bg-red-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-500"
              onClick={() => void onConfirm().then(() => setOpen(false))}
            >
              {t('profile.deleteConfirm')}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
