// better-sqlite3 is not N-API: one build serves Node (tests, harness, CLI) or Electron, not both.
// node_modules keeps the Node build; Electron builds live in node_modules/.cache and are swapped
// in only for as long as Electron runs (`npm start`) or packaging runs (`npm run dist`), then the
// Node build is put back, even on Ctrl+C. keytar is N-API and needs none of this.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..');
const moduleDir = join(root, 'node_modules/better-sqlite3');
export const activeBinary = join(moduleDir, 'build/Release/better_sqlite3.node');
const cacheDir = join(root, 'node_modules/.cache/switchboard-native');

export function electronVersion() {
  return JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
}

const nodeKey = `node-abi${process.versions.modules}-${process.platform}-${process.arch}`;
const electronKey = (version, arch) => `electron-${version}-${process.platform}-${arch}`;
const cached = (key) => join(cacheDir, key, 'better_sqlite3.node');

function copy(from, to) {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
}

/**
 * Remembers the active binary as the Node build, unless it is one of the cached Electron builds
 * (left in place by a run that was killed outright): then the remembered Node build goes back.
 */
function saveNodeBuild() {
  const active = readFileSync(activeBinary);
  const electronBuilds = existsSync(cacheDir)
    ? readdirSync(cacheDir).filter((key) => key.startsWith('electron-') && existsSync(cached(key)))
    : [];
  if (electronBuilds.some((key) => readFileSync(cached(key)).equals(active))) {
    if (!existsSync(cached(nodeKey)))
      throw new Error('better-sqlite3 holds an Electron build: run `npm rebuild better-sqlite3`.');
    copy(cached(nodeKey), activeBinary);
    return;
  }
  copy(activeBinary, cached(nodeKey));
}

/**
 * Runs `work` (which may replace the active better-sqlite3 binary) and then puts the Node build
 * back. A signal during `work` restores it before exiting.
 */
export async function keepingNodeBuild(work) {
  if (!existsSync(activeBinary)) {
    throw new Error(
      'node_modules/better-sqlite3 has no build: run `npm rebuild better-sqlite3` first.',
    );
  }
  saveNodeBuild();
  const restore = () => copy(cached(nodeKey), activeBinary);
  const onSignal = (signal) => {
    restore();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await work();
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    restore();
  }
}

/** The Electron build of better-sqlite3, built once per Electron version and arch, then cached. */
export async function electronBuild(arch = process.arch) {
  const version = electronVersion();
  const target = cached(electronKey(version, arch));
  if (existsSync(target)) return target;
  console.log(
    `Building better-sqlite3 for Electron ${version} (${arch}) once; it is cached after.`,
  );
  const { rebuild } = await import('@electron/rebuild');
  await keepingNodeBuild(async () => {
    await rebuild({
      buildPath: root,
      electronVersion: version,
      arch,
      onlyModules: ['better-sqlite3'],
      force: true,
    });
    copy(activeBinary, target);
  });
  return target;
}

/** Puts the Electron build in place; returns the function that restores the Node build. */
export async function activateElectronBuild() {
  const build = await electronBuild();
  saveNodeBuild();
  copy(build, activeBinary);
  return () => copy(cached(nodeKey), activeBinary);
}
