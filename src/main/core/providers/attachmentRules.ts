import { imageLimits, readsPdfNatively } from '../../../shared/attachmentSending';
import type { ProviderType } from '../../../shared/profiles';
import type { AttachmentRules } from './ProviderModule';

/**
 * A provider module's attachment rules, from the shared table the composer's chips read too
 * (shared/attachmentSending.ts): its image limits, and whether it reads PDFs itself.
 */
export function attachmentRulesFor(type: ProviderType): AttachmentRules {
  return {
    image: imageLimits[type],
    readsPdf: (profile) => readsPdfNatively(profile),
  };
}
