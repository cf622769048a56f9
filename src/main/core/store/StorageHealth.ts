import type { StorageStatus } from '../../../shared/storage';
import type { SqliteDatabase } from './database';
import { adviceSpoken, storageFaultOf, type StorageFault } from './storageFault';
import { spoken, type Spoken } from '../../../shared/said';

export interface StorageHealthDeps {
  db: SqliteDatabase;
  /** Where the history file lives, for the banner. */
  file: string;
  /** As found at open: writable, or read-only with the reason. */
  initial: StorageStatus;
  /** Tells the person (the notice bar). */
  notify: (message: string | Spoken) => void;
  /** The banner follows the status. */
  onStatus: (status: StorageStatus) => void;
  /** Damage found: remembered so the next start salvages what can be read. */
  onDamaged?: () => void;
  now?: () => number;
}

/** The same fault is told again only after this long, so a stream of failed saves is one notice. */
const REPEAT_NOTICE_MS = 60_000;

/**
 * Whether the history can be written, and what to say when a write fails. A full disk or a lock
 * comes and goes, so it is told and the next write tries again; a damaged file is not going to
 * mend, so the connection becomes query-only for the rest of the session (no write can make the
 * damage worse) and the banner comes up.
 */
export class StorageHealth {
  private current: StorageStatus;
  private readonly lastTold = new Map<string, number>();

  constructor(private readonly deps: StorageHealthDeps) {
    this.current = deps.initial;
  }

  get status(): StorageStatus {
    return this.current;
  }

  /**
   * Handles a failed read or write: null when `error` is not a storage fault (the caller goes on
   * as with any error), else the message for the person. `tell: false` when the caller shows it
   * itself (an IPC answer); background saves have no one else to tell, so the notice bar does.
   * `waiting`: the save is kept and retried, so the advice is what to free, not to try again.
   */
  report(error: unknown, options: { tell?: boolean; waiting?: boolean } = {}): string | null {
    return this.reportSpoken(error, options)?.message ?? null;
  }

  /** The same, with the message's code (an IPC answer carries it to the renderer). */
  reportSpoken(error: unknown, options: { tell?: boolean; waiting?: boolean } = {}): Spoken | null {
    const fault = storageFaultOf(error);
    if (!fault) return null;
    if (fault.reason === 'corrupt') this.markDamaged();
    const message = this.messageFor(fault, error, options.waiting ?? false);
    if (options.tell ?? true) this.tell(message);
    return message;
  }

  /** Damage found by a check rather than a failed read: the same read-only state and banner. */
  damageFound(): void {
    this.markDamaged();
  }

  private messageFor(fault: StorageFault, error: unknown, waiting: boolean): Spoken {
    if (fault.reason === 'corrupt')
      return spoken('storage.unreadable', { advice: adviceSpoken('corrupt').said });
    // Once read-only, every write fails as "read-only"; the reason the person needs is the first one.
    if (!this.current.writable && isReadOnlyRefusal(error))
      return spoken('storage.nothingSaved', {
        status: this.current.said ?? this.current.message,
      });
    return adviceSpoken(fault.reason, waiting ? 'waiting' : 'now');
  }

  private markDamaged(): void {
    if (!this.current.writable) return;
    try {
      this.deps.db.pragma('query_only = ON');
    } catch {
      // Already unusable: reads fail too, and each failure is reported as it comes.
    }
    this.deps.onDamaged?.();
    this.current = {
      writable: false,
      reason: 'corrupt',
      ...adviceSpoken('corrupt'),
      file: this.deps.file,
    };
    this.deps.onStatus(this.current);
  }

  private tell(words: Spoken): void {
    const { message } = words;
    const now = (this.deps.now ?? Date.now)();
    const last = this.lastTold.get(message);
    // A clock set back makes `now - last` negative: tell again rather than stay silent forever.
    if (last !== undefined && now - last < REPEAT_NOTICE_MS && now >= last) return;
    this.lastTold.set(message, now);
    this.deps.notify(words);
  }
}

/** SQLite refusing a write because the connection is query-only (our doing, after a fault). */
function isReadOnlyRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_READONLY');
}
