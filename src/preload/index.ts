import { contextBridge, ipcRenderer } from 'electron';
import { createApi } from './createApi';

// Only the contract's named methods are exposed; ipcRenderer itself never reaches the page.
const api = createApi({
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
  on: (channel, listener) => {
    const wrapped = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => ipcRenderer.removeListener(channel, wrapped);
  },
});

contextBridge.exposeInMainWorld('api', api);
