/**
 * Keeps the main window's bounds in a small JSON file in userData. Electron-free (the window is
 * anything with the few BrowserWindow methods used), so tests drive it with a fake window.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  fitToDisplays,
  parseWindowState,
  serializeWindowState,
  type Rect,
  type WindowState,
} from './windowState';

export const windowStateFileName = 'window-state.json';

/** The part of BrowserWindow this module needs. */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isDestroyed(): boolean;
}

/** The saved state fitted to today's displays; defaults when the file is missing or corrupt. */
export function loadWindowState(file: string, workAreas: readonly Rect[]): WindowState {
  let text: string | null = null;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // First run, or the file went away: defaults.
  }
  return fitToDisplays(parseWindowState(text), workAreas);
}

/**
 * Writes through a temporary file and a rename, so a crash mid-write leaves the old file whole
 * rather than half a JSON document. Failure (read-only disk) is reported, never thrown.
 */
export function saveWindowState(
  file: string,
  state: WindowState,
  onError: (error: unknown) => void = () => {},
): boolean {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, serializeWindowState(state), 'utf8');
    renameSync(temporary, file);
    return true;
  } catch (error) {
    onError(error);
    return false;
  }
}

/** What the window's state is now; normal bounds, so a maximized window restores to its old size. */
export function captureWindowState(window: TrackedWindow): WindowState {
  const { x, y, width, height } = window.getNormalBounds();
  return { x, y, width, height, maximized: window.isMaximized() };
}

/**
 * Saves the window's state a moment after it stops moving (dragging fires many events) and once
 * more when it closes. Returns a function that saves at once (for quit).
 */
export function trackWindowState(
  window: TrackedWindow,
  file: string,
  options: { debounceMs?: number; onError?: (error: unknown) => void } = {},
): () => void {
  const debounceMs = options.debounceMs ?? 500;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const saveNow = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!window.isDestroyed()) saveWindowState(file, captureWindowState(window), options.onError);
  };
  const saveSoon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(saveNow, debounceMs);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const)
    window.on(event, saveSoon);
  window.on('close', saveNow);
  return saveNow;
}
