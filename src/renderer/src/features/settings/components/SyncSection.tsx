import type { SyncStatus } from '../../../../../shared/sync';
import { syncSchedules, useSyncForm } from '../hooks/useSyncForm';
import { useDataStore } from '../store/dataStore';
import { formatDateTime, saidText, useTranslation } from '../../../lib/i18n';
import { Field, SelectField } from './Field';

const buttonClass =
  'rounded-md border border-zinc-300 px-2.5 py-1 text-sm hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800';

function SyncStatusLine({ status }: { status: SyncStatus }) {
  const { t } = useTranslation('settings');
  const { lastSync, lastError } = status;
  const deleted = lastSync ? lastSync.deletedHere + lastSync.deletedThere : 0;
  return (
    <div className="flex flex-col gap-1 text-xs" aria-live="polite">
      {lastSync && (
        <p className="text-zinc-600 dark:text-zinc-400">
          {t('sync.last', {
            time: formatDateTime(lastSync.at),
            sent: lastSync.uploaded,
            received: lastSync.downloaded,
          })}
          {lastSync.conflicts > 0 && t('sync.conflicts', { count: lastSync.conflicts })}
          {deleted > 0 && t('sync.deleted', { count: deleted })}
          {t('sync.end')}
        </p>
      )}
      {!lastSync && !lastError && <p className="text-zinc-500">{t('sync.never')}</p>}
      {lastError && (
        <p role="alert" className="text-red-600 dark:text-red-400">
          {t('sync.failed', {
            time: formatDateTime(lastError.at),
            message: saidText(lastError.said, lastError.message),
          })}
        </p>
      )}
    </div>
  );
}

// A WebDAV address is a URL: the same in every language.
const urlExample = 'https://cloud.example.com/remote.php/dav/files/me/';

function SyncFields({ form }: { form: ReturnType<typeof useSyncForm> }) {
  const { t } = useTranslation('settings');
  const error = useDataStore((s) => s.syncError);
  const { fields, set, saved } = form;
  const kept = (has: boolean | undefined) => (has ? t('sync.kept') : '');
  const schedules = syncSchedules.map(({ value }) => ({
    value,
    label: t(`sync.schedule.every${value}`),
  }));
  return (
    <div className="grid grid-cols-2 gap-3">
      <Field
        label={t('sync.url')}
        className="col-span-2"
        placeholder={urlExample}
        value={fields.url}
        onChange={set.setUrl}
        error={error?.fields.url}
      />
      <Field
        label={t('sync.username')}
        value={fields.username}
        onChange={set.setUsername}
        autoComplete="off"
      />
      <Field
        label={t('sync.password')}
        type="password"
        value={fields.password}
        onChange={set.setPassword}
        placeholder={kept(saved?.hasPassword)}
        autoComplete="off"
      />
      <Field label={t('sync.folder')} value={fields.folder} onChange={set.setFolder} />
      <SelectField
        label={t('sync.scheduleLabel')}
        value={fields.schedule}
        options={schedules}
        onChange={set.setSchedule}
      />
      <Field
        label={t('sync.passphrase')}
        className="col-span-2"
        type="password"
        value={fields.passphrase}
        onChange={set.setPassphrase}
        placeholder={kept(saved?.hasPassphrase)}
        error={error?.fields.passphrase}
        hint={t('sync.passphraseHint')}
        autoComplete="off"
      />
    </div>
  );
}

/** Settings › Data › Sync: the WebDAV server, the passphrase, the schedule, and its status. */
export function SyncSection() {
  const { t } = useTranslation('settings');
  const status = useDataStore((s) => s.sync);
  const error = useDataStore((s) => s.syncError);
  const syncing = useDataStore((s) => s.syncing);
  const { syncNow, removeSync } = useDataStore.getState();
  const form = useSyncForm();
  return (
    <section aria-labelledby="sync-heading" className="flex flex-col gap-3">
      <h4 id="sync-heading" className="font-medium text-zinc-700 dark:text-zinc-300">
        {t('sync.title')}
      </h4>
      <p className="text-xs text-zinc-500">{t('sync.intro')}</p>
      <SyncFields form={form} />
      {error && !Object.keys(error.fields).length && (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error.message}
        </p>
      )}
      <div className="flex items-center gap-2">
        <button type="button" className={buttonClass} onClick={() => void form.save()}>
          {t('sync.save')}
        </button>
        <button
          type="button"
          className={buttonClass}
          disabled={!form.saved || syncing}
          onClick={() => void syncNow()}
        >
          {syncing ? t('sync.syncing') : t('sync.now')}
        </button>
        {form.saved && (
          <button type="button" className={buttonClass} onClick={() => void removeSync()}>
            {t('sync.stop')}
          </button>
        )}
      </div>
      {status && <SyncStatusLine status={status} />}
    </section>
  );
}
