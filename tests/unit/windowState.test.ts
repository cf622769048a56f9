import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventEmitter } from 'node:events';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  defaultWindowState,
  fitToDisplays,
  minWindowSize,
  parseWindowState,
  serializeWindowState,
  type Rect,
  type WindowState,
} from '../../src/main/windowState';
import {
  loadWindowState,
  saveWindowState,
  trackWindowState,
  type TrackedWindow,
} from '../../src/main/windowStateStore';

const laptop: Rect = { x: 0, y: 25, width: 1440, height: 875 };
const external: Rect = { x: 1440, y: 0, width: 2560, height: 1415 };

describe('parseWindowState', () => {
  it('reads what was saved', () => {
    const saved: WindowState = { x: 100, y: 80, width: 1000, height: 700, maximized: true };
    expect(parseWindowState(serializeWindowState(saved))).toEqual(saved);
  });

  it.each([
    ['no file', null],
    ['an empty file', ''],
    ['half a JSON document', '{"x": 10, "y": 2'],
    ['not an object', '[1,2,3]'],
    ['strings for numbers', '{"width": "800", "height": "600"}'],
    ['NaN-like values', '{"width": 1e400, "height": 600}'],
    ['a negative size', '{"width": -5, "height": 600}'],
    ['fractions', '{"width": 800.5, "height": 600}'],
    ['absurd coordinates', '{"x": 1e9, "y": 0, "width": 800, "height": 600}'],
    ['binary garbage', '\u0000\u0001\uffff'],
  ])('falls back to the defaults for %s', (_label, text) => {
    expect(parseWindowState(text)).toEqual(defaultWindowState);
  });

  it('drops a position with only one coordinate', () => {
    expect(parseWindowState('{"x": 5, "width": 900, "height": 700}')).toEqual({
      width: 900,
      height: 700,
      maximized: false,
    });
  });

  it('never throws and always gives a usable size, whatever the file holds', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => {
          const state = parseWindowState(text);
          expect(Number.isInteger(state.width) && state.width > 0).toBe(true);
          expect(Number.isInteger(state.height) && state.height > 0).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('fitToDisplays', () => {
  it('keeps a window that is on screen where it was', () => {
    const state = { x: 1600, y: 100, width: 1200, height: 800, maximized: false };
    expect(fitToDisplays(state, [laptop, external])).toEqual(state);
  });

  it('lets the OS place a window whose monitor was unplugged', () => {
    const state = { x: 1600, y: 100, width: 1200, height: 800, maximized: false };
    expect(fitToDisplays(state, [laptop])).toEqual({ width: 1200, height: 800, maximized: false });
  });

  it('pulls back a window dragged almost off screen', () => {
    const fitted = fitToDisplays({ x: -1150, y: 300, width: 1200, height: 800, maximized: false }, [
      laptop,
    ]);
    expect(fitted.x).toBe(0);
    expect(fitted.y).toBe(laptop.y + laptop.height - 800);
  });

  it('shrinks a window larger than its display', () => {
    const fitted = fitToDisplays({ x: 0, y: 25, width: 3000, height: 2000, maximized: false }, [
      laptop,
    ]);
    expect(fitted).toMatchObject({ x: 0, y: 25, width: laptop.width, height: laptop.height });
  });

  it('works with no display information at all', () => {
    expect(fitToDisplays(defaultWindowState, [])).toEqual(defaultWindowState);
  });

  it('always ends fully inside one display, at least the minimum size where it fits', () => {
    const rect = fc.record({
      x: fc.integer({ min: -5000, max: 5000 }),
      y: fc.integer({ min: -5000, max: 5000 }),
      width: fc.integer({ min: 300, max: 5000 }),
      height: fc.integer({ min: 300, max: 3000 }),
    });
    fc.assert(
      fc.property(
        rect,
        fc.array(rect, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (saved, areas, maximized) => {
          const fitted = fitToDisplays({ ...saved, maximized }, areas);
          if (fitted.x === undefined || fitted.y === undefined) return;
          const home = areas.find(
            (a) =>
              fitted.x! >= a.x &&
              fitted.y! >= a.y &&
              fitted.x! + fitted.width <= a.x + a.width &&
              fitted.y! + fitted.height <= a.y + a.height,
          );
          expect(home).toBeDefined();
          expect(fitted.width).toBeGreaterThanOrEqual(Math.min(minWindowSize.width, home!.width));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('window state file', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'switchboard-window-'));

  it('round-trips through the file and leaves no temporary file behind', () => {
    const folder = dir();
    const file = join(folder, 'window-state.json');
    const state = { x: 10, y: 40, width: 900, height: 650, maximized: false };
    expect(saveWindowState(file, state)).toBe(true);
    expect(loadWindowState(file, [laptop])).toEqual(state);
    expect(readdirSync(folder)).toEqual(['window-state.json']);
  });

  it('opens with the defaults when the file is corrupt', () => {
    const file = join(dir(), 'window-state.json');
    writeFileSync(file, '{"width": 900, "height": ');
    expect(loadWindowState(file, [laptop])).toEqual(defaultWindowState);
  });

  it('reports a failed save instead of throwing', () => {
    const onError = vi.fn();
    const blocker = join(dir(), 'not-a-dir');
    writeFileSync(blocker, 'x');
    expect(saveWindowState(join(blocker, 'window-state.json'), defaultWindowState, onError)).toBe(
      false,
    );
    expect(onError).toHaveBeenCalledOnce();
  });
});

describe('trackWindowState', () => {
  afterEach(() => vi.useRealTimers());

  function fakeWindow() {
    const events = new EventEmitter();
    let bounds: Rect = { x: 50, y: 60, width: 1000, height: 700 };
    let maximized = false;
    const window: TrackedWindow & { set(b: Rect, m: boolean): void; emit(e: string): void } = {
      on: (event, listener) => events.on(event, listener),
      getNormalBounds: () => bounds,
      isMaximized: () => maximized,
      isDestroyed: () => false,
      set(b, m) {
        bounds = b;
        maximized = m;
      },
      emit: (event) => events.emit(event),
    };
    return window;
  }

  it('saves once after a burst of moves, and at once on close', () => {
    vi.useFakeTimers();
    const file = join(mkdtempSync(join(tmpdir(), 'switchboard-window-')), 'window-state.json');
    const window = fakeWindow();
    trackWindowState(window, file, { debounceMs: 200 });
    for (let i = 0; i < 20; i++) {
      window.set({ x: 50 + i, y: 60, width: 1000, height: 700 }, false);
      window.emit('move');
    }
    expect(() => readFileSync(file)).toThrow();
    vi.advanceTimersByTime(250);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ x: 69, maximized: false });
    window.set({ x: 5, y: 6, width: 800, height: 600 }, true);
    window.emit('close');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      x: 5,
      y: 6,
      width: 800,
      height: 600,
      maximized: true,
    });
  });
});
