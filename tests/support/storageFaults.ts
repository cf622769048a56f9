/**
 * Real storage faults for tests: a small tmpfs that can be filled (a full disk), a second
 * process holding the history's write lock, damaged pages in a history file. Each is bounded
 * and undone by the test that makes it.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { openStore } from '../../src/main/core/store/Store';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');

/** Mounts a tmpfs of `megabytes` at `dir`; the reason when this machine does not allow it. */
export async function mountSmallDisk(dir: string, megabytes: number): Promise<string | null> {
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m,mode=0755`, 'tmpfs', dir]);
    return null;
  } catch (error) {
    return `mounting a ${megabytes} MB tmpfs failed (needs root with CAP_SYS_ADMIN): ${(error as Error).message.split('\n')[0]}`;
  }
}

export async function unmount(dir: string): Promise<void> {
  await run('umount', ['-l', dir]).catch(() => undefined);
}

/** Writes a file in `dir` until the disk says ENOSPC; returns its path (delete it to free space). */
export function fillDisk(dir: string): string {
  const filler = join(dir, 'filler.bin');
  const fd = openSync(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    // Bounded: a 64 MB disk is full after 1024 chunks; stop there whatever happens.
    for (let i = 0; i < 4096; i++) {
      try {
        writeSync(fd, chunk);
      } catch (error) {
        // A write that finds some room writes what fits; the next one finds none.
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
        return filler;
      }
    }
    throw new Error(`${dir} never filled up: is it the small disk?`);
  } finally {
    closeSync(fd);
  }
}

export function freeDisk(filler: string): void {
  rmSync(filler, { force: true });
}

export interface LockHolder {
  /** Releases the lock (the holder's transaction rolls back) and waits for it to exit. */
  release(): Promise<void>;
}

/**
 * Another process takes the history's write lock (BEGIN IMMEDIATE, as a database tool editing
 * it would) and holds it until released, or for `maxMs` at most.
 */
export async function holdWriteLock(file: string, maxMs = 60_000): Promise<LockHolder> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.exec('BEGIN IMMEDIATE');
    db.exec("CREATE TABLE IF NOT EXISTS lock_holder (x); INSERT INTO lock_holder VALUES (1)");
    process.stdout.write('locked\\n');
    setTimeout(() => process.exit(0), ${maxMs});
    process.stdin.on('data', () => process.exit(0));
  `;
  const child: ChildProcess = spawn(process.execPath, ['-e', script, file], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolvePromise, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`lock holder did not lock: ${output}`)),
      15_000,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('locked')) {
        clearTimeout(timer);
        resolvePromise();
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`lock holder exited with ${code}: ${output}`));
    });
  });
  return {
    release: () =>
      new Promise<void>((resolvePromise) => {
        if (child.exitCode !== null) return resolvePromise();
        child.once('exit', () => resolvePromise());
        child.stdin?.write('release\n');
      }),
  };
}

/** Overwrites pages `from`–`to` (fractions of the file) with random bytes, past the header. */
export function damagePages(file: string, from: number, to: number, pageSize = 4096): void {
  const size = readFileSync(file).length;
  const pages = Math.floor(size / pageSize);
  const first = Math.max(2, Math.floor(pages * from));
  const last = Math.max(first + 1, Math.floor(pages * to));
  const fd = openSync(file, 'r+');
  try {
    for (let page = first; page < last; page++) {
      writeSync(fd, randomBytes(pageSize), 0, pageSize, (page - 1) * pageSize);
    }
  } finally {
    closeSync(fd);
  }
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * A history of `count` conversations (a question and an answer each, long enough to fill many
 * pages), written and closed; the texts by conversation id.
 */
export function buildHistory(dataDir: string, count: number): Map<string, string[]> {
  const store = openStore({ dataDir });
  const contents = new Map<string, string[]>();
  for (let i = 0; i < count; i++) {
    const conversation = store.conversations.create({
      title: `Conversation ${i}`,
      settings: { profileId: 'env', model: 'emu-1', systemPrompt: null, parameters: {} },
    });
    const texts = [`Question ${i} ${'q'.repeat(1500)}`, `Answer ${i} ${'a'.repeat(3000)}`];
    let parentId: string | null = null;
    texts.forEach((content, n) => {
      const message = store.messages.append({
        conversationId: conversation.id,
        parentId,
        role: n === 0 ? 'user' : 'assistant',
        content,
      });
      parentId = message.id;
    });
    store.conversations.touch(conversation.id, parentId);
    contents.set(conversation.id, texts);
  }
  store.close();
  return contents;
}
