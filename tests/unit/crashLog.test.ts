import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import log from 'electron-log/node';
import { describe, expect, it } from 'vitest';
import { configureCrashLog } from '../../src/main/core/logging/configureCrashLog';
import { redactLogText } from '../../src/main/core/logging/redactLogData';
import { KnownSecrets } from '../../src/main/core/secrets/KnownSecrets';
import { createMemoryKeyStore } from '../../src/main/core/secrets/memoryKeyStore';
import { SecretVault } from '../../src/main/core/secrets/SecretVault';
import { SecretScanner } from '../support/secretScan';

/** Shaped like no provider's key (an Azure key is 32 hex digits): only the registry can catch it. */
const vaultKey = randomBytes(20).toString('hex');
/** Shaped like an OpenAI key and never registered: only the key-shape pattern can catch it. */
const unknownKey = `sk-proj-${randomBytes(18).toString('hex')}`;

/** What the OpenAI SDK throws on a 401: status, headers and the provider's body echoing the key. */
class FakeAuthenticationError extends Error {
  readonly status = 401;
  readonly headers = { 'x-request-id': 'req_visible_123', authorization: `Bearer ${vaultKey}` };
  readonly error = {
    message: `Incorrect API key provided: ${unknownKey}.`,
    code: 'invalid_api_key',
  };
  constructor(message: string, options: ErrorOptions) {
    super(message, options);
    this.name = 'FakeAuthenticationError';
  }
}

function hostileError(): Error {
  const cause = new Error(`keychain entry was ${vaultKey}`, {
    cause: { body: `{"error":"bad key ${unknownKey}"}`, apiKey: vaultKey },
  });
  const error = new FakeAuthenticationError(`401 Incorrect API key provided: ${vaultKey}`, {
    cause,
  });
  error.stack += `\n    at call (https://api.example/v1?key=${vaultKey})`;
  return error;
}

function tempLogFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'switchboard-crashlog-')), 'logs', 'main.log');
}

/** A fresh electron-log/node logger (its real file transport), quiet on the test's console. */
function nodeLogger(file: string) {
  const logger = log.create({ logId: `test-${randomBytes(6).toString('hex')}` });
  logger.transports.console.level = false;
  logger.transports.file.resolvePathFn = () => file;
  return logger;
}

describe('crash log redaction (electron-log/node, a real file)', () => {
  it('writes a thrown error with its message, stack, cause and SDK body, and no key in any of them', async () => {
    const known = new KnownSecrets();
    // The registry is fed the way the app feeds it: by a key going through the vault.
    const vault = new SecretVault(createMemoryKeyStore(), undefined, known);
    await vault.set('azure', vaultKey, 'keychain');

    const file = tempLogFile();
    const logger = nodeLogger(file);
    const crashLog = configureCrashLog(logger, { known, file });
    logger.transports.console.level = false;
    crashLog.error('[ipc] sendMessage failed:', hostileError());
    // The uncaught-error path: electron-log's error handler logs through the same hooks.
    logger.errorHandler.handle(hostileError(), { showDialog: false });

    expect(crashLog.path).toBe(file);
    const written = readFileSync(file, 'utf8');
    // What a bug report needs is there: the error, where it came from, its status and request id.
    expect(written).toContain('[ipc] sendMessage failed:');
    // Twice: once logged by main, once through the error handler.
    expect(written.match(/FakeAuthenticationError: 401 Incorrect API key provided/g)).toHaveLength(
      2,
    );
    expect(written).toContain('status: 401');
    expect(written).toContain('req_visible_123');
    expect(written).toContain('[cause]');
    expect(written).toContain('[redacted]');
    const scanner = new SecretScanner([vaultKey, unknownKey]);
    scanner.scan(file, readFileSync(file));
    expect(scanner.leaks).toEqual([]);
  });

  it('control: the same error through the same transport without the hook does leave the key, and the scan sees it', () => {
    const file = tempLogFile();
    const logger = nodeLogger(file);
    logger.error('[ipc] sendMessage failed:', hostileError());
    const scanner = new SecretScanner([vaultKey, unknownKey]);
    scanner.scan(file, readFileSync(file));
    expect(scanner.leaks.map((leak) => leak.where)).toEqual([file]);
  });

  it('rotates the file once it passes its size cap', () => {
    const file = tempLogFile();
    const logger = nodeLogger(file);
    configureCrashLog(logger, { known: new KnownSecrets(), file });
    logger.transports.console.level = false;
    logger.transports.file.maxSize = 4096;
    for (let i = 0; i < 100; i++) logger.info(`line ${i} ${'x'.repeat(100)}`);
    expect(readFileSync(file, 'utf8').length).toBeLessThanOrEqual(4096 + 200);
    expect(readFileSync(file.replace(/main\.log$/, 'main.old.log'), 'utf8')).toContain('line ');
  });
});

describe('redactLogText', () => {
  it('strikes out labelled credentials and bearer tokens that are not shaped like a key', () => {
    const jwt = `eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJjb2duaXRpdmUifQ.${randomBytes(16).toString('hex')}`;
    const text = redactLogText(
      `headers: { authorization: 'Bearer ${jwt}', "x-api-key": "abc123secretvalue", api_key=zzzsecret99 } and token ${jwt}`,
      [],
    );
    expect(text).not.toContain('eyJ');
    expect(text).not.toContain('abc123secretvalue');
    expect(text).not.toContain('zzzsecret99');
    expect(text).toContain('authorization');
  });

  it('leaves ordinary words and rate-limit figures alone', () => {
    const text = 'x-ratelimit-remaining-tokens: 29999000; the model answered in 12 ms';
    expect(redactLogText(text, ['short'])).toBe(text);
  });
});
