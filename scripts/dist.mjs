// `npm run dist [-- electron-builder flags]`: builds the app, then the installers with
// electron-builder (electron-builder.yml). electron-builder rebuilds better-sqlite3 for Electron
// inside node_modules; the Node build the tests use is put back afterwards (native-builds.mjs).
// Needs a machine that can download Electron and its headers.
import { spawnSync } from 'node:child_process';
import { keepingNodeBuild, root } from './native-builds.mjs';

const run = (command, args) =>
  spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status ?? 1;

const built = run('npx', ['electron-vite', 'build']);
if (built !== 0) process.exit(built);
const status = await keepingNodeBuild(async () =>
  run('npx', ['electron-builder', '--publish', 'never', ...process.argv.slice(2)]),
);
process.exit(status);
