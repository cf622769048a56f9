import { describe, expect, it, vi } from 'vitest';
import { createEntraTokenSource } from '../../src/main/core/secrets/entraTokenSource';

describe('Entra ID token source', () => {
  it('reuses a token until 5 minutes before it expires, then refreshes once for concurrent callers', async () => {
    let now = 1_000_000;
    let issued = 0;
    const getToken = vi.fn(async () => {
      issued += 1;
      return { token: `tok-${issued}`, expiresOnTimestamp: now + 60 * 60_000 };
    });
    const source = createEntraTokenSource(
      async () => ({ getToken }),
      () => now,
    );
    expect(await source.token()).toBe('tok-1');
    now += 50 * 60_000; // 10 minutes left: still good
    expect(await source.token()).toBe('tok-1');
    now += 6 * 60_000; // 4 minutes left: refresh
    const [a, b] = await Promise.all([source.token(), source.token()]);
    expect([a, b]).toEqual(['tok-2', 'tok-2']);
    expect(getToken).toHaveBeenCalledTimes(2);
    expect(getToken).toHaveBeenCalledWith('https://cognitiveservices.azure.com/.default');
  });

  it('reports a failed sign-in and tries again on the next call', async () => {
    const getToken = vi
      .fn()
      .mockRejectedValueOnce(new Error('Please run az login'))
      .mockResolvedValue({ token: 't', expiresOnTimestamp: Date.now() + 3_600_000 });
    const source = createEntraTokenSource(async () => ({ getToken }));
    await expect(source.token()).rejects.toThrow('az login');
    expect(await source.token()).toBe('t');
  });
});
