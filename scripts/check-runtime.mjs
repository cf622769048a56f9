// Runs after `npm install` and first in `npm test`: says which Node runs the project and fails
// early, with the fix, when it is not the major that Electron embeds or a native module does not
// load in it. Node 24 comes from the `node` devDependency (node_modules/.bin/node), which npm puts
// first on PATH for every script, so a machine whose own Node is older still runs on 24.
// better-sqlite3 (13+) and keytar are both N-API: the same binaries load in Node 24 and Electron.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const REQUIRED_MAJOR = 24;
const root = resolve(import.meta.dirname, '..');

console.log(`Node ${process.version} (${process.execPath})`);
const major = Number(process.versions.node.split('.')[0]);
if (major < REQUIRED_MAJOR) {
  console.error(
    `Switchboard runs on Node ${REQUIRED_MAJOR}, the major Electron embeds; this is ${process.version}. ` +
      'Run it through npm (`npm start`, `npm test`), which uses node_modules/.bin/node, ' +
      'or run `npm install` again if that is missing.',
  );
  process.exit(1);
}

/** Every installed package whose `engines.node` this Node does not meet (npm only warns). */
function enginesNotMet() {
  const semver = createRequire(import.meta.url)('semver');
  const misses = [];
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      if (name.startsWith('@')) {
        walk(path);
        continue;
      }
      const manifest = join(path, 'package.json');
      if (existsSync(manifest)) {
        const { name: pkg, version, engines } = JSON.parse(readFileSync(manifest, 'utf8'));
        const range = engines?.node;
        if (typeof range === 'string' && !semver.satisfies(process.versions.node, range))
          misses.push(`${pkg}@${version} needs node ${range}`);
      }
      walk(join(path, 'node_modules'));
    }
  };
  walk(join(root, 'node_modules'));
  return misses;
}

const misses = enginesNotMet();
if (misses.length > 0) {
  console.error(
    `Installed packages that Node ${process.version} does not fit:\n  ${misses.join('\n  ')}`,
  );
  process.exit(1);
}

// In a child, so that a module built for another ABI (which can crash the process) cannot hit us.
const probe = spawnSync(
  process.execPath,
  [
    '-e',
    "new (require('better-sqlite3'))(':memory:').prepare('select 1').get(); require('keytar');",
  ],
  { cwd: root, encoding: 'utf8' },
);
if (probe.status !== 0) {
  console.error(
    `A native module does not load in Node ${process.version} ` +
      `(${probe.signal ?? `exit ${probe.status}`}):\n${probe.stderr.split('\n').slice(0, 6).join('\n')}\n` +
      'Run `npm rebuild better-sqlite3 keytar` (keytar needs libsecret-1-dev on Linux).',
  );
  process.exit(1);
}
