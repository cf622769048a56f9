import { useState } from 'react';
import type { BackupKind, BackupView } from '../../../../../shared/backups';
import { useDataStore } from '../store/dataStore';

const kindLabels: Record<BackupKind, string> = {
  daily: 'Daily',
  manual: 'Made by hand',
  'pre-migration': 'Before an update',
  'pre-restore': 'Before a restore',
};

const buttonClass =
  'rounded-md border border-zinc-300 px-2.5 py-1 text-sm hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800';

function keepChoices(current: number | undefined): number[] {
  const choices = [3, 5, 10, 20, 30, 50, 100];
  return current && !choices.includes(current)
    ? [...choices, current].sort((a, b) => a - b)
    : choices;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const formatTime = (at: number) =>
  new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function BackupRow({ backup }: { backup: BackupView }) {
  const restore = useDataStore((s) => s.restore);
  const busy = useDataStore((s) => s.busy);
  const [asking, setAsking] = useState(false);
  const label = `${kindLabels[backup.kind]}, ${formatTime(backup.createdAt)}`;
  const onRestore = async () => {
    // The reopened history is shown from scratch: every feature loads it again.
    if (await restore(backup.name)) window.location.reload();
    else setAsking(false);
  };
  return (
    <li aria-label={`Backup: ${label}`} className="flex flex-col gap-1 py-2">
      <div className="flex items-center gap-3">
        <span className="flex-1">
          <span className="font-medium">{formatTime(backup.createdAt)}</span>
          <span className="text-zinc-500"> · {kindLabels[backup.kind]}</span>
        </span>
        <span className="w-20 text-right tabular-nums text-zinc-500">
          {formatBytes(backup.bytes)}
        </span>
        {!asking && (
          <button type="button" className={buttonClass} onClick={() => setAsking(true)}>
            Restore…
          </button>
        )}
      </div>
      {asking && (
        <div className="flex items-center gap-2 rounded-md bg-amber-50 px-2 py-1.5 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          <span className="flex-1">
            Replace your history with this backup? The history as it is now is backed up first.
          </span>
          <button
            type="button"
            className={buttonClass}
            disabled={busy !== null}
            onClick={() => void onRestore()}
          >
            {busy === 'restore' ? 'Restoring…' : 'Restore this backup'}
          </button>
          <button type="button" className={buttonClass} onClick={() => setAsking(false)}>
            Cancel
          </button>
        </div>
      )}
    </li>
  );
}

/** Settings › Data › Backups: the list with size and time, "Back up now", how many are kept. */
export function BackupsSection() {
  const list = useDataStore((s) => s.backups);
  const busy = useDataStore((s) => s.busy);
  const error = useDataStore((s) => s.backupError);
  const backUpNow = useDataStore((s) => s.backUpNow);
  const setKeep = useDataStore((s) => s.setKeep);
  return (
    <section aria-labelledby="backups-heading" className="flex flex-col gap-2">
      <h4 id="backups-heading" className="font-medium text-zinc-700 dark:text-zinc-300">
        Backups
      </h4>
      <p className="text-xs text-zinc-500">
        A copy of your history is made every day and before each update, and checked after it is
        written. {list && <>They are kept in {list.folder}.</>}
      </p>
      <div className="flex items-center gap-3">
        <button
          type="button"
          className={buttonClass}
          disabled={busy !== null}
          onClick={() => void backUpNow()}
        >
          {busy === 'backup' ? 'Backing up…' : 'Back up now'}
        </button>
        <label className="flex items-center gap-2 text-sm">
          Keep the last
          {/* A choice, not a typed number: a half-typed "1" would delete backups at once. */}
          <select
            className="rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
            value={list?.keep ?? 10}
            onChange={(e) => void setKeep(Number(e.target.value))}
          >
            {keepChoices(list?.keep).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
          backups
        </label>
      </div>
      {error && (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
      {list && list.backups.length === 0 && (
        <p className="text-xs text-zinc-500">No backups yet.</p>
      )}
      <ul aria-label="Backups" className="divide-y divide-zinc-200 dark:divide-zinc-800">
        {list?.backups.map((backup) => (
          <BackupRow key={backup.name} backup={backup} />
        ))}
      </ul>
    </section>
  );
}
