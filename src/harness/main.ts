/**
 * `npm run harness -- [--port P] [--data-dir DIR] [--config-dir DIR] [--logs-dir DIR]`: the real
 * core in Node, the built renderer served on 127.0.0.1, window.api over a token-guarded loopback
 * socket. Prints the URL when ready. Preferences go to --config-dir (default: the data dir, as
 * Electron's userData holds both); the crash log to --logs-dir/main.log (default: DATA/logs); keys
 * to the OS keychain under SWITCHBOARD_KEYCHAIN_SERVICE (default "Switchboard").
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { build } from 'vite';
import { createCoreHost } from '../main/core/coreHost';
import { openConfPreferences } from '../main/core/preferences/confPreferences';
import { keychainServiceFrom } from '../main/core/secrets/KeyStore';
import { createKeytarKeyStore } from '../main/core/secrets/keytarKeyStore';
import { KnownSecrets } from '../main/core/secrets/KnownSecrets';
import { closeWithin, quitLogLine } from '../main/quitGuard';
import { openHarnessCrashLog } from './crashLog';
import { startHarnessServer } from './server';

const projectRoot = resolve(import.meta.dirname, '../..');
const rendererDir = join(projectRoot, 'out/renderer');
const bridgeDir = join(projectRoot, 'out/harness');

/** True when `file` is missing or older than any source under `dirs` (skips a rebuild per start). */
function isStale(file: string, dirs: string[]): boolean {
  if (!existsSync(file)) return true;
  const built = statSync(file).mtimeMs;
  return dirs.some((dir) =>
    readdirSync(join(projectRoot, dir), { recursive: true, withFileTypes: true }).some(
      (entry) => entry.isFile() && statSync(join(entry.parentPath, entry.name)).mtimeMs > built,
    ),
  );
}

function usage(message: string): never {
  console.error(
    `${message}\nusage: npm run harness -- [--port P] [--data-dir DIR] [--config-dir DIR] [--logs-dir DIR]`,
  );
  process.exit(2);
}

interface HarnessArgs {
  port: number;
  dataDir?: string;
  configDir?: string;
  logsDir?: string;
}

/** The command line, or a usage message and exit 2. */
function parseHarnessArgs(): HarnessArgs {
  let values: { port?: string; 'data-dir'?: string; 'config-dir'?: string; 'logs-dir'?: string };
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        'config-dir': { type: 'string' },
        'logs-dir': { type: 'string' },
      },
    }));
  } catch (error) {
    usage(error instanceof Error ? error.message : String(error));
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    usage(`--port must be 0-65535, got ${values.port}`);
  return {
    port,
    dataDir: values['data-dir'],
    configDir: values['config-dir'],
    logsDir: values['logs-dir'],
  };
}

/** The built renderer (built once if missing) and the bridge script (rebuilt when stale). */
async function ensureBuilt(): Promise<void> {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.error('No built renderer in out/renderer: building it once (npm run build)…');
    execFileSync('npx', ['electron-vite', 'build'], {
      cwd: projectRoot,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  }
  if (isStale(join(bridgeDir, 'bridge.js'), ['src/harness', 'src/preload', 'src/shared']))
    await build({
      configFile: false,
      logLevel: 'warn',
      build: {
        lib: {
          entry: join(projectRoot, 'src/harness/bridge.ts'),
          formats: ['es'],
          fileName: () => 'bridge.js',
        },
        outDir: bridgeDir,
        emptyOutDir: true,
        copyPublicDir: false,
        minify: false,
      },
    });
}

async function main(): Promise<void> {
  const args = parseHarnessArgs();
  const port = args.port;
  const dataDir = args.dataDir
    ? resolve(args.dataDir)
    : mkdtempSync(join(tmpdir(), 'switchboard-'));
  mkdirSync(dataDir, { recursive: true });
  // Before anything else can fail: the crash log, redacting every line.
  const knownSecrets = new KnownSecrets();
  const crashLog = openHarnessCrashLog(
    args.logsDir ? resolve(args.logsDir) : join(dataDir, 'logs'),
    knownSecrets,
  );

  await ensureBuilt();

  const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
    version: string;
  };
  const server = await startHarnessServer({
    port,
    rendererDir,
    bridgeFile: join(bridgeDir, 'bridge.js'),
    onInternalError: (channel, error) => crashLog.error(`[ipc] ${channel} failed:`, error),
    onRequestFault: (line) => crashLog.warn(line),
  });
  const configDir = args.configDir ? resolve(args.configDir) : dataDir;
  const preferences = openConfPreferences(configDir);
  // A host, not a bare core: restoring a backup reopens the history here as in the app.
  const core = createCoreHost({
    dataDir,
    preferences: preferences.store,
    keyStore: createKeytarKeyStore({ service: keychainServiceFrom(process.env) }),
    startupNotices: preferences.notice ? [preferences.notice] : [],
    env: process.env,
    appInfo: {
      name: 'Switchboard',
      version: pkg.version,
      platform: process.platform,
      shell: 'harness',
    },
    emit: server.emit,
    // No browser of its own: a tool server's sign-in URL is printed (and linked in Settings).
    openUrl: (url) => console.log(`Sign in to a tool server: ${url}`),
    knownSecrets,
    log: crashLog,
  });
  server.attach(core.handlers);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // As the app's quit does: bounded, and its outcome in the crash log.
    const outcome = await closeWithin(() => core.close(), 10_000);
    const { level, line } = quitLogLine(outcome);
    crashLog[level](line);
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  crashLog.info(`[harness] started ${pkg.version} on ${process.platform}`);
  console.log(`Switchboard harness ready (data: ${dataDir}, log: ${crashLog.path})`);
  console.log(`Open ${server.url}`);
}

void main().catch((error: unknown) => {
  console.error('The harness could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
