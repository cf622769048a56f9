// Where Electron's binary is installed, without installing it. Since Electron 45, requiring the
// `electron` package downloads a missing binary on the spot; machines that cannot reach that
// download (ELECTRON_SKIP_BINARY_DOWNLOAD) must only look, so this reads the package's own
// record of the binary (path.txt) and checks the file is there.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const electronDir = resolve(import.meta.dirname, '../node_modules/electron');

/** The installed binary's path, or null when there is none. */
export function installedElectronPath() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(
    process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(electronDir, 'dist'),
    readFileSync(pathFile, 'utf8').trim(),
  );
  return existsSync(binary) ? binary : null;
}
