import type { AttachmentPart } from '../../../shared/messageParts';
import { providerFor } from '../providers/registry';
import type { ProviderProfile } from '../providers/types';
import { prepareTurn, type AttachmentSource } from './turnsWithAttachments';

/** What a context count needs of attachments: the tokens they add to one question. */
export type AttachmentTokens = (
  parts: readonly AttachmentPart[],
  profile: ProviderProfile,
  model: string,
  count: (text: string) => number,
) => Promise<number>;

const REMEMBERED = 500;

/**
 * Attachments counted as they would be sent to this model: prepared the way the request will
 * prepare them (an image scaled to the provider's limits, at width × height / 750 tokens; a text
 * file or a PDF's extracted text counted with the model's tokenizer). A PDF the provider reads
 * itself is not counted (its page cost is the provider's own). Content-addressed, so each
 * attachment is prepared once per model and remembered, not at every keystroke's measure.
 */
export function attachmentTokenCounter(source: AttachmentSource): AttachmentTokens {
  const remembered = new Map<string, number>();
  return async (parts, profile, model, count) => {
    let total = 0;
    for (const part of parts) {
      const key = `${part.attachmentId}|${profile.type}|${model}|${'sentAs' in part ? part.sentAs : 'image'}`;
      let tokens = remembered.get(key);
      if (tokens === undefined) {
        tokens = await tokensOf(part, source, profile, model, count);
        if (remembered.size >= REMEMBERED) remembered.clear();
        remembered.set(key, tokens);
      }
      total += tokens;
    }
    return total;
  };
}

async function tokensOf(
  part: AttachmentPart,
  source: AttachmentSource,
  profile: ProviderProfile,
  model: string,
  count: (text: string) => number,
): Promise<number> {
  const sending = { source, rules: providerFor(profile.type).attachments, profile, model };
  try {
    const turn = await prepareTurn({ role: 'user', content: '', attached: [part] }, sending);
    if (turn.role !== 'user') return 0;
    const images = (turn.attachments ?? []).reduce(
      (sum, item) => sum + (item.kind === 'image' ? (item.tokens ?? 0) : 0),
      0,
    );
    return (turn.content ? count(turn.content) : 0) + images;
  } catch {
    // One that cannot go (gone, a model that cannot see) is said at send, not counted here.
    return 0;
  }
}
