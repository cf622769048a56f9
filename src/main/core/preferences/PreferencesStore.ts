/**
 * The port for preferences (profiles, default profile, first-run state). electron-store backs it
 * in the desktop app, `conf` (which electron-store is built on) in the harness, the CLI and tests.
 * No secret is ever written here.
 */
export interface PreferencesStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  /** The file behind it, for messages and tests. */
  readonly path: string;
}

/** A store in memory, for unit tests. */
export function createMemoryPreferences(initial: Record<string, unknown> = {}): PreferencesStore {
  const values = new Map(Object.entries(initial));
  return {
    get: (key) => values.get(key),
    set: (key, value) => void values.set(key, value),
    path: ':memory:',
  };
}
