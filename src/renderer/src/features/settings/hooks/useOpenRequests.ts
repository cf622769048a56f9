import { useEffect, useRef } from 'react';
import { useSettingsRequest, type SettingsTarget } from '../store/settingsRequest';

/** Calls `open` with each request to open Settings somewhere, then marks it taken. */
export function useOpenRequests(open: (target: SettingsTarget) => void): void {
  const target = useSettingsRequest((s) => s.target);
  const taken = useSettingsRequest((s) => s.taken);
  // The latest handler, without re-running the effect when the dialog's state changes.
  const handler = useRef(open);
  useEffect(() => {
    handler.current = open;
  });
  useEffect(() => {
    if (!target) return;
    taken();
    handler.current(target);
  }, [target, taken]);
}
