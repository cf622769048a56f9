import {
  sendingLabel,
  type AttachmentSending,
  type AttachmentView,
} from '../../../../../shared/attachments';
import { imageLimits, readsPdfNatively } from '../../../../../shared/attachmentSending';
import type { ProfileView } from '../../../../../shared/profiles';

/** How an attachment will go to the picked profile, as main will send it. */
export function sendingOf(view: AttachmentView, profile: ProfileView | null): AttachmentSending {
  if (view.kind === 'image') return 'image';
  if (view.kind === 'text') return 'inline-text';
  return profile && !readsPdfNatively(profile) ? 'extracted-text' : 'native';
}

/** What the chip says under the name: how it goes, and whether an image is scaled first. */
export function chipNote(view: AttachmentView, profile: ProfileView | null): string {
  const sending = sendingOf(view, profile);
  if (sending !== 'image' || !profile) return sendingLabel(sending);
  const limit = imageLimits[profile.type];
  const edge = Math.max(view.width ?? 0, view.height ?? 0);
  if (edge > limit.maxEdge || view.size > limit.maxBytes)
    return `scaled to ${limit.maxEdge} px to send`;
  return 'image';
}
