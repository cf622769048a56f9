import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { messageText, partsFromFields } from '../../../shared/messageParts';
import { messagePartsSchema } from '../../../shared/messagePartSchema';
import { finishReasons, providerErrorKinds } from '../../../shared/stream';
import type { Store } from './Store';
import { usageCallKinds } from './UsageLedger';
import { UsageWriter } from '../usage/UsageWriter';
import { saidSchema, spoken, type Spoken } from '../../../shared/said';

/**
 * Saves that the history could not take before quitting (a full disk, a lock), written to a
 * small file instead, for the next start to put into the history. Each is described as data
 * (what PendingSaves holds is a closure), in this file's own format.
 */
const usageSchema = z.object({
  inputTokens: z.number(),
  outputTokens: z.number(),
  totalTokens: z.number(),
  cachedInputTokens: z.number().optional(),
  cacheWriteTokens: z.number().optional(),
  reasoningTokens: z.number().optional(),
  webSearchCalls: z.number().optional(),
  source: z.enum(['provider', 'estimated']),
});
const answerEndFields = {
  model: z.string().nullable().optional(),
  providerMessageId: z.string().nullable().optional(),
  usage: usageSchema.nullable().optional(),
  error: z
    .object({
      kind: z.enum(providerErrorKinds),
      status: z.number().nullable(),
      message: z.string(),
      retryAfterMs: z.number().optional(),
      requestId: z.string().optional(),
      said: saidSchema.optional(),
    })
    .nullable()
    .optional(),
  finishReason: z.enum(finishReasons),
  providerFinishReason: z.string().nullable(),
  timing: z.object({ ttftMs: z.number().nullable(), totalMs: z.number() }).nullable(),
};
/** Files kept by a version before message parts said the content as fields: read as parts. */
const answerEndSchema = z.union([
  z.object({ ...answerEndFields, parts: messagePartsSchema }),
  z
    .object({
      ...answerEndFields,
      content: z.string(),
      reasoning: z.string(),
      refusal: z.string().optional(),
    })
    .transform(({ content, reasoning, refusal, ...rest }) => ({
      ...rest,
      parts: partsFromFields({ content, reasoning, refusal: refusal ?? '' }),
    })),
]);
const usageCallSchema = z.object({
  kind: z.enum(usageCallKinds),
  profileId: z.string().nullable(),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  conversationId: z.string().nullable(),
  messageId: z.string().nullable(),
  usage: usageSchema.nullable(),
  ttftMs: z.number().nullable(),
  durationMs: z.number().nullable(),
  outcome: z.string(),
});
const bucketSchema = z.object({
  limit: z.number().optional(),
  remaining: z.number().optional(),
  resetAt: z.number().optional(),
});
const headroomSchema = z.object({
  requests: bucketSchema.optional(),
  tokens: bucketSchema.optional(),
  inputTokens: bucketSchema.optional(),
  outputTokens: bucketSchema.optional(),
  headers: z.record(z.string(), z.string()),
});
export const unsavedWriteSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('answerEnd'), messageId: z.string(), end: answerEndSchema }),
  z.object({
    kind: z.literal('usage'),
    call: usageCallSchema,
    /** The conversation whose place in the sidebar the call moves up. */
    bumpConversationId: z.string().nullable(),
  }),
  /** A profile's last rate-limit budgets (only the newest one is ever kept). */
  z.object({
    kind: z.literal('headroom'),
    profileId: z.string(),
    provider: z.string().nullable(),
    info: headroomSchema,
  }),
]);
export type UnsavedWrite = z.infer<typeof unsavedWriteSchema>;
const unsavedFileSchema = z.object({
  format: z.literal('switchboard-unsaved-1'),
  writtenAt: z.number(),
  writes: z.array(unsavedWriteSchema),
});

const FILE_PREFIX = 'switchboard.db.unsaved-';

/**
 * Where such a file may go: beside the history, else a folder of this user's own in the temp
 * folder (often another disk; on Linux usually memory, kept until a reboot), one per history.
 */
