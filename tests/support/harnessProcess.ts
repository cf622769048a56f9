import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

export interface HarnessProcess {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  output: () => string;
  /** Ends it as the person would (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
  /** Ends it the hard way (SIGKILL), as a crash would. */
  kill(): Promise<void>;
}

/** Starts `npm run harness` as a real child process and waits for the URL it prints. */
export async function startHarnessProcess(
  options: {
    env?: NodeJS.ProcessEnv;
    dataDir?: string;
    /** More harness flags (--config-dir …). */
    args?: string[];
    /** A command that runs the harness (e.g. setpriv, to drop root's permission bypass); it must exec, not fork. */
    wrapper?: string[];
  } = {},
): Promise<HarnessProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'switchboard-e2e-'));
  // One process (tsx as a loader, not its CLI, which would run the harness in a grandchild):
  // kill() must hit the harness itself, as a crash would, and leave no orphan behind.
  const [command, ...prefix] = [...(options.wrapper ?? []), process.execPath];
  const harnessArgs = [
    '--import',
    'tsx',
    'src/harness/main.ts',
    '--data-dir',
    dataDir,
    ...(options.args ?? []),
  ];
  const child = spawn(command ?? process.execPath, [...prefix, ...harnessArgs], {
    cwd: root,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`harness did not start in 60 s:\n${output}`)),
      60_000,
    );
    const check = () => {
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolvePromise(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`harness exited with ${code}:\n${output}`));
    });
  });
  const parsed = new URL(url);
  const exited = (signal: NodeJS.Signals) => endProcess(child, signal);
  return {
    url,
    origin: parsed.origin,
    token: new URLSearchParams(parsed.hash.slice(1)).get('token') ?? '',
    dataDir,
    output: () => output,
    stop: () => exited('SIGTERM'),
    kill: () => exited('SIGKILL'),
  };
}

function endProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolvePromise();
    });
    child.kill(signal);
  });
}
