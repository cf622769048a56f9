import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startHarnessProcess } from '../support/harnessProcess';

describe('a history written by a newer Switchboard', () => {
  it('makes the harness refuse to start with a message, leaving the file as it was', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-newer-'));
    const file = join(dataDir, 'switchboard.db');
    const db = new Database(file);
    db.exec(
      "CREATE TABLE conversations (id TEXT); INSERT INTO conversations VALUES ('from the future');",
    );
    db.pragma('user_version = 999');
    db.close();
    const before = readFileSync(file);

    const started = startHarnessProcess({ dataDir });
    await expect(started).rejects.toThrow(/newer version of Switchboard[\s\S]*not changed/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
