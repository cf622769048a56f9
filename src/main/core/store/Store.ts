import { join } from 'node:path';
import { ConversationSearch } from './ConversationSearch';
import { ConversationStore } from './ConversationStore';
import { openDatabase, type OpenedDatabase, type SqliteDatabase } from './database';
import { ExchangeStore } from './ExchangeStore';
import { MessageStore } from './MessageStore';
import { RateLimitStore } from './RateLimitStore';
import { UsageLedger } from './UsageLedger';

export const DATABASE_FILE = 'switchboard.db';

export interface Store {
  db: SqliteDatabase;
  opened: OpenedDatabase;
  conversations: ConversationStore;
  messages: MessageStore;
  search: ConversationSearch;
  ledger: UsageLedger;
  rateLimits: RateLimitStore;
  /** Captured provider exchanges, for the inspector. */
  exchanges: ExchangeStore;
  /** Answers found still streaming at open (the app died mid-stream), now marked interrupted. */
  recoveredAnswers: number;
  close(): void;
}

/**
 * Opens the app's database in `dataDir` and readies it for a session: answers cut by a crash
 * become interrupted ones, and conversations deleted in an earlier session (past undo) are purged.
 */
export function openStore(options: { dataDir?: string; file?: string; now?: () => number }): Store {
  const now = options.now ?? Date.now;
  const file = options.file ?? join(options.dataDir ?? '.', DATABASE_FILE);
  return assembleStore(openDatabase({ file, now }), now);
}

/**
 * The stores over an opened database. `bestEffort` (a read-only copy of a damaged file) lets the
 * start-of-session tidying fail on a bad page: reading what is left matters more.
 */
export function assembleStore(
  opened: OpenedDatabase,
  now: () => number,
  options: { bestEffort?: boolean; onClose?: () => void } = {},
): Store {
  const { db } = opened;
  const conversations = new ConversationStore(db, now);
  const messages = new MessageStore(db, now);
  let recoveredAnswers = 0;
  try {
    recoveredAnswers = messages.recoverInterrupted();
    conversations.purgeDeleted(now());
  } catch (error) {
    if (!options.bestEffort) {
      db.close();
      throw error;
    }
  }
  return {
    db,
    opened,
    conversations,
    messages,
    search: new ConversationSearch(db),
    ledger: new UsageLedger(db, now),
    rateLimits: new RateLimitStore(db, now),
    exchanges: new ExchangeStore(db, now),
    recoveredAnswers,
    close() {
      if (db.open) db.close();
      options.onClose?.();
    },
  };
}
