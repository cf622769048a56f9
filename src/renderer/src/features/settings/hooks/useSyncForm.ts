import { useState } from 'react';
import { useDataStore } from '../store/dataStore';

// The schedules in minutes (0 = by hand); their words are settings' sync.schedule.every<minutes>.
export const syncSchedules = [
  { value: '0' },
  { value: '15' },
  { value: '60' },
  { value: '360' },
  { value: '1440' },
] as const;
export type SyncSchedule = (typeof syncSchedules)[number]['value'];

/**
 * The sync form's fields, started from main's saved settings. The password and passphrase fields
 * start empty (main never sends them) and are sent only when typed; after a save they clear.
 */
export function useSyncForm() {
  const saved = useDataStore((s) => s.sync?.settings);
  const saveSync = useDataStore((s) => s.saveSync);
  const [url, setUrl] = useState(saved?.url ?? '');
  const [username, setUsername] = useState(saved?.username ?? '');
  const [folder, setFolder] = useState(saved?.folder ?? 'Switchboard');
  const [password, setPassword] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [schedule, setSchedule] = useState<SyncSchedule>(
    syncSchedules.find((s) => s.value === String(saved?.intervalMinutes))?.value ?? '60',
  );
  const save = async () => {
    const done = await saveSync({
      ...{ url, username, folder, intervalMinutes: Number(schedule) },
      ...(password ? { password } : {}),
      ...(passphrase ? { passphrase } : {}),
    });
    if (done) {
      setPassword('');
      setPassphrase('');
    }
  };
  return {
    saved,
    fields: { url, username, folder, password, passphrase, schedule },
    set: { setUrl, setUsername, setFolder, setPassword, setPassphrase, setSchedule },
    save,
  };
}
