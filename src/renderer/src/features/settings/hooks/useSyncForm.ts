import { useState } from 'react';
import { useDataStore } from '../store/dataStore';

export const syncSchedules = [
  { value: '0', label: 'Only when I click Sync now' },
  { value: '15', label: 'Every 15 minutes' },
  { value: '60', label: 'Every hour' },
  { value: '360', label: 'Every 6 hours' },
  { value: '1440', label: 'Once a day' },
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
