/**
 * The main window's saved size and position as plain data and pure checks, so tests can hold
 * them to account without Electron. src/main/windowStateStore.ts reads, writes and applies them.
 */
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Absent: let the OS place the window (centred on the primary display). */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const minWindowSize = { width: 640, height: 480 } as const;
export const defaultWindowState: WindowState = { width: 1200, height: 800, maximized: false };

// Coordinates far beyond any real desktop are as broken as garbage: treat them as corrupt.
const coordinate = z.number().int().min(-100_000).max(100_000);
const size = z.number().int().min(1).max(100_000);
const savedState = z.object({
  x: coordinate.optional(),
  y: coordinate.optional(),
  width: size,
  height: size,
  maximized: z.boolean().default(false),
});

/**
 * Reads what windowStateStore saved. Anything unreadable (missing file, bad JSON, wrong types,
 * a half-written file) gives the defaults: a broken preference must never stop the app opening.
 */
export function parseWindowState(text: string | null | undefined): WindowState {
  if (!text) return { ...defaultWindowState };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ...defaultWindowState };
  }
  const parsed = savedState.safeParse(json);
  if (!parsed.success) return { ...defaultWindowState };
  const { x, y, width, height, maximized } = parsed.data;
  // A position needs both coordinates; one alone is meaningless.
  const position = x !== undefined && y !== undefined ? { x, y } : {};
  return { ...position, width, height, maximized };
}

export function serializeWindowState(state: WindowState): string {
  return JSON.stringify(state, null, 2);
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high));
}

/**
 * Fits a saved state to the displays attached now (their work areas, primary first). A window
 * partly off-screen is pulled fully onto the display that shows most of it; one saved on a
 * monitor that is gone is centred by the OS; one larger than its display shrinks to fit.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0];
  if (!primary) return { ...state };
  const fitSize = (area: Rect) => ({
    width: clamp(state.width, Math.min(minWindowSize.width, area.width), area.width),
    height: clamp(state.height, Math.min(minWindowSize.height, area.height), area.height),
  });
  if (state.x === undefined || state.y === undefined) {
    return { ...fitSize(primary), maximized: state.maximized };
  }
  const rect: Rect = { x: state.x, y: state.y, width: state.width, height: state.height };
  const home = workAreas
    .map((area) => ({ area, seen: overlap(rect, area) }))
    .filter(({ seen }) => seen.width > 0 && seen.height > 0)
    .sort((a, b) => b.seen.width * b.seen.height - a.seen.width * a.seen.height)[0]?.area;
  if (!home) {
    // Nothing of it is on any display (its monitor is gone): let the OS centre it.
    return { ...fitSize(primary), maximized: state.maximized };
  }
  const fitted = fitSize(home);
  return {
    x: clamp(state.x, home.x, home.x + home.width - fitted.width),
    y: clamp(state.y, home.y, home.y + home.height - fitted.height),
    ...fitted,
    maximized: state.maximized,
  };
}
