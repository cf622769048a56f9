import type { KeyStore } from '../../src/main/core/secrets/KeyStore';
import { test } from './fixtures';

/**
 * Inside a test: skips it, with the reason printed, when no Secret Service answers, except in CI,
 * where a missing keychain is a broken setup and the test must fail instead.
 */
export async function requireKeychain(keychain: KeyStore, label: string): Promise<void> {
  const reason = await keychain.accounts().then(
    () => null,
    (e: Error) => e.message,
  );
  const skip = reason !== null && !process.env.CI;
  if (skip)
    console.log(
      `[e2e ${label}] skipped: needs a Secret Service (run inside scripts/with-keyring.sh): ${reason}`,
    );
  test.skip(skip, `needs a Secret Service (run inside scripts/with-keyring.sh): ${reason}`);
}
