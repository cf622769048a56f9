// `npm start`: builds, then runs the Electron app where its binary is installed; where it is not
// (machines that cannot download it), says so in one line and starts the browser harness instead.
// With Electron, better-sqlite3's Electron build is swapped in for the run (native-builds.mjs).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { activateElectronBuild } from './native-builds.mjs';

const require = createRequire(import.meta.url);

function electronPath() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const electron = electronPath();
// Electron needs its own build of better-sqlite3; it is swapped in only while Electron runs.
let restoreNodeBuild = () => {};
if (electron) {
  try {
    restoreNodeBuild = await activateElectronBuild();
  } catch (error) {
    console.error(
      `Could not build better-sqlite3 for Electron: ${error instanceof Error ? error.message : error}`,
    );
    process.exit(1);
  }
}
const child = electron
  ? spawn(electron, ['.', ...process.argv.slice(2)], { stdio: 'inherit' })
  : (console.log(
      'Electron binary not installed: starting the browser harness instead (open the URL it prints).',
    ),
    spawn('npx', ['tsx', 'src/harness/main.ts', ...process.argv.slice(2)], { stdio: 'inherit' }));

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => {
  restoreNodeBuild();
  process.exit(code ?? 0);
});
