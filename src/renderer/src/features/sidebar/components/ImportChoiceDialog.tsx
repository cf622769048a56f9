import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import type { ImportDuplicateChoice } from '../../../../../shared/conversations';
import { useChatStore } from '../../chat';
import { useConversationsStore } from '../store/conversationsStore';
import { useTranslation, type TFunction } from '../../../lib/i18n';

/** The three answers, worded for how many are already here (count) and how many are new. */
function choiceOptions(
  t: TFunction,
  alreadyPresent: number,
  fresh: number,
): { value: ImportDuplicateChoice; label: string; detail: string }[] {
  const count = alreadyPresent;
  const added =
    fresh === 0 ? t('importChoice.nothingNew') : t('importChoice.onlyNew', { count: fresh });
  return [
    {
      value: 'skip',
      label: t('importChoice.skip', { count }),
      detail: t('importChoice.skipDetail', { count, added }),
    },
    {
      value: 'replace',
      label: t('importChoice.replace', { count }),
      detail: t('importChoice.replaceDetail', { count }),
    },
    {
      value: 'keepBoth',
      label: t('importChoice.keepBoth'),
      detail: t('importChoice.keepBothDetail', { count }),
    },
  ];
}

/**
 * Asked before an import writes anything, when some of its conversations are already here:
 * skip them, replace ours with the imported version, or keep both.
 */
export function ImportChoiceDialog() {
  const { t } = useTranslation('sidebar');
  const pending = useConversationsStore((s) => s.pendingImport);
  const finishImport = useConversationsStore((s) => s.finishImport);
  const [choice, setChoice] = useState<ImportDuplicateChoice>('skip');
  const open = !!pending && pending.preview.alreadyPresent > 0;
  if (!pending) return null;
  const { conversations, alreadyPresent } = pending.preview;
  const options = choiceOptions(t, alreadyPresent, conversations - alreadyPresent);

  const answer = async (picked: ImportDuplicateChoice | null) => {
    setChoice('skip');
    await finishImport(picked);
    // The chat on screen may be one that was just replaced: show the imported version.
    const shown = useChatStore.getState().conversationId;
    if (picked === 'replace' && shown) await useChatStore.getState().openConversation(shown);
  };

  return (
    <Dialog.Root open={open} onOpenChange={(next) => !next && void answer(null)}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-30 w-[min(30rem,92vw)] -translate-x-1/2 -translate-y-1/2 rounded-xl bg-white p-5 text-zinc-900 shadow-2xl focus:outline-none dark:bg-zinc-900 dark:text-zinc-100">
          <Dialog.Title className="text-base font-semibold">
            {t('importChoice.title', { name: pending.fileName })}
          </Dialog.Title>
          <Dialog.Description className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
            {alreadyPresent === conversations
              ? t('importChoice.allHere', { count: conversations })
              : t('importChoice.someHere', { count: alreadyPresent, total: conversations })}{' '}
            {t('importChoice.whatNow', { count: alreadyPresent })}
          </Dialog.Description>
          <fieldset className="mt-4 flex flex-col gap-2">
            <legend className="sr-only">{t('importChoice.legend')}</legend>
            {options.map((option) => (
              <label
                key={option.value}
                className="flex cursor-pointer gap-3 rounded-lg border border-zinc-200 p-3 has-[:checked]:border-blue-500 has-[:checked]:bg-blue-50 dark:border-zinc-700 dark:has-[:checked]:bg-blue-950/40"
              >
                <input
                  type="radio"
                  name="import-duplicates"
                  value={option.value}
                  checked={choice === option.value}
                  onChange={() => setChoice(option.value)}
                  className="mt-0.5 size-4 shrink-0 self-start accent-blue-600 focus-visible:rounded-full focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-500"
                />
                <span className="flex flex-col">
                  <span className="text-sm font-medium">{option.label}</span>
                  <span className="text-xs text-zinc-600 dark:text-zinc-400">{option.detail}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <div className="mt-4 flex justify-end gap-2">
            <Dialog.Close className="toolbar-button">{t('importChoice.cancel')}</Dialog.Close>
            <button type="button" className="primary-button" onClick={() => void answer(choice)}>
              {t('importChoice.import')}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
