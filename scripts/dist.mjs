// `npm run dist [-- electron-builder flags]`: builds the app, then the installers with
// electron-builder (electron-builder.yml). Needs a machine that can download Electron and its
// headers.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const run = (command, args) =>
  spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status ?? 1;

const built = run('npx', ['electron-vite', 'build']);
if (built !== 0) process.exit(built);
process.exit(run('npx', ['electron-builder', '--publish', 'never', ...process.argv.slice(2)]));
