/**
 * The better-sqlite3 build switch (scripts/native-builds.mjs) on a throwaway project folder: the
 * Node build the tests use is always back in place after `npm start` or `npm run dist`.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createNativeBuilds } from '../../scripts/native-builds.mjs';

function project() {
  const root = mkdtempSync(join(tmpdir(), 'switchboard-native-'));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('node_modules/electron/package.json', JSON.stringify({ version: '40.1.0' }));
  write('node_modules/better-sqlite3/build/Release/better_sqlite3.node', 'node build');
  // Stands in for @electron/rebuild: builds "in place", as the real one does.
  const rebuild = vi.fn(async () =>
    write('node_modules/better-sqlite3/build/Release/better_sqlite3.node', 'electron build'),
  );
  const builds = createNativeBuilds(root, { rebuild });
  const active = () => readFileSync(builds.activeBinary, 'utf8');
  return { builds, rebuild, active, write };
}

describe('native build switch', () => {
  it('puts the Node build back after packaging, even when packaging fails', async () => {
    const { builds, active, write } = project();
    await builds.keepingNodeBuild(async () =>
      write('node_modules/better-sqlite3/build/Release/better_sqlite3.node', 'electron build'),
    );
    expect(active()).toBe('node build');
    await expect(
      builds.keepingNodeBuild(async () => {
        write('node_modules/better-sqlite3/build/Release/better_sqlite3.node', 'half a build');
        throw new Error('no network');
      }),
    ).rejects.toThrow('no network');
    expect(active()).toBe('node build');
  });

  it('builds for Electron once, swaps it in for the run, and restores the Node build', async () => {
    const { builds, rebuild, active } = project();
    const restore = await builds.activateElectronBuild();
    expect(active()).toBe('electron build');
    restore();
    expect(active()).toBe('node build');
    await builds.activateElectronBuild().then((again) => again());
    expect(rebuild).toHaveBeenCalledOnce();
    expect(active()).toBe('node build');
  });

  it('recovers the Node build when a killed run left the Electron build in place', async () => {
    const { builds, active } = project();
    await builds.activateElectronBuild(); // …and never restored: the run was killed.
    expect(active()).toBe('electron build');
    await builds.keepingNodeBuild(async () => undefined);
    expect(active()).toBe('node build');
  });

  it('says what to do when there is no build at all', async () => {
    const root = mkdtempSync(join(tmpdir(), 'switchboard-native-'));
    await expect(createNativeBuilds(root).keepingNodeBuild(async () => undefined)).rejects.toThrow(
      /npm rebuild better-sqlite3/,
    );
  });
});
