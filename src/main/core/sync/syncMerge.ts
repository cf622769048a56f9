import { createHash } from 'node:crypto';
import {
  hashOf,
  metaHash,
  type BaseEntry,
  type ConversationRecord,
  type MessageRecord,
} from './syncRecords';

export const OTHER_MACHINE_SUFFIX = ' (from other machine)';

export interface MergedConversation {
  merged: ConversationRecord;
  /** The other machine's whole version, kept as its own conversation when a message clashed. */
  copy: ConversationRecord | null;
}

/**
 * Three-way merge of one conversation changed on both machines, against what the last sync left
 * (`base`). Per message: one side changed it, that side's version; added on either side, kept
 * (two answers to the same question become sibling versions); deleted on one side and untouched
 * on the other, deleted; changed on both, the local one stays and the other machine's version of
 * the whole conversation is kept beside it as a copy, so nothing is silently overwritten.
 */
export function mergeConversation(
  base: BaseEntry | null,
  local: ConversationRecord,
  remote: ConversationRecord,
): MergedConversation {
  const localById = new Map(local.messages.map((m) => [m.id, m]));
  const remoteById = new Map(remote.messages.map((m) => [m.id, m]));
  const ids = new Set([...localById.keys(), ...remoteById.keys()]);
  const kept = new Map<string, MessageRecord>();
  let clash = false;
  for (const id of ids) {
    const l = localById.get(id);
    const r = remoteById.get(id);
    const outcome = mergeMessage(base?.messages[id] ?? null, l, r);
    if (outcome === 'clash') clash = true;
    const chosen = outcome === 'remote' ? r : outcome === 'none' ? undefined : l;
    if (chosen) kept.set(id, chosen);
  }
  keepParents(kept, localById, remoteById);
  const merged: ConversationRecord = {
    id: local.id,
    row: mergeRow(base?.meta ?? null, local, remote, kept),
    messages: [...kept.values()],
  };
  return { merged, copy: clash ? copyOf(remote) : null };
}

type Outcome = 'local' | 'remote' | 'none' | 'clash';

function mergeMessage(base: string | null, l?: MessageRecord, r?: MessageRecord): Outcome {
  const lh = l ? hashOf(l.row) : null;
  const rh = r ? hashOf(r.row) : null;
  if (lh === rh) return l ? 'local' : 'none';
  if (lh === base) return r ? 'remote' : 'none';
  if (rh === base) return l ? 'local' : 'none';
  // Changed on both sides: a deletion loses to an edit; two edits keep both (the copy).
  if (!l) return 'remote';
  if (!r) return 'local';
  return 'clash';
}

/** A kept message whose parent went on one side gets it back, so its branch stays reachable. */
function keepParents(
  kept: Map<string, MessageRecord>,
  ...sides: Map<string, MessageRecord>[]
): void {
  let added = true;
  while (added) {
    added = false;
    for (const message of [...kept.values()]) {
      const parent = message.row.parent_id;
      if (typeof parent !== 'string' || kept.has(parent)) continue;
      const found = sides.map((side) => side.get(parent)).find(Boolean);
      if (found) {
        kept.set(parent, found);
        added = true;
      }
    }
  }
}

/** Title and settings: the side that changed them (local when both did); times: the later. */
function mergeRow(
  baseMeta: string | null,
  local: ConversationRecord,
  remote: ConversationRecord,
  kept: Map<string, MessageRecord>,
): ConversationRecord['row'] {
  const fields = metaHash(local.row) === baseMeta ? remote.row : local.row;
  const newer =
    Number(remote.row.updated_at ?? 0) > Number(local.row.updated_at ?? 0) ? remote : local;
  const row: ConversationRecord['row'] = { ...fields, updated_at: newer.row.updated_at ?? null };
  const leaf = newer.row.current_leaf_id;
  row.current_leaf_id = typeof leaf === 'string' && kept.has(leaf) ? leaf : latestLeaf(kept);
  return row;
}

function latestLeaf(kept: Map<string, MessageRecord>): string | null {
  const parents = new Set([...kept.values()].map((m) => m.row.parent_id));
  const leaves = [...kept.values()].filter((m) => !parents.has(m.id));
  leaves.sort((a, b) => Number(b.row.created_at ?? 0) - Number(a.row.created_at ?? 0));
  return leaves[0]?.id ?? null;
}

/** A stable id from a seed: the same clash seen twice makes the same copy, not two. */
function derivedId(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** The other machine's version as a conversation of its own: new ids, the same tree. */
export function copyOf(remote: ConversationRecord): ConversationRecord {
  const id = derivedId(`copy:${remote.id}:${hashOf(remote.messages.map((m) => m.row))}`);
  const mapped = (messageId: unknown) =>
    typeof messageId === 'string' ? derivedId(`${id}:${messageId}`) : null;
  const title = typeof remote.row.title === 'string' ? remote.row.title : '';
  return {
    id,
    row: {
      ...remote.row,
      id,
      title: `${title}${OTHER_MACHINE_SUFFIX}`,
      current_leaf_id: mapped(remote.row.current_leaf_id),
    },
    messages: remote.messages.map((m) => ({
      id: mapped(m.id)!,
      row: { ...m.row, id: mapped(m.id), conversation_id: id, parent_id: mapped(m.row.parent_id) },
    })),
  };
}
