import type { AttachmentPart } from '../../../shared/messageParts';
import { seesImages } from '../../../shared/vision';
import type { AttachmentRules } from '../providers/ProviderModule';
import type { ChatTurn, ProviderProfile, WireAttachment } from '../providers/types';
import { kindOfMime } from './classifyAttachment';
import { fitImage } from './imageScaling';
import { pdfText } from './pdfText';
import { spoken, type Said, type Spoken } from '../../../shared/said';

/** Why a question's attachments cannot go to this model (nothing is sent; the question stays). */
export class AttachmentProblem extends Error {
  override name = 'AttachmentProblem';
  readonly said: Said;
  constructor(words: Spoken) {
    super(words.message);
    this.said = words.said;
  }
}

/** Where the bytes come from: the data folder in the app, the files named on the CLI. */
export interface AttachmentSource {
  read(id: string): Buffer | null;
}

/** A file's text as the model reads it: its name, then the text in a fence longer than any inside. */
export function fencedFile(name: string, text: string, note = ''): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `Attached file: ${name}${note}\n${fence}\n${text}\n${fence}`;
}

export interface Sending {
  source: AttachmentSource;
  rules: AttachmentRules;
  profile: ProviderProfile;
  model: string;
}

/** One attachment for this provider: a wire image or PDF, or text for the turn's content. */
async function prepare(
  part: AttachmentPart,
  sending: Sending,
): Promise<{ wire: WireAttachment } | { text: string }> {
  const bytes = sending.source.read(part.attachmentId);
  if (!bytes)
    throw new AttachmentProblem(spoken('attachments.notInDataFolder', { name: part.name }));
  const kind = kindOfMime(part.mimeType);
  const { image, readsPdf } = sending.rules;
  if (kind === 'image') {
    if (seesImages(sending.profile.type, sending.model) === false)
      throw new AttachmentProblem(spoken('attachments.noVision', { model: sending.model }));
    const fitted = await fitImage(bytes, part.mimeType, image);
    const data = fitted.bytes.toString('base64');
    // Anthropic's vision guide: an image costs about width × height / 750 tokens.
    const tokens = Math.ceil((fitted.width * fitted.height) / 750);
    return { wire: { kind: 'image', name: part.name, mimeType: fitted.mimeType, data, tokens } };
  }
  if (kind === 'pdf') {
    if (readsPdf(sending.profile))
      return { wire: { kind: 'pdf', name: part.name, data: bytes.toString('base64') } };
    return { text: fencedFile(part.name, await pdfText(bytes), ' (text extracted from the PDF)') };
  }
  return { text: fencedFile(part.name, new TextDecoder().decode(bytes)) };
}

/**
 * One turn with its attachments prepared for this provider: images scaled to its limits, PDFs
 * native or as extracted text, text files inline before the turn's own text.
 */
export async function prepareTurn(turn: ChatTurn, sending: Sending): Promise<ChatTurn> {
  if (turn.role !== 'user' || !turn.attached?.length) return turn;
  const texts: string[] = [];
  const wire: WireAttachment[] = [];
  for (const part of turn.attached) {
    const prepared = await prepare(part, sending);
    if ('wire' in prepared) wire.push(prepared.wire);
    else texts.push(prepared.text);
  }
  const content = [...texts, ...(turn.content ? [turn.content] : [])].join('\n\n');
  return wire.length ? { role: 'user', content, attachments: wire } : { role: 'user', content };
}
