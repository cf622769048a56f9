import { create } from 'zustand';
import type { StorageStatus } from '../../../../../shared/storage';
import { api } from '../../../lib/api';

interface StorageState {
  /** Writable until main says otherwise (at load, or when a fault turns up mid-session). */
  status: StorageStatus;
}

export const useStorageStore = create<StorageState>(() => ({ status: { writable: true } }));

/** Fetches whether the history can be written and follows changes; call once. */
export function subscribeToStorage(): () => void {
  void api.getStorageStatus({}).then((result) => {
    if (result.ok) useStorageStore.setState({ status: result.value });
  });
  return api.on('storageStatus', (status) => useStorageStore.setState({ status }));
}
