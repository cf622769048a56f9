import type { AttachmentPart } from '../../../shared/messageParts';
import { HandlerError } from '../../../shared/result';
import { providerFor } from '../providers/registry';
import type { ProviderProfile } from '../providers/types';
import type { AttachmentService } from './AttachmentService';
import { spoken } from '../../../shared/said';

/**
 * A question's picks (ids from the composer) as its parts, checked against the limits and told
 * how each goes to the profile answering; none picked, none made. Never a silent drop: picks
 * where attachments cannot be stored are refused.
 */
export function questionAttachments(
  service: AttachmentService | undefined,
  picks: readonly { id: string; name: string }[] | undefined,
  profile: ProviderProfile,
): AttachmentPart[] {
  if (!picks?.length) return [];
  if (!service) throw new HandlerError('unavailable', spoken('attachments.cannotStore'));
  return service.partsFor(picks, providerFor(profile.type).attachments, profile);
}
