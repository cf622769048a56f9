import { DeleteIcon, EditIcon, PinIcon } from '../../../components/ui/icons';
import { Tip } from '../../../components/ui/Tip';
import { useTranslation } from '../../../lib/i18n';

interface Props {
  pinned: boolean;
  /** The row is the open conversation: the fade behind the buttons takes its colour. */
  active: boolean;
  onPin(): void;
  onRename(): void;
  onDelete(): void;
}

const actionClass =
  'rounded p-1 text-zinc-500 hover:bg-zinc-300/70 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-blue-500 dark:hover:bg-zinc-700 dark:hover:text-zinc-100';

/** A row's pin, rename and delete buttons, shown on hover or focus. */
export function RowActions({ pinned, active, onPin, onRename, onDelete }: Props) {
  const { t } = useTranslation('sidebar');
  const pinLabel = pinned ? t('unpin') : t('pin');
  return (
    // Over the end of the title, not beside it: the title keeps its width when they show.
    <div
      className={`absolute inset-y-0 right-1 hidden items-center gap-0.5 rounded-r-md pl-4 group-focus-within:flex group-hover:flex ${
        active
          ? 'bg-gradient-to-r from-transparent via-zinc-200 to-zinc-200 dark:via-zinc-800 dark:to-zinc-800'
          : 'bg-gradient-to-r from-transparent via-zinc-100 to-zinc-100 dark:via-zinc-800 dark:to-zinc-800'
      }`}
    >
      <Tip content={pinLabel}>
        <button type="button" aria-label={pinLabel} className={actionClass} onClick={onPin}>
          <PinIcon />
        </button>
      </Tip>
      <Tip content={t('rename')}>
        <button type="button" aria-label={t('rename')} className={actionClass} onClick={onRename}>
          <EditIcon />
        </button>
      </Tip>
      <Tip content={t('delete')}>
        <button type="button" aria-label={t('delete')} className={actionClass} onClick={onDelete}>
          <DeleteIcon />
        </button>
      </Tip>
    </div>
  );
}
