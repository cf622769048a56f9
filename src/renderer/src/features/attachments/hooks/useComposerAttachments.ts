import type { AttachmentPart } from '../../../../../shared/messageParts';
import type { ProfileView } from '../../../../../shared/profiles';
import { seesImages } from '../../../../../shared/vision';
import { sendingOf } from '../lib/sending';
import { rememberThumbnail } from '../lib/thumbnails';
import { readyViews, useAttachmentDraft } from '../store/attachmentDraft';
import { useAttachmentInput } from './useAttachmentInput';
import { i18n } from '../../../lib/i18n';

/**
 * What the composer needs of its attachments: the parts a send carries (told how each goes to
 * the picked profile), whether one is still being stored, why the picked model cannot take them
 * (said before sending), the paste handler, and the clearing after a send.
 */
export function useComposerAttachments(
  pick: { view: ProfileView; model: string } | null,
  enabled: boolean,
) {
  const chips = useAttachmentDraft((s) => s.chips);
  const clearDraft = useAttachmentDraft((s) => s.clear);
  const onPaste = useAttachmentInput(enabled);
  const views = readyViews(chips);
  const parts: AttachmentPart[] = views.map((view) => {
    const base = {
      attachmentId: view.id,
      name: view.name,
      mimeType: view.mimeType,
      size: view.size,
    };
    const sending = sendingOf(view, pick?.view ?? null);
    return sending === 'image'
      ? { type: 'image', ...base }
      : { type: 'file', ...base, sentAs: sending };
  });
  const blind =
    pick &&
    parts.some((part) => part.type === 'image') &&
    seesImages(pick.view.type, pick.model) === false;
  return {
    parts,
    storing: chips.some((chip) => chip.status === 'storing'),
    problem: blind ? i18n.t('errors:attachments.noVisionDraft', { model: pick.model }) : null,
    onPaste,
    clear() {
      for (const view of views) rememberThumbnail(view.id, view.thumbnail);
      clearDraft();
    },
  };
}
