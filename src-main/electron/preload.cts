// The only bridge between the page and main: one narrow object, `window.frontier`. Runs sandboxed.
import electron = require('electron');

const { contextBridge, ipcRenderer } = electron;

contextBridge.exposeInMainWorld('frontier', {
  call: (method: string, request: unknown): Promise<unknown> => ipcRenderer.invoke('frontier:call', method, request),
  on: (event: string, callback: (payload: unknown) => void): (() => void) => {
    const listener = (_e: unknown, name: string, payload: unknown) => {
      if (name === event) callback(payload);
    };
    ipcRenderer.on('frontier:event', listener);
    return () => ipcRenderer.removeListener('frontier:event', listener);
  },
  saveFile: (name: string, bytes: Uint8Array): Promise<{ saved: boolean; path?: string }> =>
    ipcRenderer.invoke('frontier:save-file', name, bytes),
});
