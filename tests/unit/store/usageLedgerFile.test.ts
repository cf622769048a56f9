import { describe, expect, it } from 'vitest';
import { openUsageLedger } from '../../../src/main/core/store/UsageLedgerFile';
import { UsageWriter } from '../../../src/main/core/usage/UsageWriter';
import { noSettings, tempStore } from './helpers';

describe('the usage ledger file (the CLI’s way into the history)', () => {
  it('adds a row beside a running app without touching its answers or its deleted conversations', () => {
    const { store, dir } = tempStore();
    // The app is running: an answer streams, a conversation was just deleted (undo still offered).
    const conversation = store.conversations.create({ title: 'Live', settings: noSettings });
    const answer = store.messages.append({
      conversationId: conversation.id,
      parentId: null,
      role: 'assistant',
      content: 'half an answer',
      status: 'streaming',
    });
    const deleted = store.conversations.create({ title: 'Deleted', settings: noSettings });
    store.conversations.softDelete(deleted.id);

    const opened = openUsageLedger(dir);
    if (!opened.ok) throw new Error(opened.why);
    new UsageWriter(opened.tables).recordCall({
      kind: 'cli-ask',
      profileId: 'openai',
      provider: 'openai',
      model: 'gpt-4o-mini',
      conversationId: null,
      messageId: null,
      usage: { inputTokens: 10, outputTokens: 5, totalTokens: 15, source: 'provider' },
      ttftMs: 10,
      durationMs: 20,
      outcome: 'stop',
    });
    opened.close();

    expect(store.messages.get(answer.id)?.status).toBe('streaming');
    const kept = store.db
      .prepare('SELECT count(*) AS n FROM conversations WHERE id = ?')
      .get(deleted.id);
    expect(kept).toEqual({ n: 1 });
    const row = store.db.prepare('SELECT kind, cost FROM usage_ledger').get() as {
      kind: string;
      cost: number | null;
    };
    expect(row.kind).toBe('cli-ask');
    expect(row.cost).toBeGreaterThan(0);
    store.close();
  });
});
