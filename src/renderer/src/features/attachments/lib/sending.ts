import type { AttachmentSending, AttachmentView } from '../../../../../shared/attachments';
import type { TFunction } from '../../../lib/i18n';
import { imageLimits, readsPdfNatively } from '../../../../../shared/attachmentSending';
import type { ProfileView } from '../../../../../shared/profiles';

/** How an attachment will go to the picked profile, as main will send it. */
export function sendingOf(view: AttachmentView, profile: ProfileView | null): AttachmentSending {
  if (view.kind === 'image') return 'image';
  if (view.kind === 'text') return 'inline-text';
  return profile && !readsPdfNatively(profile) ? 'extracted-text' : 'native';
}

/** How a file goes to the model, in words (t: the attachments namespace). */
export function sendingText(t: TFunction, sending: AttachmentSending): string {
  return t(`sending.${sending}`);
}

/** What the chip says under the name: how it goes, and whether an image is scaled first. */
export function chipNote(t: TFunction, view: AttachmentView, profile: ProfileView | null): string {
  const sending = sendingOf(view, profile);
  if (sending !== 'image' || !profile) return sendingText(t, sending);
  const limit = imageLimits[profile.type];
  const edge = Math.max(view.width ?? 0, view.height ?? 0);
  if (edge > limit.maxEdge || view.size > limit.maxBytes)
    return t('scaled', { edge: limit.maxEdge });
  return sendingText(t, 'image');
}
