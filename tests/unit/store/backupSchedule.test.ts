import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scheduleDailyBackups } from '../../../src/main/core/backups/backupSchedule';
import { BackupService } from '../../../src/main/core/backups/BackupService';
import { createMemoryPreferences } from '../../../src/main/core/preferences/PreferencesStore';
import { openDatabase } from '../../../src/main/core/store/database';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function service(now: () => number) {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-schedule-'));
  const { db } = openDatabase({ file: join(dir, 'switchboard.db') });
  cleanups.push(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const backups = new BackupService({
    db,
    folder: join(dir, 'backups'),
    preferences: createMemoryPreferences(),
    now,
  });
  return { db, backups };
}

describe('daily backups on a timer', () => {
  it('backs up when the newest is a day old, looking again on each tick', async () => {
    let clock = Date.UTC(2026, 11, 3, 9);
    const { db, backups } = service(() => clock);
    const failures: unknown[] = [];
    const schedule = scheduleDailyBackups(backups, {
      delayMs: 0,
      everyMs: 15,
      onFailure: (error) => failures.push(error),
    });
    cleanups.unshift(() => schedule.stop());
    await schedule.firstLook;
    expect(backups.list().backups).toEqual([]); // nothing to keep yet
    db.prepare(
      "INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c', 'kept', 1, 1)",
    ).run();
    await vi.waitFor(() => expect(backups.list().backups).toHaveLength(1));
    clock += 60 * 60 * 1000; // an hour later: not due
    await new Promise((done) => setTimeout(done, 60));
    expect(backups.list().backups).toHaveLength(1);
    clock += 24 * 60 * 60 * 1000; // a day later: due again
    await vi.waitFor(() => expect(backups.list().backups).toHaveLength(2));
    expect(backups.list().backups.map((b) => b.kind)).toEqual(['daily', 'daily']);
    expect(failures).toEqual([]);
  });

  it('reports a failed backup and stops looking once stopped', async () => {
    const { db, backups } = service(Date.now);
    db.prepare(
      "INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c', 'kept', 1, 1)",
    ).run();
    db.close(); // the backup cannot be read from a closed database
    const failures: unknown[] = [];
    const schedule = scheduleDailyBackups(backups, {
      delayMs: 0,
      everyMs: 60_000,
      onFailure: (error) => failures.push(error),
    });
    await schedule.firstLook;
    schedule.stop();
    expect(failures).toHaveLength(1);
    expect(backups.list().backups).toEqual([]);
  });
});
