import { formatBytes, useTranslation, type TFunction } from '../../../lib/i18n';
import type { ProfileView } from '../../../../../shared/profiles';
import { chipNote } from '../lib/sending';
import { useAttachmentDraft, type DraftChip } from '../store/attachmentDraft';
import { FileIcon, typeLabel } from './AttachmentIcons';

/** The composer's attachments: thumbnail or type, name, size, how it will be sent, remove. */
export function AttachmentChips({ profile }: { profile: ProfileView | null }) {
  const { t } = useTranslation('attachments');
  const chips = useAttachmentDraft((s) => s.chips);
  const remove = useAttachmentDraft((s) => s.remove);
  if (chips.length === 0) return null;
  return (
    <ul aria-label={t('label')} className="flex flex-wrap gap-2 px-1 pt-1">
      {chips.map((chip) => (
        <li
          key={chip.key}
          aria-label={chip.name}
          className={`flex max-w-[16rem] items-center gap-2 rounded-lg border px-2 py-1.5 text-xs ${
            chip.status === 'failed'
              ? 'border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950'
              : 'border-zinc-200 bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-800'
          }`}
        >
          <ChipPreview chip={chip} />
          <div className="min-w-0 flex-1">
            <p className="truncate font-medium">{chip.name}</p>
            <p
              className={
                chip.status === 'failed' ? 'text-red-700 dark:text-red-300' : 'text-zinc-500'
              }
            >
              {chipLine(t, chip, profile)}
            </p>
          </div>
          <button
            type="button"
            aria-label={t('remove', { name: chip.name })}
            onClick={() => remove(chip.key)}
            className="rounded px-1 text-base leading-none text-zinc-500 hover:bg-zinc-200 dark:hover:bg-zinc-700"
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}

function chipLine(t: TFunction, chip: DraftChip, profile: ProfileView | null): string {
  if (chip.status === 'failed') return chip.error ?? t('failed');
  if (chip.status === 'storing' || !chip.view) return `${formatBytes(chip.size)} · ${t('reading')}`;
  return `${formatBytes(chip.view.size)} · ${chipNote(t, chip.view, profile)}`;
}

function ChipPreview({ chip }: { chip: DraftChip }) {
  if (chip.view?.thumbnail)
    return (
      <img
        src={chip.view.thumbnail}
        alt=""
        className="h-10 w-10 shrink-0 rounded-md object-cover"
      />
    );
  return <FileIcon label={typeLabel(chip.name, chip.view?.mimeType ?? '')} />;
}
