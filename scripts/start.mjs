// `npm start`: builds, then runs the Electron app where its binary is installed; where it is not
// (machines that cannot download it), says so in one line and starts the browser harness instead.
// Both native modules are N-API, so the build the tests load is the one Electron loads.
import { spawn, spawnSync } from 'node:child_process';
import { installedElectronPath } from './electron-binary.mjs';

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const electron = installedElectronPath();
const child = electron
  ? spawn(electron, ['.', ...process.argv.slice(2)], { stdio: 'inherit' })
  : (console.log(
      'Electron binary not installed: starting the browser harness instead (open the URL it prints).',
    ),
    spawn('npx', ['tsx', 'src/harness/main.ts', ...process.argv.slice(2)], { stdio: 'inherit' }));

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
