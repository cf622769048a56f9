/**
 * `keys set PROFILE` (key from stdin, no echo on a terminal), `keys list` (name, provider, hint:
 * never a key), `keys remove PROFILE`. Same preferences file and keychain entries as the app.
 */
import { appConfigDir } from '../main/core/preferences/appConfigDir';
import { openConfPreferences } from '../main/core/preferences/confPreferences';
import { ProfileService } from '../main/core/profiles/ProfileService';
import { envKeyFor } from '../main/core/profiles/profileDefaults';
import { keychainServiceFrom, KeyStoreUnavailableError } from '../main/core/secrets/KeyStore';
import { createKeytarKeyStore } from '../main/core/secrets/keytarKeyStore';
import { keyAccount, SecretVault } from '../main/core/secrets/SecretVault';
import { secretHint } from '../shared/profiles';

export interface CliIo {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

const USAGE =
  'usage: keys set PROFILE   (the key is read from stdin)\n       keys list [--json]\n       keys remove PROFILE';

export async function runKeys(args: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  const opened = openConfPreferences(appConfigDir(io.env));
  if (opened.notice) io.stderr.write(`${opened.notice}\n`);
  const profiles = new ProfileService(opened.store, (message) => io.stderr.write(`${message}\n`));
  const vault = new SecretVault(createKeytarKeyStore({ service: keychainServiceFrom(io.env) }));
  const named = (name: string | undefined) => {
    if (!name) return null;
    const profile = profiles.find(name);
    if (!profile)
      io.stderr.write(
        `No profile "${name}". Profiles: ${profiles
          .list()
          .map((p) => p.name)
          .join(', ')}\n`,
      );
    return profile ?? null;
  };
  try {
    switch (command) {
      case 'list':
        return await listKeys(profiles, vault, io, rest.includes('--json'));
      case 'set': {
        const profile = named(rest[0]);
        if (!profile) return rest[0] ? 1 : usage(io);
        const key = await readSecret(io, `API key for ${profile.name}: `);
        if (!key) {
          io.stderr.write('No key given; nothing stored.\n');
          return 1;
        }
        await vault.set(keyAccount(profile.id), key, 'keychain');
        io.stdout.write(
          `Stored the key for ${profile.name} (…${secretHint(key) ?? ''}) in the keychain.\n`,
        );
        return 0;
      }
      case 'remove': {
        const profile = named(rest[0]);
        if (!profile) return rest[0] ? 1 : usage(io);
        await vault.remove(keyAccount(profile.id));
        io.stdout.write(`Removed the key for ${profile.name}.\n`);
        return 0;
      }
      default:
        return usage(io);
    }
  } catch (error) {
    if (error instanceof KeyStoreUnavailableError) {
      io.stderr.write(
        `${error.message}\nThe CLI can still use keys from the environment (OPENAI_API_KEY, …).\n`,
      );
      return 1;
    }
    throw error;
  }
}

/** Each profile with where its key comes from and a hint of it: never the key. */
async function listKeys(
  profiles: ProfileService,
  vault: SecretVault,
  io: CliIo,
  json: boolean,
): Promise<number> {
  const rows = [];
  for (const profile of profiles.list()) {
    const stored = await vault.get(keyAccount(profile.id));
    const fromEnv = stored ? null : envKeyFor(profile, io.env);
    const key = stored?.secret ?? fromEnv?.key ?? null;
    rows.push({
      name: profile.name,
      provider: profile.type,
      hasKey: key !== null,
      hint: secretHint(key),
      source: stored ? 'keychain' : fromEnv ? `env ${fromEnv.name}` : null,
    });
  }
  const status = await vault.status();
  if (json) {
    io.stdout.write(`${JSON.stringify({ keychain: status, profiles: rows }, null, 2)}\n`);
    return 0;
  }
  if (!status.available) io.stderr.write(`${status.message}\n`);
  io.stdout.write(
    formatTable(
      rows.map((r) => [
        r.name,
        r.provider,
        r.hasKey ? `…${r.hint ?? '(short)'}` : '—',
        r.source ?? '',
      ]),
    ),
  );
  return 0;
}

function usage(io: CliIo): number {
  io.stderr.write(`${USAGE}\n`);
  return 2;
}

/** From a pipe: all of stdin, trimmed. On a terminal: typed without echo, ended by Enter. */
async function readSecret(io: CliIo, prompt: string): Promise<string> {
  const { stdin } = io;
  if (!stdin.isTTY) {
    let text = '';
    stdin.setEncoding('utf8');
    for await (const chunk of stdin) text += String(chunk);
    return text.trim();
  }
  io.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (value: string | null) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      io.stderr.write('\n');
      if (value === null) reject(new Error('Cancelled.'));
      else resolve(value.trim());
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return done(typed);
        if (char === '\u0003') return done(null); // Ctrl+C
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    stdin.on('data', onData);
  });
}

function formatTable(rows: string[][]): string {
  const all = [['NAME', 'PROVIDER', 'KEY', 'SOURCE'], ...rows];
  const widths = all[0]!.map((_, i) => Math.max(...all.map((row) => (row[i] ?? '').length)));
  return (
    all
      .map((row) =>
        row
          .map((cell, i) => cell.padEnd(widths[i] ?? 0))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}
