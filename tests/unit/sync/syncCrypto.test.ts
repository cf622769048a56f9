import { describe, expect, it } from 'vitest';
import { deriveKey, newKdfParams, seal, unseal } from '../../../src/main/core/sync/syncCrypto';

describe('sync encryption (AES-256-GCM, scrypt key)', () => {
  it('opens with the same passphrase and salt, and with nothing else', async () => {
    const kdf = newKdfParams();
    const key = await deriveKey('a long passphrase', kdf);
    const sealed = seal(key, 'manifest', Buffer.from('hello there'));
    expect(sealed.includes(Buffer.from('hello'))).toBe(false);
    expect(unseal(await deriveKey('a long passphrase', kdf), 'manifest', sealed)?.toString()).toBe(
      'hello there',
    );
    expect(unseal(await deriveKey('a wrong passphrase', kdf), 'manifest', sealed)).toBeNull();
    const otherSalt = await deriveKey('a long passphrase', newKdfParams());
    expect(unseal(otherSalt, 'manifest', sealed)).toBeNull();
    // The role is authenticated: a file moved to another name does not open.
    expect(unseal(key, 'conversation', sealed)).toBeNull();
    const tampered = Buffer.from(sealed);
    tampered[20] = tampered[20]! ^ 1;
    expect(unseal(key, 'manifest', tampered)).toBeNull();
  });

  it('uses a fresh IV each time, so equal texts do not look equal', async () => {
    const key = await deriveKey('passphrase!', newKdfParams());
    expect(seal(key, 'x', Buffer.from('same')).equals(seal(key, 'x', Buffer.from('same')))).toBe(
      false,
    );
  });
});
