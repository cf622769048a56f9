// Whether the history can be written, as main reports it.
export { subscribeToStorage, useStorageStore } from './store/storageStore';
