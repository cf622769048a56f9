import type { BackupService } from './BackupService';

const HOUR_MS = 60 * 60 * 1000;

export interface BackupSchedule {
  /** The first look (after `delayMs`) and the hourly ones stop; a backup under way finishes. */
  stop(): void;
  /** Settles when the first look has run (made a backup, found none due, or failed). */
  firstLook: Promise<void>;
}

/**
 * Daily backups: shortly after start when the newest is more than a day old, then a look every
 * hour, so a machine left running for days still gets one a day. A failure is told, once per
 * attempt, and the next look tries again.
 */
export function scheduleDailyBackups(
  backups: BackupService,
  options: { delayMs?: number; everyMs?: number; onFailure: (error: unknown) => void },
): BackupSchedule {
  let stopped = false;
  // A look while the last one's backup is still being written would find none due and make two.
  let looking = false;
  const look = async () => {
    if (stopped || looking) return;
    looking = true;
    try {
      if (backups.dailyDue()) await backups.create('daily');
    } catch (error) {
      if (!stopped) options.onFailure(error);
    } finally {
      looking = false;
    }
  };
  let interval: ReturnType<typeof setInterval> | undefined;
  let first: ReturnType<typeof setTimeout> | undefined;
  const firstLook = new Promise<void>((done) => {
    first = setTimeout(() => void look().then(done), options.delayMs ?? 30_000);
    first.unref?.();
  });
  interval = setInterval(() => void look(), options.everyMs ?? HOUR_MS);
  interval.unref?.();
  return {
    firstLook,
    stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(interval);
      interval = undefined;
    },
  };
}
