import { useState } from 'react';
import type { BackupKind, BackupView } from '../../../../../shared/backups';
import { useDataStore } from '../store/dataStore';
import { formatBytes, formatDateTime, useTranslation } from '../../../lib/i18n';

const kindKeys: Record<BackupKind, string> = {
  daily: 'daily',
  manual: 'manual',
  'pre-migration': 'preMigration',
  'pre-restore': 'preRestore',
};

const buttonClass =
  'rounded-md border border-zinc-300 px-2.5 py-1 text-sm hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800';

function keepChoices(current: number | undefined): number[] {
  const choices = [3, 5, 10, 20, 30, 50, 100];
  return current && !choices.includes(current)
    ? [...choices, current].sort((a, b) => a - b)
    : choices;
}

function BackupRow({ backup }: { backup: BackupView }) {
  const { t } = useTranslation('settings');
  const restore = useDataStore((s) => s.restore);
  const busy = useDataStore((s) => s.busy);
  const [asking, setAsking] = useState(false);
  const kind = t(`backups.kind.${kindKeys[backup.kind]}`);
  const label = `${kind}, ${formatDateTime(backup.createdAt)}`;
  const onRestore = async () => {
    // The reopened history is shown from scratch: every feature loads it again.
    if (await restore(backup.name)) window.location.reload();
    else setAsking(false);
  };
  return (
    <li aria-label={t('backups.rowLabel', { label })} className="flex flex-col gap-1 py-2">
      <div className="flex items-center gap-3">
        <span className="flex-1">
          <span className="font-medium">{formatDateTime(backup.createdAt)}</span>
          <span className="text-zinc-500"> · {kind}</span>
        </span>
        <span className="w-20 text-right tabular-nums text-zinc-500">
          {formatBytes(backup.bytes)}
        </span>
        {!asking && (
          <button type="button" className={buttonClass} onClick={() => setAsking(true)}>
            {t('backups.restore')}
          </button>
        )}
      </div>
      {asking && (
        <div className="flex items-center gap-2 rounded-md bg-amber-50 px-2 py-1.5 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          <span className="flex-1">{t('backups.restoreQuestion')}</span>
          <button
            type="button"
            className={buttonClass}
            disabled={busy !== null}
            onClick={() => void onRestore()}
          >
            {busy === 'restore' ? t('backups.restoring') : t('backups.restoreConfirm')}
          </button>
          <button type="button" className={buttonClass} onClick={() => setAsking(false)}>
            {t('profile.cancel')}
          </button>
        </div>
      )}
    </li>
  );
}

/** Settings › Data › Backups: the list with size and time, "Back up now", how many are kept. */
export function BackupsSection() {
  const { t } = useTranslation('settings');
  const list = useDataStore((s) => s.backups);
  const busy = useDataStore((s) => s.busy);
  const error = useDataStore((s) => s.backupError);
  const backUpNow = useDataStore((s) => s.backUpNow);
  const setKeep = useDataStore((s) => s.setKeep);
  return (
    <section aria-labelledby="backups-heading" className="flex flex-col gap-2">
      <h4 id="backups-heading" className="font-medium text-zinc-700 dark:text-zinc-300">
        {t('backups.title')}
      </h4>
      <p className="text-xs text-zinc-500">
        {t('backups.intro')} {list && t('backups.folder', { folder: list.folder })}
      </p>
      <div className="flex items-center gap-3">
        <button
          type="button"
          className={buttonClass}
          disabled={busy !== null}
          onClick={() => void backUpNow()}
        >
          {busy === 'backup' ? t('backups.backingUp') : t('backups.now')}
        </button>
        <label className="flex items-center gap-2 text-sm">
          {t('backups.keepBefore')}
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
          {t('backups.keepAfter')}
        </label>
      </div>
      {error && (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
      {list && list.backups.length === 0 && (
        <p className="text-xs text-zinc-500">{t('backups.none')}</p>
      )}
      <ul aria-label={t('backups.title')} className="divide-y divide-zinc-200 dark:divide-zinc-800">
        {list?.backups.map((backup) => (
          <BackupRow key={backup.name} backup={backup} />
        ))}
      </ul>
    </section>
  );
}
