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
  /** Captured provider exchanges, for the inspector. */
  exchanges: ExchangeStore;
  rateLimits: RateLimitStore;
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
  const opened = openDatabase({ file, now });
  const { db } = opened;
  const conversations = new ConversationStore(db, now);
  const messages = new MessageStore(db, now);
  const recoveredAnswers = messages.recoverInterrupted();
  conversations.purgeDeleted(now());
  return {
    db,
    opened,
    conversations,
    messages,
    search: new ConversationSearch(db),
    ledger: new UsageLedger(db, now),
    exchanges: new ExchangeStore(db, now),
    rateLimits: new RateLimitStore(db, now),
    recoveredAnswers,
    close() {
      if (db.open) db.close();
    },
  };
}
