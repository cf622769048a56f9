/**
 * Saves kept at quit, put back at the next start, against real files and a real store: only an
 * answer's own continuation goes in, a file that cannot be read is left and said so, and a spare
 * folder other users could write to is not read.
 */
import { chmodSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src/main/core/store/Store';
import { messageText } from '../../../src/shared/messageParts';
import {
  keepUnsaved,
  restoreUnsaved,
  unsavedPlaces,
  type UnsavedWrite,
} from '../../../src/main/core/store/unsavedWrites';

function history() {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-unsaved-'));
  const store = openStore({ dataDir });
  const conversation = store.conversations.create({
    title: 'Kept',
    settings: { profileId: 'env', model: 'emu-1', systemPrompt: null, parameters: {} },
  });
  const question = store.messages.append({
    conversationId: conversation.id,
    parentId: null,
    role: 'user',
    content: 'Question',
  });
  const answer = store.messages.append({
    conversationId: conversation.id,
    parentId: question.id,
    role: 'assistant',
    content: 'The beginning',
    status: 'streaming',
  });
  return { dataDir, store, conversationId: conversation.id, answerId: answer.id };
}

const end = (content: string) => ({
  parts: [{ type: 'text' as const, text: content }],
  finishReason: 'stop' as const,
  providerFinishReason: 'stop',
  timing: { ttftMs: 5, totalMs: 50 },
  usage: { inputTokens: 3, outputTokens: 4, totalTokens: 7, source: 'provider' as const },
});

describe('saves kept at quit', () => {
  it('go into the history at the next start, once, and the file goes', () => {
    const { dataDir, store, conversationId, answerId } = history();
    const spare = mkdtempSync(join(tmpdir(), 'switchboard-spare-'));
    const places = unsavedPlaces(dataDir, spare);
    const writes: UnsavedWrite[] = [
      { kind: 'answerEnd', messageId: answerId, end: end('The beginning and the whole rest') },
      {
        kind: 'usage',
        bumpConversationId: conversationId,
        call: {
          kind: 'chat',
          profileId: 'env',
          provider: 'openai',
          model: 'emu-1',
          conversationId,
          messageId: answerId,
          usage: { inputTokens: 3, outputTokens: 4, totalTokens: 7, source: 'provider' },
          ttftMs: 5,
          durationMs: 50,
          outcome: 'stop',
        },
      },
    ];
    const file = keepUnsaved(writes, places, 1000);
    expect(file).toBe(join(dataDir, 'switchboard.db.unsaved-1000.json'));
    const notices: string[] = [];
    restoreUnsaved(store, places, (m) => notices.push(typeof m === 'string' ? m : m.message));
    expect(store.messages.get(answerId)).toMatchObject({
      parts: [{ type: 'text', text: 'The beginning and the whole rest' }],
      status: 'done',
      finishReason: 'stop',
    });
    const rows = store.db.prepare('SELECT count(*) FROM usage_ledger').pluck().get();
    expect(rows).toBe(1);
    expect(notices).toEqual([expect.stringMatching(/^1 answer .* is now in your history, whole/)]);
    expect(existsSync(file ?? '')).toBe(false);
    restoreUnsaved(store, places, (m) => notices.push(typeof m === 'string' ? m : m.message));
    expect(notices).toHaveLength(1);
    store.close();
  });

  it('a file kept by a version before message parts (text as fields) still goes in, as parts', () => {
    const { dataDir, store, answerId } = history();
    const places = unsavedPlaces(dataDir, mkdtempSync(join(tmpdir(), 'switchboard-spare-')));
    const { parts: _parts, ...rest } = end('');
    const old = { ...rest, content: 'The beginning, and the end', reasoning: 'Hmm.', refusal: '' };
    writeFileSync(
      join(dataDir, 'switchboard.db.unsaved-7.json'),
      JSON.stringify({
        format: 'switchboard-unsaved-1',
        writtenAt: 7,
        writes: [{ kind: 'answerEnd', messageId: answerId, end: old }],
      }),
    );
    restoreUnsaved(store, places, () => undefined);
    expect(store.messages.get(answerId)?.parts).toEqual([
      { type: 'reasoning', text: 'Hmm.' },
      { type: 'text', text: 'The beginning, and the end' },
    ]);
    store.close();
  });

  it('never overwrite an answer that changed since (not a continuation of what is stored)', () => {
    const { dataDir, store, answerId } = history();
    const places = unsavedPlaces(dataDir, mkdtempSync(join(tmpdir(), 'switchboard-spare-')));
    keepUnsaved(
      [{ kind: 'answerEnd', messageId: answerId, end: end('Something else') }],
      places,
      1,
    );
    restoreUnsaved(store, places, () => undefined);
    expect(messageText(store.messages.get(answerId)!.parts)).toBe('The beginning');
    store.close();
  });

  it('a file that cannot be read stays where it is, and a notice says where', () => {
    const { dataDir, store } = history();
    const places = unsavedPlaces(dataDir, mkdtempSync(join(tmpdir(), 'switchboard-spare-')));
    const file = join(dataDir, 'switchboard.db.unsaved-5.json');
    writeFileSync(
      file,
      '{"format":"switchboard-unsaved-1","writtenAt":5,"writes":[{"kind":"nope"}]}',
    );
    const notices: string[] = [];
    restoreUnsaved(store, places, (m) => notices.push(typeof m === 'string' ? m : m.message));
    expect(notices).toEqual([expect.stringContaining(`They wait in ${file}`)]);
    expect(existsSync(file)).toBe(true);
    store.close();
  });

  it('go to the spare folder (private) when the history folder takes none, and only a private one is read', () => {
    const { dataDir, store, answerId } = history();
    const spareRoot = mkdtempSync(join(tmpdir(), 'switchboard-spare-'));
    const places = unsavedPlaces(dataDir, spareRoot);
    // A history folder that takes no file (as a full disk would refuse it).
    const unwritable = [join(dataDir, 'missing', 'deeper'), ...places.slice(1)];
    const write: UnsavedWrite = {
      kind: 'answerEnd',
      messageId: answerId,
      end: end('The beginning, then more'),
    };
    const file = keepUnsaved([write], unwritable, 7);
    expect(file?.startsWith(places[1] ?? '?')).toBe(true);
    expect(readdirSync(places[1] ?? '')).toEqual(['switchboard.db.unsaved-7.json']);
    // Made writable for others: a file there may not be ours, so it is not read.
    chmodSync(places[1] ?? '', 0o777);
    restoreUnsaved(store, places, () => undefined);
    expect(messageText(store.messages.get(answerId)!.parts)).toBe('The beginning');
    chmodSync(places[1] ?? '', 0o700);
    restoreUnsaved(store, places, () => undefined);
    expect(messageText(store.messages.get(answerId)!.parts)).toBe('The beginning, then more');
    store.close();
  });
});