export function unsavedPlaces(dataDir: string, spareRoot = tmpdir()): string[] {
  const key = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16);
  return [dataDir, join(spareRoot, `switchboard-unsaved-${userName()}`, key)];
}

/** The user's name for the folder; a process without a passwd entry (a container) has its uid. */
function userName(): string {
  try {
    return userInfo().username;
  } catch {
    return String(process.getuid?.() ?? 'user');
  }
}

/** Writes `writes` to the first place with room; the file's path, or null where none had any. */
export function keepUnsaved(writes: UnsavedWrite[], places: string[], now: number): string | null {
  const body = JSON.stringify({ format: 'switchboard-unsaved-1', writtenAt: now, writes });
  for (const [index, place] of places.entries()) {
    const file = join(place, `${FILE_PREFIX}${now}.json`);
    try {
      // The spare folder is private (0700): another user of the machine must not plant a file.
      if (index > 0) mkdirSync(place, { recursive: true, mode: 0o700 });
      writeFileSync(`${file}.tmp`, body, { mode: 0o600 });
      renameSync(`${file}.tmp`, file);
      return file;
    } catch {
      rmSync(`${file}.tmp`, { force: true });
    }
  }
  return null;
}

/**
 * Puts every kept file's saves into the history and removes the file; one notice says what came
 * back. A file that cannot be read or applied is left where it is, and said so: nothing is lost.
 */
export function restoreUnsaved(
  store: Store,
  places: string[],
  notify: (message: string | Spoken, level?: 'info' | 'warning') => void,
): void {
  let answers = 0;
  for (const file of places.flatMap((place, index) => keptFiles(place, index > 0))) {
    try {
      const parsed = unsavedFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
      answers += store.db
        .transaction(() => parsed.writes.map((w) => apply(store, w)))()
        .filter((applied) => applied === 'answer').length;
      rmSync(file, { force: true });
    } catch (error) {
      const detail = (error instanceof Error ? error.message.split('\n')[0] : String(error)) ?? '';
      notify(spoken('notice.keptSavesFailed', { detail, file }), 'warning');
    }
  }
  if (answers > 0) notify(spoken('notice.keptSavesRestored', { count: answers }), 'info');
}

/** The kept files in `place`, oldest first; none when it cannot be listed (it is only looked at). */
function keptFiles(place: string, mustBePrivate: boolean): string[] {
  try {
    return listKept(place, mustBePrivate);
  } catch {
    return [];
  }
}

function listKept(place: string, mustBePrivate: boolean): string[] {
  if (!existsSync(place)) return [];
  if (mustBePrivate) {
    const stat = lstatSync(place);
    const ownUid = process.getuid?.();
    if (!stat.isDirectory() || (ownUid !== undefined && stat.uid !== ownUid)) return [];
    // A folder others could write to may hold a file someone else planted: not read.
    if ((stat.mode & 0o022) !== 0) return [];
  }
  return readdirSync(place)
    .filter((name) => name.startsWith(FILE_PREFIX) && name.endsWith('.json'))
    .sort()
    .map((name) => join(place, name));
}

/** One kept save, into the history; an answer only over what it grew from (never over an edit). */
function apply(store: Store, write: UnsavedWrite): 'answer' | 'usage' | 'skipped' {
  // Through the one usage writer, at once; a failure throws, so the file is kept for next time.
  const usage = new UsageWriter(store, {
    unrecorded: (error) => {
      throw error;
    },
  });
  if (write.kind === 'headroom') {
    usage.recordHeadroom(write.profileId, write.provider, write.info);
    return 'usage';
  }
  if (write.kind === 'answerEnd') {
    const message = store.messages.get(write.messageId);
    if (!message || !messageText(write.end.parts).startsWith(messageText(message.parts)))
      return 'skipped';
    store.messages.finish(write.messageId, write.end);
    return 'answer';
  }
  const bump = write.bumpConversationId;
  usage.recordCall(
    write.call,
    bump && store.conversations.exists(bump) ? { bumpConversationId: bump } : {},
  );
  return 'usage';
}
