import { z } from 'zod';
import { fileSendModes, type MessagePart } from './messageParts';

const partText = z.string().max(10_000_000);
/** An attachment's id is the SHA-256 of its bytes (attachments/ab/abcdef… in the data folder). */
export const attachmentId = z.string().regex(/^[0-9a-f]{64}$/);
const attachmentName = z.string().min(1).max(1000);
const mimeType = z.string().min(1).max(200);
const size = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/**
 * A message part as files written by us carry it (exports, saves kept across a restart). A kind
 * added to `MessagePart` needs its schema here; the `satisfies` line fails to compile until then.
 */
export const messagePartSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: partText }).strict(),
  z.object({ type: z.literal('reasoning'), text: partText }).strict(),
  z.object({ type: z.literal('refusal'), text: partText }).strict(),
  z
    .object({
      type: z.literal('image'),
      attachmentId,
      name: attachmentName,
      mimeType,
      size,
      width: z.number().int().min(1).max(100_000).optional(),
      height: z.number().int().min(1).max(100_000).optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('tool-call'),
      callId: z.string().max(512),
      name: z.string().max(256),
      serverId: z.string().max(64).optional(),
      arguments: partText,
      status: z.enum(['denied', 'skipped']).optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('file'),
      attachmentId,
      name: attachmentName,
      mimeType,
      size,
      sentAs: z.enum(fileSendModes),
    })
    .strict(),
  z
    .object({
      type: z.literal('tool-result'),
      callId: z.string().max(512),
      content: partText,
      isError: z.boolean(),
      truncated: z.boolean().optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('citation'),
      title: z.string().max(2000),
      url: z.string().url().max(8000),
    })
    .strict(),
]);

// Both ways: every schema is a part, and every part has a schema.
export const messagePartsSchema = z.array(messagePartSchema).max(100_000) satisfies z.ZodType<
  MessagePart[]
>;
type Covered = z.infer<typeof messagePartSchema>['type'];
export const everyPartKindHasASchema: MessagePart['type'] extends Covered ? true : never = true;
