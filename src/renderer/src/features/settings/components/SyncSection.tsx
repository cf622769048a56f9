import type { SyncStatus } from '../../../../../shared/sync';
import { syncSchedules, useSyncForm } from '../hooks/useSyncForm';
import { useDataStore } from '../store/dataStore';
import { formatTime } from './BackupsSection';
import { Field, SelectField } from './Field';

const buttonClass =
  'rounded-md border border-zinc-300 px-2.5 py-1 text-sm hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800';

function SyncStatusLine({ status }: { status: SyncStatus }) {
  const { lastSync, lastError } = status;
  return (
    <div className="flex flex-col gap-1 text-xs" aria-live="polite">
      {lastSync && (
        <p className="text-zinc-600 dark:text-zinc-400">
          Last sync {formatTime(lastSync.at)}: {lastSync.uploaded} sent, {lastSync.downloaded}{' '}
          received
          {lastSync.conflicts > 0 &&
            `, ${lastSync.conflicts} changed on both machines (the other version kept as a copy)`}
          {lastSync.deletedHere + lastSync.deletedThere > 0 &&
            `, ${lastSync.deletedHere + lastSync.deletedThere} deleted`}
          .
        </p>
      )}
      {!lastSync && !lastError && <p className="text-zinc-500">Not synced yet.</p>}
      {lastError && (
        <p role="alert" className="text-red-600 dark:text-red-400">
          Sync failed {formatTime(lastError.at)}: {lastError.message}
        </p>
      )}
    </div>
  );
}

const kept = (has: boolean | undefined) => (has ? 'Kept in the keychain; type to replace' : '');

function SyncFields({ form }: { form: ReturnType<typeof useSyncForm> }) {
  const error = useDataStore((s) => s.syncError);
  const { fields, set, saved } = form;
  return (
    <div className="grid grid-cols-2 gap-3">
      <Field
        label="WebDAV address"
        className="col-span-2"
        placeholder="https://cloud.example.com/remote.php/dav/files/me/"
        value={fields.url}
        onChange={set.setUrl}
        error={error?.fields.url}
      />
      <Field
        label="User name"
        value={fields.username}
        onChange={set.setUsername}
        autoComplete="off"
      />
      <Field
        label="Password"
        type="password"
        value={fields.password}
        onChange={set.setPassword}
        placeholder={kept(saved?.hasPassword)}
        autoComplete="off"
      />
      <Field label="Folder on the server" value={fields.folder} onChange={set.setFolder} />
      <SelectField
        label="Sync"
        value={fields.schedule}
        options={syncSchedules}
        onChange={set.setSchedule}
      />
      <Field
        label="Encryption passphrase"
        className="col-span-2"
        type="password"
        value={fields.passphrase}
        onChange={set.setPassphrase}
        placeholder={kept(saved?.hasPassphrase)}
        error={error?.fields.passphrase}
        hint="The same on every machine. It never leaves this one: without it nobody can read the data on the server, and Switchboard cannot recover it."
        autoComplete="off"
      />
    </div>
  );
}

/** Settings › Data › Sync: the WebDAV server, the passphrase, the schedule, and its status. */
export function SyncSection() {
  const status = useDataStore((s) => s.sync);
  const error = useDataStore((s) => s.syncError);
  const syncing = useDataStore((s) => s.syncing);
  const { syncNow, removeSync } = useDataStore.getState();
  const form = useSyncForm();
  return (
    <section aria-labelledby="sync-heading" className="flex flex-col gap-3">
      <h4 id="sync-heading" className="font-medium text-zinc-700 dark:text-zinc-300">
        Sync through WebDAV
      </h4>
      <p className="text-xs text-zinc-500">
        Your history follows you to your other machines through your own WebDAV server (Nextcloud,
        ownCloud, Synology, Nutstore…). Everything is encrypted here with your passphrase before it
        is sent: the server sees no conversation, no title, no key.
      </p>
      <SyncFields form={form} />
      {error && !Object.keys(error.fields).length && (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error.message}
        </p>
      )}
      <div className="flex items-center gap-2">
        <button type="button" className={buttonClass} onClick={() => void form.save()}>
          Save sync settings
        </button>
        <button
          type="button"
          className={buttonClass}
          disabled={!form.saved || syncing}
          onClick={() => void syncNow()}
        >
          {syncing ? 'Syncing…' : 'Sync now'}
        </button>
        {form.saved && (
          <button type="button" className={buttonClass} onClick={() => void removeSync()}>
            Stop syncing
          </button>
        )}
      </div>
      {status && <SyncStatusLine status={status} />}
    </section>
  );
}
