import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveCliTarget } from '../../src/cli/profileTarget';

describe('resolveCliTarget', () => {
  it('prefers the environment key and still resolves without a reachable keychain', async () => {
    const env = {
      SWITCHBOARD_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'sb-cli-target-')),
      SWITCHBOARD_KEYCHAIN_SERVICE: 'Switchboard-unit-none',
      // Unreachable on purpose: the CLI must not depend on a keychain.
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus',
      OPENAI_API_KEY: 'sk-env-key-123456789',
      OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
    };
    const saved = process.env.DBUS_SESSION_BUS_ADDRESS;
    process.env.DBUS_SESSION_BUS_ADDRESS = env.DBUS_SESSION_BUS_ADDRESS;
    try {
      const target = await resolveCliTarget('openai', env);
      expect(target).toMatchObject({
        apiKey: 'sk-env-key-123456789',
        profile: { baseUrl: 'http://127.0.0.1:9/v1' },
      });
      // A profile without the key it needs is a clear error, not a call that the server refuses.
      await expect(resolveCliTarget('anthropic', env)).rejects.toThrow(
        'No API key for this profile ("anthropic"): nothing was sent.',
      );
      await expect(resolveCliTarget('nope', env)).rejects.toThrow(
        'No profile "nope". Profiles: openai, anthropic, azure',
      );
    } finally {
      if (saved === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
      else process.env.DBUS_SESSION_BUS_ADDRESS = saved;
    }
  });
});
