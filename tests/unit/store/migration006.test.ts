import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../../src/main/core/store/database';
import { migrations } from '../../../src/main/core/store/migrations';
import { openStore } from '../../../src/main/core/store/Store';
import { ConversationSearch } from '../../../src/main/core/store/ConversationSearch';
import { salvageHistory } from '../../../src/main/core/store/salvageHistory';

const opened: OpenedDatabase[] = [];
afterEach(() => opened.splice(0).forEach((o) => o.db.open && o.db.close()));

/** Rows as schema 5 held them: every kind of content, empty ones, and text that is hard to keep. */
const rows = [
  { id: 'q', role: 'user', content: 'Why is the sky blue? 🌌', reasoning: '', refusal: '' },
  {
    id: 'a',
    role: 'assistant',
    content: 'Rayleigh scattering:\n\n- short waves scatter more\n- "quotes" \\ and \t tabs',
    reasoning: 'Think about wavelengths… λ ≈ 450 nm',
    refusal: '',
  },
  { id: 'r', role: 'assistant', content: '', reasoning: '', refusal: 'I can’t help with that.' },
  { id: 'e', role: 'assistant', content: '', reasoning: '', refusal: '' },
  {
    id: 'u',
    role: 'user',
    content: 'Ünïcødé: 日本語, עברית, emoji 👩‍👩‍👧, NUL-free \u0001\u001f controls, \u2028 separators',
    reasoning: 'r\u00e9sum\u00e9',
    refusal: 'ok',
  },
];

function schema5File(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'switchboard-mig6-')), 'switchboard.db');
  const v5 = openDatabase({ file, migrations: migrations.slice(0, 5), now: () => 1 });
  v5.db.prepare("INSERT INTO conversations (id, created_at, updated_at) VALUES ('c', 1, 1)").run();
  const insert = v5.db.prepare(
    `INSERT INTO messages (id, conversation_id, role, content, reasoning, refusal, created_at, updated_at)
     VALUES (@id, 'c', @role, @content, @reasoning, @refusal, 1, 1)`,
  );
  for (const row of rows) insert.run(row);
  v5.db.close();
  return file;
}

describe('migration 6 (message parts)', () => {
  it('moves content, reasoning and refusal into parts, every byte kept, empty fields giving none', () => {
    const file = schema5File();
    const migrated = openDatabase({ file, migrations, now: () => 2 });
    opened.push(migrated);
    expect(migrated.fromVersion).toBe(5);
    expect(migrated.backupFile).not.toBeNull();
    const columns = (migrated.db.pragma('table_info(messages)') as { name: string }[]).map(
      (c) => c.name,
    );
    expect(columns).toContain('parts');
    expect(columns).not.toContain('content');
    expect(columns).not.toContain('reasoning');
    expect(columns).not.toContain('refusal');
    migrated.db.close();

    const store = openStore({ file });
    try {
      for (const row of rows) {
        const expected = [
          ...(row.reasoning ? [{ type: 'reasoning', text: row.reasoning }] : []),
          ...(row.content ? [{ type: 'text', text: row.content }] : []),
          ...(row.refusal ? [{ type: 'refusal', text: row.refusal }] : []),
        ];
        expect(store.messages.get(row.id)?.parts).toEqual(expected);
      }
      // Byte for byte: the UTF-8 of each part is the UTF-8 of the field it came from.
      const raw = new Database(file, { readonly: true });
      const u = raw.prepare("SELECT parts FROM messages WHERE id = 'u'").get() as { parts: string };
      raw.close();
      const text = (JSON.parse(u.parts) as { type: string; text: string }[]).find(
        (p) => p.type === 'text',
      )!.text;
      expect(Buffer.from(text, 'utf8').equals(Buffer.from(rows[4]!.content, 'utf8'))).toBe(true);
    } finally {
      store.close();
    }
  });

  it('keeps search working: old text found and highlighted, new and edited parts indexed, deletes forgotten', () => {
    const file = schema5File();
    const store = openStore({ file });
    try {
      const search = new ConversationSearch(store.db);
      const hit = (q: string) => search.search(q, 10).filter((h) => h.messageId !== null);
      expect(hit('Rayleigh').map((h) => h.messageId)).toEqual(['a']);
      expect(hit('Rayleigh')[0]!.segments.find((s) => s.match)?.text).toBe('Rayleigh');
      // Only what a message says is searched, as before: not its thinking or a refusal.
      expect(hit('wavelengths')).toEqual([]);
      expect(hit('help')).toEqual([]);
      store.messages.saveStreamingParts('e', [
        { type: 'reasoning', text: 'hidden thought' },
        { type: 'text', text: 'quantum ' },
        { type: 'reasoning', text: 'more' },
        { type: 'text', text: 'entanglement' },
      ]);
      expect(hit('entanglement').map((h) => h.messageId)).toEqual(['e']);
      expect(hit('hidden')).toEqual([]);
      store.messages.saveStreamingParts('e', [{ type: 'text', text: 'classical' }]);
      expect(hit('entanglement')).toEqual([]);
      expect(hit('classical').map((h) => h.messageId)).toEqual(['e']);
      store.messages.deleteBranch('c', 'e');
      expect(hit('classical')).toEqual([]);
    } finally {
      store.close();
    }
  });

  it('a history at schema 5 salvaged (copied row by row into a new file) keeps its text as parts', () => {
    const source = schema5File();
    const target = join(mkdtempSync(join(tmpdir(), 'switchboard-mig6-salvage-')), 'switchboard.db');
    const salvage = salvageHistory(source, target, () => 3);
    opened.push(salvage.opened);
    expect(salvage.copied.messages).toBe(rows.length);
    const stored = salvage.opened.db
      .prepare<[], { id: string; parts: string }>('SELECT id, parts FROM messages ORDER BY seq')
      .all();
    expect(stored.map((row) => [row.id, JSON.parse(row.parts)])).toEqual(
      rows.map((row) => [
        row.id,
        [
          ...(row.reasoning ? [{ type: 'reasoning', text: row.reasoning }] : []),
          ...(row.content ? [{ type: 'text', text: row.content }] : []),
          ...(row.refusal ? [{ type: 'refusal', text: row.refusal }] : []),
        ],
      ]),
    );
  });
});
