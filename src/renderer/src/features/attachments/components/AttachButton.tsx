import { useRef } from 'react';
import { Tip } from '../../../components/ui/Tip';
import { useAttachmentDraft } from '../store/attachmentDraft';
import { PaperclipIcon } from './AttachmentIcons';
import { useTranslation } from '../../../lib/i18n';

/** The paperclip: picks images, PDFs and text files from the file manager, several at once. */
export function AttachButton({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation('attachments');
  const input = useRef<HTMLInputElement>(null);
  const add = useAttachmentDraft((s) => s.add);
  return (
    <Tip content={t('attachTip')}>
      <button
        type="button"
        aria-label={t('attach')}
        disabled={disabled}
        onClick={() => input.current?.click()}
        className="rounded-md p-1.5 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-800 disabled:opacity-40 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
      >
        <PaperclipIcon />
        <input
          ref={input}
          type="file"
          multiple
          hidden
          data-testid="attach-input"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            void add(files);
          }}
        />
      </button>
    </Tip>
  );
}
