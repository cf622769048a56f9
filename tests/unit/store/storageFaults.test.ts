import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { PendingSaves } from '../../../src/main/core/store/PendingSaves';
import { StorageHealth } from '../../../src/main/core/store/StorageHealth';
import { storageFaultOf } from '../../../src/main/core/store/storageFault';

const fault = (code: string) => Object.assign(new Error(code), { code });

describe('storage faults', () => {
  it('are told apart by SQLite and errno family, extended codes included', () => {
    const reasons = [
      'SQLITE_FULL',
      'ENOSPC',
      'SQLITE_READONLY_DBMOVED',
      'SQLITE_CANTOPEN',
      'EROFS',
      'EACCES',
      'SQLITE_BUSY_SNAPSHOT',
      'SQLITE_LOCKED',
      'SQLITE_CORRUPT_INDEX',
      'SQLITE_NOTADB',
      'SQLITE_IOERR_WRITE',
    ].map((code) => storageFaultOf(fault(code))?.reason);
    expect(reasons).toEqual([
      'disk_full',
      'disk_full',
      'read_only',
      'read_only',
      'read_only',
      'read_only',
      'locked',
      'locked',
      'corrupt',
      'corrupt',
      'io',
    ]);
  });

  it('are not anything else: a constraint, a type error, a string', () => {
    expect(storageFaultOf(fault('SQLITE_CONSTRAINT_UNIQUE'))).toBeNull();
    expect(storageFaultOf(new TypeError('x is undefined'))).toBeNull();
    expect(storageFaultOf('SQLITE_FULL')).toBeNull();
  });
});

describe('pending saves', () => {
  function pending(
    report: (error: unknown) => string | null = (e) => storageFaultOf(e)?.advice ?? null,
  ) {
    const recovered = vi.fn();
    const internal = vi.fn();
    const saves = new PendingSaves({ report, recovered, onInternalError: internal, retryMs: 10 });
    return { saves, recovered, internal };
  }

  it('keep the order: a save behind a failed one waits, and both go in once the fault clears', async () => {
    const { saves, recovered } = pending();
    const written: string[] = [];
    let full = true;
    const save = (name: string) => () => {
      if (full) throw fault('SQLITE_FULL');
      written.push(name);
    };
    saves.run(save('answer'));
    full = false;
    // The disk has room now, but the usage row must not go in before its answer.
    saves.run(save('usage'));
    expect(written).toEqual([]);
    expect(saves.size).toBe(2);
    await vi.waitFor(() => expect(written).toEqual(['answer', 'usage']));
    expect(recovered).toHaveBeenCalledWith(2);
    expect(saves.size).toBe(0);
    saves.close();
  });

  it('drop a failure that is not storage (no retry mends a bug) and report it', () => {
    const { saves, internal } = pending();
    saves.run(() => {
      throw new TypeError('a bug');
    });
    expect(saves.size).toBe(0);
    expect(internal).toHaveBeenCalledWith(expect.any(TypeError));
  });

  it('replace a waiting save of the same key (only the newest budgets matter), in its place', async () => {
    const { saves } = pending();
    const written: string[] = [];
    let full = true;
    const save = (name: string) => () => {
      if (full) throw fault('SQLITE_FULL');
      written.push(name);
    };
    saves.run(save('answer'));
    saves.run(save('headroom 1'), { replaces: 'headroom:p1' });
    saves.run(save('usage'));
    saves.run(save('headroom 2'), { replaces: 'headroom:p1' });
    expect(saves.size).toBe(3);
    full = false;
    await vi.waitFor(() => expect(written).toEqual(['answer', 'headroom 2', 'usage']));
    saves.close();
  });

  it('try once more at close and keep what still fails, for the caller to report', () => {
    const { saves } = pending();
    saves.run(() => {
      throw fault('SQLITE_BUSY');
    });
    saves.close();
    expect(saves.size).toBe(1);
  });
});

describe('storage health', () => {
  function health(now = () => 0) {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (x)');
    const told: string[] = [];
    const onStatus = vi.fn();
    const onDamaged = vi.fn();
    const h = new StorageHealth({
      db,
      file: '/data/switchboard.db',
      initial: { writable: true },
      notify: (m) => told.push(typeof m === 'string' ? m : m.message),
      onStatus,
      onDamaged,
      now,
    });
    return { db, h, told, onStatus, onDamaged };
  }

  it('makes the connection query-only once damage is found, says so once, and remembers it', () => {
    const { db, h, onStatus, onDamaged } = health();
    expect(h.report(fault('SQLITE_CORRUPT'))).toMatch(
      /^This could not be read\. The history file is damaged/,
    );
    h.report(fault('SQLITE_CORRUPT'));
    expect(() => db.exec('INSERT INTO t VALUES (1)')).toThrow(/readonly/);
    expect(onStatus).toHaveBeenCalledOnce();
    expect(onStatus).toHaveBeenCalledWith(
      expect.objectContaining({ writable: false, reason: 'corrupt' }),
    );
    expect(onDamaged).toHaveBeenCalledOnce();
    // From now on a refused write names the first reason, not "read-only".
    expect(h.report(fault('SQLITE_READONLY'))).toMatch(
      /^Nothing was saved: The history file is damaged/,
    );
  });

  it('tells a passing fault (a full disk) once a minute, not once per failed save, and again when the clock went back', () => {
    let t = 1_000_000;
    const { h, told, onStatus } = health(() => t);
    h.report(fault('SQLITE_FULL'));
    t += 500;
    h.report(fault('SQLITE_FULL'));
    expect(told).toHaveLength(1);
    t += 61_000;
    h.report(fault('SQLITE_FULL'));
    expect(told).toHaveLength(2);
    t -= 3_600_000;
    h.report(fault('SQLITE_FULL'));
    expect(told).toHaveLength(3);
    expect(h.status).toEqual({ writable: true });
    expect(onStatus).not.toHaveBeenCalled();
  });

  it('advises freeing space, not trying again, for a save that waits and is retried', () => {
    const { h } = health();
    expect(h.report(fault('SQLITE_FULL'), { waiting: true })).toMatch(
      /saved as soon as there is room/,
    );
    expect(h.report(fault('SQLITE_FULL'))).toMatch(/Free some space and try again/);
  });

  it('does not tell when the caller shows the message itself', () => {
    const { h, told } = health();
    expect(h.report(fault('SQLITE_BUSY'), { tell: false })).toMatch(/locked by another program/);
    expect(told).toEqual([]);
  });
});
