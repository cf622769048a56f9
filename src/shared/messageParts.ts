/**
 * A message's content as an ordered list of parts, the one shape the store, the IPC contract,
 * the answer fold, export/import and the renderer share. A message is what its parts say, in
 * the order they came: thinking, then the answer, or a refusal, and later images, files, tool
 * calls and their results, without a column or a branch per kind.
 *
 * Adding a kind (an image, a file, a tool call, a tool result) is:
 * 1. its member here, in `MessagePart` and `messagePartTypes`, e.g.
 *    `{ type: 'image'; attachmentId: string; mimeType: string }`,
 *    `{ type: 'file'; attachmentId: string; name: string; mimeType: string }`,
 *    `{ type: 'tool-call'; callId: string; name: string; arguments: string }`,
 *    `{ type: 'tool-result'; callId: string; content: string; isError: boolean }`;
 *    every `switch` over `part.type` then fail to compile until they
 *    say what the new kind means to them (`unknownPart` makes each switch exhaustive), and
 *    the search text (`messages_search` in the store) says whether it is searched;
 * 2. its schema in `messagePartSchema` (`messagePartSchema.ts`), so imports take it;
 * 3. where it comes from (a stream event folded by `AnswerFold`) and how the message view shows it.
 * The store keeps parts as JSON, so a new kind needs no migration.
 */

export const textualPartTypes = ['text', 'reasoning', 'refusal'] as const;
/** The kinds that are streamed as text deltas (a stream event of the same name). */
export type TextualPartType = (typeof textualPartTypes)[number];

export interface TextPart {
  type: 'text';
  text: string;
}

/** The model's thinking before (or between) what it answers: shown folded, never sent back. */
export interface ReasoningPart {
  type: 'reasoning';
  text: string;
}

/** The model declined to answer and said why in its own words (finish reason 'refusal'). */
export interface RefusalPart {
  type: 'refusal';
  text: string;
}

/**
 * An image attached to a question: a reference to its bytes (stored apart, content-addressed by
 * SHA-256 in the data folder), never the bytes themselves, so a thread stays small.
 */
export interface ImagePart {
  type: 'image';
  /** SHA-256 of the bytes, lowercase hex: the attachment's id and its file name. */
  attachmentId: string;
  name: string;
  mimeType: string;
  size: number;
  width?: number;
  height?: number;
}

/** How a file reached the model: the provider read it (a PDF), its text extracted, or inline. */
export const fileSendModes = ['native', 'extracted-text', 'inline-text'] as const;
export type FileSendMode = (typeof fileSendModes)[number];

/** A PDF or a text file attached to a question, by reference like an image. */
export interface FilePart {
  type: 'file';
  attachmentId: string;
  name: string;
  mimeType: string;
  size: number;
  /** How it was sent when the question was first asked (the chip says it). */
  sentAs: FileSendMode;
}

export type AttachmentPart = ImagePart | FilePart;

/**
 * The model asked to call a tool (MCP, `server__tool`): its arguments as the model wrote them
 * (JSON text, kept even when it is not valid JSON, so the person sees what was sent).
 */
export interface ToolCallPart {
  type: 'tool-call';
  callId: string;
  name: string;
  serverId?: string;
  arguments: string;
  /** How the call went: denied by the person, or not run (an unknown tool, bad arguments). */
  status?: 'denied' | 'skipped';
}

/** What a tool call came back with (or why it failed), sent back to the model as its result. */
export interface ToolResultPart {
  type: 'tool-result';
  callId: string;
  content: string;
  isError: boolean;
  /** The result was cut at the size limit (the note says so in `content`). */
  truncated?: boolean;
}

/**
 * A web page the provider's own search tool found and the answer cites (webSearch.ts): shown
 * as a numbered source list under the answer, never sent back to a model.
 */
export interface CitationPart {
  type: 'citation';
  title: string;
  url: string;
}

