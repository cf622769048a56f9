import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';

/**
 * End-to-end encryption of what goes to the server: AES-256-GCM with a key derived from the
 * person's passphrase by scrypt (node:crypto). The salt and the scrypt cost are stored beside the
 * data (they are not secret); the key and the passphrase never leave this machine.
 */
export interface KdfParams {
  name: 'scrypt';
  /** CPU/memory cost (a power of two), block size, parallelism. */
  N: number;
  r: number;
  p: number;
  /** Base64, 16 random bytes. */
  salt: string;
}

/** 2^15 × 8 × 128 B = 32 MB and about 100 ms here: costly to guess, quick enough per sync. */
export function newKdfParams(): KdfParams {
  return { name: 'scrypt', N: 1 << 15, r: 8, p: 1, salt: randomBytes(16).toString('base64') };
}

export function deriveKey(passphrase: string, params: KdfParams): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      passphrase.normalize('NFC'),
      Buffer.from(params.salt, 'base64'),
      32,
      { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

const MAGIC = Buffer.from('SBX1');
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * `SBX1 | iv (12) | ciphertext | tag (16)`. The file's role (its name on the server, e.g.
 * "manifest") is authenticated data, so a file moved to another name does not open.
 */
export function seal(key: Buffer, role: string, plaintext: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(role));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([MAGIC, iv, body, cipher.getAuthTag()]);
}

/** The plaintext, or null when the key is wrong or the bytes were changed (GCM says which not). */
export function unseal(key: Buffer, role: string, sealed: Buffer): Buffer | null {
  if (sealed.length < MAGIC.length + IV_BYTES + TAG_BYTES) return null;
  if (!sealed.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const iv = sealed.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  const body = sealed.subarray(MAGIC.length + IV_BYTES, sealed.length - TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(role));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    return null;
  }
}
