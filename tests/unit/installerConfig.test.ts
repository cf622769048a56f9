/**
 * The installer configuration (electron-builder.yml), checked where installers cannot be built:
 * electron-builder's own loader and schema, the targets and architectures, the icons, native
 * modules outside the asar archive, and nothing but the built app shipped.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
// electron-builder's own modules, so the checks use its loader, schema and glob semantics.
const builderRequire = createRequire(require.resolve('app-builder-lib'));
const { getConfig, validateConfiguration } = builderRequire(
  'app-builder-lib/out/util/config/config',
) as {
  getConfig(dir: string, path: null, options: null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
};
const { DebugLogger } = builderRequire('builder-util') as {
  DebugLogger: new (enabled: boolean) => unknown;
};
const { minimatch } = builderRequire('minimatch') as {
  minimatch(path: string, pattern: string, options?: { dot?: boolean }): boolean;
};

interface Target {
  target: string;
  arch: string[];
}
interface BuilderConfig {
  appId?: string;
  productName?: string;
  files?: { filter: string[] }[];
  asarUnpack?: string[];
  npmRebuild?: boolean;
  mac?: { icon?: string; target?: Target[] };
  win?: { icon?: string; target?: Target[] };
  linux?: { icon?: string; target?: Target[] };
  deb?: { depends?: string[] };
  publish?: { provider: string };
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
let config: BuilderConfig;

beforeAll(async () => {
  config = await getConfig(root, null, null);
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const data = readFileSync(file);
  expect(data.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

const targets = (platform: { target?: Target[] } | undefined) =>
  Object.fromEntries((platform?.target ?? []).map((t) => [t.target, [...t.arch].sort()]));

describe('installer configuration', () => {
  it("passes electron-builder's own schema", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app', () => {
    expect(config.appId).toBe('app.switchboard.desktop');
    expect(config.productName).toBe('Switchboard');
  });

  it('builds dmg and zip for both Mac architectures, NSIS for Windows, AppImage and deb for Linux', () => {
    expect(targets(config.mac)).toEqual({ dmg: ['arm64', 'x64'], zip: ['arm64', 'x64'] });
    expect(targets(config.win)).toEqual({ nsis: ['x64'] });
    expect(targets(config.linux)).toEqual({ AppImage: ['x64'], deb: ['x64'] });
  });

  it('has real icons of the right sizes', () => {
    expect(pngSize(join(root, 'build/icon.png'))).toEqual({ width: 1024, height: 1024 });
    const linuxIcons = readdirSync(join(root, config.linux!.icon!));
    expect(linuxIcons).toEqual(
      expect.arrayContaining(['512x512.png', '256x256.png', '1024x1024.png']),
    );
    for (const name of linuxIcons) {
      const side = Number(/^(\d+)x\1\.png$/.exec(name)?.[1]);
      expect(pngSize(join(root, config.linux!.icon!, name))).toEqual({ width: side, height: side });
    }

    const icns = readFileSync(join(root, config.mac!.icon!));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const icnsTypes: string[] = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
      icnsTypes.push(icns.subarray(at, at + 4).toString('latin1'));
    }
    expect(icnsTypes).toEqual(expect.arrayContaining(['ic10', 'ic09'])); // 1024 and 512 px

    const ico = readFileSync(join(root, config.win!.icon!));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + i * 16] || 256);
    expect(sizes).toContain(256); // Windows needs a 256 px image for the installer and taskbar
  });

  it('keeps every native production module out of the asar archive', () => {
    const unpacked = (path: string) =>
      (config.asarUnpack ?? []).some((p) => minimatch(path, p, { dot: true }));
    const native = Object.keys(pkg.dependencies).filter((name) =>
      existsSync(join(root, 'node_modules', name, 'binding.gyp')),
    );
    expect(native).toEqual(expect.arrayContaining(['keytar', 'better-sqlite3']));
    for (const name of native) {
      expect(
        unpacked(`node_modules/${name}/build/Release/${name.replace('-', '_')}.node`),
        name,
      ).toBe(true);
      expect(unpacked(`node_modules/${name}/package.json`), name).toBe(true);
    }
    expect(config.npmRebuild).toBe(true);
    // keytar reaches the Secret Service through libsecret: the deb must pull it in.
    expect(config.deb?.depends).toContain('libsecret-1-0');
  });

  it('ships the built app and its manifest, never sources, tests or source maps', () => {
    const patterns = config.files!.flatMap((set) => set.filter);
    const shipped = (path: string) => {
      let included = false;
      for (const pattern of patterns) {
        if (pattern.startsWith('!')) {
          if (minimatch(path, pattern.slice(1), { dot: true })) included = false;
        } else if (minimatch(path, pattern, { dot: true })) included = true;
      }
      return included;
    };
    const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    expect(tracked.filter(shipped)).toEqual(['package.json']);
    expect(shipped(pkg.main)).toBe(true);
    expect(shipped('out/preload/index.cjs')).toBe(true);
    expect(shipped('out/renderer/index.html')).toBe(true);
    expect(shipped('out/main/index.js.map')).toBe(false);
    expect(shipped('out/harness/bridge.js')).toBe(false);
  });

  it('has what electron-updater and `npm run dist` need', () => {
    expect(config.publish?.provider).toBeTruthy();
    expect(pkg.dependencies['electron-updater']).toBeDefined();
    // electron-builder refuses to package with electron among the runtime dependencies.
    expect(pkg.devDependencies.electron).toBeDefined();
    expect(pkg.dependencies.electron).toBeUndefined();
    expect(pkg.scripts.dist).toContain('dist.mjs');
  });
});
