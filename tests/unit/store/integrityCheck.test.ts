import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { scheduleIntegrityCheck } from '../../../src/main/core/store/integrityCheck';
import { buildHistory, damagePages } from '../../support/storageFaults';

function history(damaged: boolean) {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-integrity-'));
  buildHistory(dataDir, 40);
  const file = join(dataDir, 'switchboard.db');
  if (damaged) damagePages(file, 0.55, 0.7);
  return { file, db: new Database(file) };
}

describe('the integrity check after start', () => {
  it('finds damage no read has touched yet, and says what SQLite found', async () => {
    const { file, db } = history(true);
    const onDamage = vi.fn();
    const check = scheduleIntegrityCheck({ db, file, onDamage, delayMs: 0 });
    expect(await check.finished).toBe('damaged');
    expect(onDamage).toHaveBeenCalledOnce();
    expect(String(onDamage.mock.calls[0]?.[0])).toMatch(/\S/);
    db.close();
  });

  it('passes a healthy history without a word', async () => {
    const { file, db } = history(false);
    const onDamage = vi.fn();
    expect(await scheduleIntegrityCheck({ db, file, onDamage, delayMs: 0 }).finished).toBe('ok');
    expect(onDamage).not.toHaveBeenCalled();
    db.close();
  });

  it('leaves a history above the size cap to be found when read', async () => {
    const { file, db } = history(true);
    const onDamage = vi.fn();
    const check = scheduleIntegrityCheck({ db, file, onDamage, delayMs: 0, maxBytes: 1024 });
    expect(await check.finished).toBe('skipped');
    expect(onDamage).not.toHaveBeenCalled();
    db.close();
  });

  it('does nothing once cancelled (the app is closing)', async () => {
    const { file, db } = history(true);
    const onDamage = vi.fn();
    scheduleIntegrityCheck({ db, file, onDamage, delayMs: 20 }).cancel();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(onDamage).not.toHaveBeenCalled();
    db.close();
  });
});