export type MessagePart =
  | TextPart
  | ReasoningPart
  | RefusalPart
  | ImagePart
  | FilePart
  | ToolCallPart
  | ToolResultPart
  | CitationPart;
export type MessagePartType = MessagePart['type'];

export const toolPartTypes = ['tool-call', 'tool-result'] as const;
export const messagePartTypes = [
  ...textualPartTypes,
  'image',
  'file',
  ...toolPartTypes,
  'citation',
] as const satisfies readonly MessagePartType[];

/** Makes a `switch` over part kinds exhaustive: a kind added to the union fails to compile. */
export function unknownPart(part: never): never {
  throw new Error(`Unknown message part: ${JSON.stringify(part)}`);
}

export function isTextualPart(
  part: MessagePart,
): part is Extract<MessagePart, { type: TextualPartType }> {
  return (textualPartTypes as readonly string[]).includes(part.type);
}

/** Every part of one textual kind, joined in order ('' when there is none). */
export function textOfKind(parts: readonly MessagePart[], type: TextualPartType): string {
  let text = '';
  for (const part of parts) if (part.type === type) text += part.text;
  return text;
}

export function isAttachmentPart(part: MessagePart): part is AttachmentPart {
  return part.type === 'image' || part.type === 'file';
}

/** The attachments of a message, in order (a question's images and files). */
export function attachmentParts(parts: readonly MessagePart[]): AttachmentPart[] {
  return parts.filter(isAttachmentPart);
}

/** Whether an answer holds tool steps (its turns to a model are then more than its text). */
export function hasToolParts(parts: readonly MessagePart[]): boolean {
  return parts.some((part) => part.type === 'tool-call' || part.type === 'tool-result');
}

/** The sources an answer cites, in the order they came. */
export function citationParts(parts: readonly MessagePart[]): CitationPart[] {
  return parts.filter((part): part is CitationPart => part.type === 'citation');
}

/** What the message says: its text parts joined (what is sent back to a model, copied, titled). */
export function messageText(parts: readonly MessagePart[]): string {
  return textOfKind(parts, 'text');
}

export function reasoningText(parts: readonly MessagePart[]): string {
  return textOfKind(parts, 'reasoning');
}

export function refusalText(parts: readonly MessagePart[]): string {
  return textOfKind(parts, 'refusal');
}

/** One text part, or none for empty text (an empty message has no parts). */
export function textParts(text: string): MessagePart[] {
  return text ? [{ type: 'text', text }] : [];
}

/**
 * A streamed delta added to the parts, as a new list (the input is not changed): appended to the
 * last part when it is of the same kind, else a new part after it, so the order of arrival is
 * kept. Strings grow by concatenation, which engines keep as ropes: amortized O(1) per delta.
 */
export function appendDelta(
  parts: readonly MessagePart[],
  type: TextualPartType,
  text: string,
): MessagePart[] {
  if (!text) return parts.slice();
  // Cited sources after the last part do not split it (they are listed apart, AnswerFold too).
  let at = parts.length - 1;
  while (at >= 0 && parts[at]!.type === 'citation') at--;
  const last = parts[at];
  if (last?.type === type && isTextualPart(last))
    return parts.map((part, i) => (i === at ? { type, text: last.text + text } : part));
  return [...parts, { type, text }];
}

/**
 * The parts of a message kept as separate fields (schema 5, export version 1): thinking first,
 * then the answer, then a refusal, the order they were shown in; empty fields give no part.
 */
export function partsFromFields(fields: {
  content: string;
  reasoning?: string;
  refusal?: string;
}): MessagePart[] {
  const parts: MessagePart[] = [];
  if (fields.reasoning) parts.push({ type: 'reasoning', text: fields.reasoning });
  if (fields.content) parts.push({ type: 'text', text: fields.content });
  if (fields.refusal) parts.push({ type: 'refusal', text: fields.refusal });
  return parts;
}
