import { createHash } from 'node:crypto';
import type { SyncSummary } from '../../../shared/sync';
import type { LocalHistory } from './localHistory';
import {
  fetchMissingAttachments,
  uploadAttachments,
  type AttachmentFiles,
} from './syncAttachments';
import type { Manifest, RemoteFolder } from './remoteFolder';
import { mergeConversation } from './syncMerge';
import { baseEntryOf, conversationHash, type ConversationRecord } from './syncRecords';
import type { SyncBase } from './syncState';

/** What one pass decided, before anything is written. */
interface Plan {
  /** Written here (downloaded, merged, copies). */
  putLocal: ConversationRecord[];
  removeLocal: string[];
  /** Sent to the server (changed here, merged, copies). */
  upload: ConversationRecord[];
  /** Deleted here since the last sync: a tombstone goes up. */
  tombstone: string[];
  /** Left for the next pass (an answer still arriving): their base stays as it was. */
  deferred: string[];
  /** The state every conversation is in once this pass is done, for the next base. */
  final: Map<string, ConversationRecord>;
  summary: SyncSummary;
}

const fileNameOf = (id: string, hash: string) =>
  `${createHash('sha256').update(id).digest('hex').slice(0, 24)}-${hash.slice(0, 16)}.sbx`;

/**
 * One sync: read both sides, decide per conversation against the last sync's base, write here
 * first (one transaction), then upload each changed conversation, then the manifest. Any step
 * may fail: until the manifest is moved into place the server is as it was, and what was
 * written here merges again cleanly on the next pass (nothing is lost or doubled).
 */
export async function runSync(
  local: LocalHistory,
  folder: RemoteFolder,
  base: SyncBase,
  now: number,
  files: AttachmentFiles | null = null,
): Promise<{ summary: SyncSummary; base: SyncBase }> {
  const manifest = await folder.manifest();
  const here = local.readAll();
  const plan = await planSync(here, manifest, base, folder, now);
  const expected = (id: string) => {
    const record = here.get(id);
    return record ? conversationHash(record) : null;
  };
  // The files first, so a message written here never names one that is not.
  if (files) await fetchMissingAttachments([...here.values(), ...plan.putLocal], folder, files);
  const skipped =
    plan.putLocal.length || plan.removeLocal.length
      ? local.apply({ put: plan.putLocal, remove: plan.removeLocal, expected })
      : new Set<string>();
  if (plan.upload.length || plan.tombstone.length) {
    const next: Manifest = {
      version: 1,
      conversations: { ...manifest.conversations },
      tombstones: { ...manifest.tombstones },
    };
    const replaced: string[] = [];
    if (files) await uploadAttachments(plan.upload, folder, files);
    for (const record of plan.upload) {
      const hash = conversationHash(record);
      const file = fileNameOf(record.id, hash);
      await folder.putConversation(file, record);
      const old = next.conversations[record.id]?.file;
      if (old && old !== file) replaced.push(old);
      next.conversations[record.id] = {
        hash,
        file,
        updatedAt: Number(record.row.updated_at ?? now),
      };
      delete next.tombstones[record.id];
    }
    for (const id of plan.tombstone) {
      const old = next.conversations[id]?.file;
      if (old) replaced.push(old);
      delete next.conversations[id];
      next.tombstones[id] = now;
    }
    await folder.putManifest(next);
    for (const file of replaced) await folder.removeConversation(file);
  }
  const conversations = Object.fromEntries(
    [...plan.final].map(([id, record]) => [id, baseEntryOf(record)]),
  );
  // Changed here while this pass ran: its base stays as it was, so the next pass merges it.
  for (const id of [...skipped, ...plan.deferred]) {
    const old = base.conversations[id];
    if (old) conversations[id] = old;
    else delete conversations[id];
  }
  return { summary: plan.summary, base: { target: base.target, conversations } };
}

async function planSync(
  here: Map<string, ConversationRecord>,
  manifest: Manifest,
  base: SyncBase,
  folder: RemoteFolder,
  now: number,
): Promise<Plan> {
  const plan: Plan = {
    ...{ putLocal: [], removeLocal: [], upload: [], tombstone: [], deferred: [], final: new Map() },
    summary: { at: now, uploaded: 0, downloaded: 0, conflicts: 0, deletedHere: 0, deletedThere: 0 },
  };
  const ids = new Set([
    ...here.keys(),
    ...Object.keys(manifest.conversations),
    ...Object.keys(base.conversations),
  ]);
  for (const id of ids) {
    const mine = here.get(id) ?? null;
    // A half-written answer would travel half; it goes once it has ended.
    if (mine?.messages.some((m) => m.row.status === 'streaming')) plan.deferred.push(id);
    else await planOne(id, mine, manifest, base, folder, plan);
  }
  return plan;
}

async function planOne(
  id: string,
  mine: ConversationRecord | null,
  manifest: Manifest,
  base: SyncBase,
  folder: RemoteFolder,
  plan: Plan,
): Promise<void> {
  const entry = manifest.conversations[id];
  const L = mine ? conversationHash(mine) : null;
  const R = entry?.hash ?? null;
  const B = base.conversations[id]?.hash ?? null;
  const fetch = () => folder.conversation(entry!.file);
  if (L === R) {
    if (mine) plan.final.set(id, mine);
  } else if (R === B) {
    // Changed here only.
    if (mine) upload(plan, mine);
    else if (entry || !(id in manifest.tombstones)) deletedHere(plan, id);
  } else if (L === B) {
    // Changed there only; gone from the manifest without a tombstone is not a delete (a
    // manifest written over by another machine's): it goes back up.
    if (entry) download(plan, await fetch());
    else if (id in manifest.tombstones) removeHere(plan, id);
    else upload(plan, mine!);
  } else if (!mine) {
    // Deleted here, changed there: the change is kept.
    download(plan, await fetch());
  } else if (!entry) {
    // Deleted there, changed here: the change is kept, the tombstone lifted.
    upload(plan, mine);
  } else {
    bothChanged(plan, base, mine, await fetch());
  }
}

function upload(plan: Plan, record: ConversationRecord): void {
  plan.upload.push(record);
  plan.final.set(record.id, record);
  plan.summary.uploaded += 1;
}

function download(plan: Plan, record: ConversationRecord): void {
  plan.putLocal.push(record);
  plan.final.set(record.id, record);
  plan.summary.downloaded += 1;
}

function deletedHere(plan: Plan, id: string): void {
  plan.tombstone.push(id);
  plan.summary.deletedThere += 1;
}

function removeHere(plan: Plan, id: string): void {
  plan.removeLocal.push(id);
  plan.summary.deletedHere += 1;
}

function bothChanged(
  plan: Plan,
  base: SyncBase,
  mine: ConversationRecord,
  theirs: ConversationRecord,
): void {
  const { merged, copy } = mergeConversation(base.conversations[mine.id] ?? null, mine, theirs);
  plan.putLocal.push(merged);
  plan.upload.push(merged);
  plan.final.set(merged.id, merged);
  plan.summary.uploaded += 1;
  plan.summary.downloaded += 1;
  if (copy) {
    plan.putLocal.push(copy);
    plan.upload.push(copy);
    plan.final.set(copy.id, copy);
    plan.summary.conflicts += 1;
  }
}
