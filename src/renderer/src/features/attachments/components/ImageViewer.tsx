import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useState, type ReactNode } from 'react';
import { api } from '../../../lib/api';
import { ipcErrorText, useTranslation } from '../../../lib/i18n';

/** An image opened full size from its thumbnail; the bytes are asked of main only when opened. */
export function ImageViewer({
  id,
  name,
  children,
}: {
  id: string;
  name: string;
  children: ReactNode;
}) {
  const { t } = useTranslation('attachments');
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!open || url) return;
    void api.getAttachment({ id, size: 'full' }).then((result) => {
      if (result.ok) setUrl(result.value.dataUrl);
      else setError(ipcErrorText(result.error));
    });
  }, [open, id, url]);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>{children}</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-30 flex max-h-[94vh] w-[min(64rem,96vw)] -translate-x-1/2 -translate-y-1/2 flex-col gap-2 rounded-xl bg-white p-3 shadow-2xl focus:outline-none dark:bg-zinc-900">
          <div className="flex items-center justify-between gap-2">
            <Dialog.Title className="truncate text-sm font-semibold">{name}</Dialog.Title>
            <Dialog.Close
              aria-label={t('closeImage')}
              className="rounded px-2 py-1 text-lg leading-none text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800"
            >
              ×
            </Dialog.Close>
          </div>
          <Dialog.Description className="sr-only">{t('fullSize')}</Dialog.Description>
          <div className="flex min-h-0 flex-1 items-center justify-center overflow-auto">
            {url ? (
              <img src={url} alt={name} className="max-h-[84vh] max-w-full object-contain" />
            ) : (
              <p className="p-6 text-sm text-zinc-500">{error ?? t('loading')}</p>
            )}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
