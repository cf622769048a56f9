import { formatBytes, useTranslation } from '../../../lib/i18n';
import { sendingText } from '../lib/sending';
import type { AttachmentPart, ImagePart } from '../../../../../shared/messageParts';
import { useThumbnail } from '../lib/thumbnails';
import { FileIcon, typeLabel } from './AttachmentIcons';
import { ImageViewer } from './ImageViewer';

/** A sent question's attachments, above its text: images as thumbnails that open full size. */
export function AttachmentStrip({ parts }: { parts: readonly AttachmentPart[] }) {
  const { t } = useTranslation('attachments');
  if (parts.length === 0) return null;
  return (
    <ul aria-label={t('label')} className="mb-1 flex max-w-[85%] flex-wrap justify-end gap-2">
      {parts.map((part, index) => (
        <li key={`${part.attachmentId}-${index}`}>
          {part.type === 'image' ? (
            <SentImage part={part} />
          ) : (
            <div className="flex items-center gap-2 rounded-lg border border-zinc-200 bg-zinc-50 px-2 py-1.5 text-xs dark:border-zinc-700 dark:bg-zinc-800">
              <FileIcon label={typeLabel(part.name, part.mimeType)} />
              <div className="min-w-0">
                <p className="max-w-[12rem] truncate font-medium">{part.name}</p>
                <p className="text-zinc-500">
                  {formatBytes(part.size)} · {sendingText(t, part.sentAs)}
                </p>
              </div>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

function SentImage({ part }: { part: ImagePart }) {
  const { t } = useTranslation('attachments');
  const thumbnail = useThumbnail(part.attachmentId);
  return (
    <ImageViewer id={part.attachmentId} name={part.name}>
      <button
        type="button"
        aria-label={t('open', { name: part.name })}
        className="block overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-700"
      >
        {thumbnail ? (
          <img src={thumbnail} alt={part.name} className="h-24 max-w-[12rem] object-cover" />
        ) : (
          <span className="flex h-24 w-24 items-center justify-center text-xs text-zinc-500">
            {part.name}
          </span>
        )}
      </button>
    </ImageViewer>
  );
}
