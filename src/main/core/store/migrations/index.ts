/**
 * Every migration, in order. To change the schema, add `NNN_what.ts` exporting a Migration with
 * the next version, list it here, and add its test under tests/unit/store (migrations.test.ts, or its own migrationNNN.test.ts).
 */
import { conversationsMigration } from './001_conversations';
import { usageLedgerMigration } from './002_usage_ledger';
import { usageCostsMigration } from './003_usage_costs';
import { exchangesMigration } from './004_exchanges';
import { messageRefusalMigration } from './005_message_refusal';
import { messagePartsMigration } from './006_message_parts';
import { cacheWritesMigration } from './007_cache_writes';
import { attachmentsMigration } from './008_attachments';
import { branchesMigration } from './009_branches';
import { knowledgeMigration } from './010_knowledge';
import { knowledgePassMigration } from './011_knowledge_pass';
import type { Migration } from './types';

export const migrations: readonly Migration[] = [
  conversationsMigration,
  usageLedgerMigration,
  usageCostsMigration,
  exchangesMigration,
  messageRefusalMigration,
  messagePartsMigration,
  cacheWritesMigration,
  attachmentsMigration,
  branchesMigration,
  knowledgeMigration,
  knowledgePassMigration,
];
export type { Migration } from './types';
