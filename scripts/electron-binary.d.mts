/** The installed Electron binary's path, or null when there is none (never downloads it). */
export function installedElectronPath(): string | null;
