import { useEffect } from 'react';
import { useDataStore } from '../store/dataStore';
import { BackupsSection } from './BackupsSection';
import { SyncSection } from './SyncSection';

/** Settings › Data: backups of the history and sync to the person's own WebDAV server. */
export function DataPane() {
  const load = useDataStore((s) => s.load);
  const loaded = useDataStore((s) => s.sync !== null);
  useEffect(() => void load(), [load]);
  return (
    <div className="flex flex-col gap-6 pb-6 text-sm">
      <BackupsSection />
      {/* The form starts from main's saved settings, so it waits for them. */}
      {loaded && <SyncSection />}
    </div>
  );
}
