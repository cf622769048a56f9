import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createEntraTokenSource,
  deviceCodePrompt,
  type DeviceCodePrompt,
} from '../../src/main/core/secrets/entraTokenSource';
import { NoticeBoard } from '../../src/main/core/notices';
import { saidText, setUiLanguage } from '../../src/renderer/src/lib/i18n';

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

describe('the device-code sign-in prompt', () => {
  const info = {
    userCode: 'F7KQ2ZP9X',
    verificationUri: 'https://microsoft.com/devicelogin',
    message: 'To sign in, use a web browser to open the page https://microsoft.com/devicelogin …',
  };
  const now = Date.UTC(2026, 11, 3, 15, 17);
  afterEach(() => {
    setUiLanguage('en');
  });

  it('is our own sentence from the code, the address and the expiry, never the SDK’s message', () => {
    const prompt = deviceCodePrompt({ ...info, expiresIn: 900 }, now);
    expect(prompt.said).toEqual({
      code: 'entra.deviceCodeUntil',
      params: {
        url: 'https://microsoft.com/devicelogin',
        code: 'F7KQ2ZP9X',
        until: { amount: now + 900_000, unit: 'time' },
      },
    });
    expect(prompt.copy).toBe('F7KQ2ZP9X');
    expect(prompt.message).not.toContain('To sign in, use a web browser');
    const until = new Intl.DateTimeFormat('de', { timeStyle: 'short' }).format(now + 900_000);
    setUiLanguage('de');
    expect(saidText(prompt.said, prompt.message)).toBe(
      `Bei Microsoft Entra ID für Azure OpenAI anmelden: Öffnen Sie https://microsoft.com/devicelogin und geben Sie den Code F7KQ2ZP9X ein (gültig bis ${until}).`,
    );
    setUiLanguage('zh-CN');
    expect(saidText(prompt.said, prompt.message)).toContain('输入代码 F7KQ2ZP9X');
  });

  it('without an expiry (the SDK’s own type has none) says the rest', () => {
    const prompt = deviceCodePrompt(info, now);
    expect(prompt.said.code).toBe('entra.deviceCode');
    expect(prompt.message).toBe(
      'Sign in to Microsoft Entra ID for Azure OpenAI: open https://microsoft.com/devicelogin and enter the code F7KQ2ZP9X.',
    );
  });

  it('reaches the app’s notices with the code to copy', () => {
    const notices = new NoticeBoard();
    const onDeviceCode = (prompt: DeviceCodePrompt) => notices.post(prompt, 'info');
    onDeviceCode(deviceCodePrompt(info, now));
    expect(notices.list()[0]).toMatchObject({ level: 'info', copy: 'F7KQ2ZP9X' });
    expect(notices.list()[0]!.said?.code).toBe('entra.deviceCode');
  });
});
