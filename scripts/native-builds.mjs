// better-sqlite3 is not N-API: one build serves Node (tests, harness, CLI) or Electron, not both.
// node_modules keeps the Node build; Electron builds live in node_modules/.cache and are swapped
// in only for as long as Electron runs (`npm start`) or packaging runs (`npm run dist`), then the
// Node build is put back, even on Ctrl+C. keytar is N-API and needs none of this.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..');

/**
 * The build switch for one project folder (the real one below; tests use a temporary copy).
 * `rebuild` builds better-sqlite3 for Electron in place (@electron/rebuild by default).
 */
export function createNativeBuilds(projectRoot, options = {}) {
  const activeBinary = join(
    projectRoot,
    'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
  );
  const cacheDir = join(projectRoot, 'node_modules/.cache/switchboard-native');
  const nodeKey = `node-abi${process.versions.modules}-${process.platform}-${process.arch}`;
  const electronKey = (version, arch) => `electron-${version}-${process.platform}-${arch}`;
  const cached = (key) => join(cacheDir, key, 'better_sqlite3.node');
  const electronVersion = () =>
    JSON.parse(readFileSync(join(projectRoot, 'node_modules/electron/package.json'), 'utf8'))
      .version;
  const rebuild =
    options.rebuild ??
    (async (version, arch) => {
      const electronRebuild = await import('@electron/rebuild');
      await electronRebuild.rebuild({
        buildPath: projectRoot,
        electronVersion: version,
        arch,
        onlyModules: ['better-sqlite3'],
        force: true,
      });
    });

  /**
   * Remembers the active binary as the Node build, unless it is one of the cached Electron
   * builds (left in place by a run that was killed outright): then the Node build goes back.
   */
  function saveNodeBuild() {
    if (!existsSync(activeBinary)) {
      throw new Error(
        'node_modules/better-sqlite3 has no build: run `npm rebuild better-sqlite3`.',
      );
    }
    const active = readFileSync(activeBinary);
    const electronBuilds = existsSync(cacheDir)
      ? readdirSync(cacheDir).filter(
          (key) => key.startsWith('electron-') && existsSync(cached(key)),
        )
      : [];
    if (electronBuilds.some((key) => readFileSync(cached(key)).equals(active))) {
      if (!existsSync(cached(nodeKey))) {
        throw new Error(
          'better-sqlite3 holds an Electron build: run `npm rebuild better-sqlite3`.',
        );
      }
      copy(cached(nodeKey), activeBinary);
      return;
    }
    copy(activeBinary, cached(nodeKey));
  }

  const restoreNodeBuild = () => copy(cached(nodeKey), activeBinary);

  /**
   * Runs `work` (which may replace the active better-sqlite3 binary) and then puts the Node
   * build back, whether `work` succeeds or fails. A signal during `work` restores it first.
   */
  async function keepingNodeBuild(work) {
    saveNodeBuild();
    const onSignal = (signal) => {
      restoreNodeBuild();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      return await work();
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      restoreNodeBuild();
    }
  }

  /** The Electron build, made once per Electron version and arch, then cached. */
  async function electronBuild(arch = process.arch) {
    const version = electronVersion();
    const target = cached(electronKey(version, arch));
    if (existsSync(target)) return target;
    console.log(
      `Building better-sqlite3 for Electron ${version} (${arch}) once; it is cached after.`,
    );
    await keepingNodeBuild(async () => {
      await rebuild(version, arch);
      copy(activeBinary, target);
    });
    return target;
  }

  /** Puts the Electron build in place; returns the function that restores the Node build. */
  async function activateElectronBuild() {
    const build = await electronBuild();
    saveNodeBuild();
    copy(build, activeBinary);
    return restoreNodeBuild;
  }

  return { activeBinary, keepingNodeBuild, electronBuild, activateElectronBuild };
}

function copy(from, to) {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
}

const project = createNativeBuilds(root);
export const keepingNodeBuild = project.keepingNodeBuild;
export const activateElectronBuild = project.activateElectronBuild;
