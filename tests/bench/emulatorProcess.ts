import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/** The provider emulator run in a process of its own, as a real server is. */
export interface EmulatorProcess {
  /** OpenAI-style base URL (`…/v1`). */
  url: string;
  origin: string;
  close(): Promise<void>;
}

/**
 * Starts tests/emulator/main.ts in its own Node process: a server that shares our event loop
 * would have its work and ours add up on one thread, so a pipeline that overlaps them could not
 * show it, and no real server runs inside the client.
 */
export async function startEmulatorProcess(): Promise<EmulatorProcess> {
  const child = spawn(
    process.execPath,
    [join(root, 'node_modules/tsx/dist/cli.mjs'), 'tests/emulator/main.ts', '--port', '0'],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`emulator did not start: ${out}`)), 60_000);
    child.once('exit', (code) => reject(new Error(`emulator exited (${code}): ${out}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /ready at (\S+)/.exec(out);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolveUrl(match[1]);
    });
  });
  const close = () =>
    new Promise<void>((resolveClosed) => {
      if (child.exitCode !== null) return resolveClosed();
      child.once('exit', () => resolveClosed());
      child.kill('SIGTERM');
    });
  return { url, origin: new URL(url).origin, close };
}
