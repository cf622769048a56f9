/**
 * The details inside main's sentences (issue 19): sizes, decimals and counts travel as numbers
 * and are written by the renderer in the language in use, and an OS or keychain message is a
 * quoted detail inside one of our sentences, never the whole message.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AttachmentService } from '../../src/main/core/attachments/AttachmentService';
import { AttachmentStore } from '../../src/main/core/attachments/AttachmentStore';
import { geminiAnswerReader } from '../../src/main/core/providers/geminiEvents';
import type { AdapterEvent } from '../../src/main/core/providers/types';
import { responseTimeoutError } from '../../src/main/core/providers/responseTimeouts';
import { createKeytarKeyStore } from '../../src/main/core/secrets/keytarKeyStore';
import { SecretVault } from '../../src/main/core/secrets/SecretVault';
import { failureSpoken } from '../../src/main/core/tools/mcpFailure';
import { attachmentLimits } from '../../src/shared/attachments';
import { englishText, spoken, type Said } from '../../src/shared/said';
import { ipcErrorText, saidText, setUiLanguage } from '../../src/renderer/src/lib/i18n';
import type { IpcError } from '../../src/shared/result';
import { tempStore } from './store/helpers';

// Intl may put a no-break space before a unit: compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

afterEach(() => {
  setUiLanguage('en');
});

describe('numbers main measured, written in the language in use', () => {
  it('a timeout of 1.5 s reads "1,5 s" in German, "1.5 秒" in Chinese, main’s English unchanged', () => {
    const server = { label: 'OpenAI', profile: { type: 'openai' as const, name: 'OpenAI' } };
    const error = responseTimeoutError(
      server,
      'firstByte',
      { firstByteMs: 1500, idleMs: 1 },
      false,
    );
    expect(error.message).toContain('sent nothing for 1.5 s');
    setUiLanguage('de');
    expect(saidText(error.said, error.message)).toContain('1,5 s lang nichts gesendet');
    setUiLanguage('zh-CN');
    expect(saidText(error.said, error.message)).toContain('在 1.5 秒内');
  });

  it('an attachment too large names both sizes the German way', async () => {
    const { store, dir } = tempStore();
    const service = new AttachmentService(
      new AttachmentStore(() => store.db, join(dir, 'attachments')),
    );
    const tooBig = new Uint8Array(attachmentLimits.maxFileBytes + 1024 * 1024 * 1.5);
    const refused = (await service
      .attach('huge.bin', tooBig)
      .catch((e: unknown) => e)) as IpcError & Error;
    expect(refused.message).toBe('huge.bin is 21.5 MB; one attachment can be at most 20.0 MB.');
    setUiLanguage('de');
    expect(plain(ipcErrorText(refused))).toBe(
      'huge.bin ist 21,5 MB groß; ein Anhang darf höchstens 20 MB groß sein.',
    );
    store.close();
  });

  it('a count picks the plural form by its number and is written with the language’s grouping', () => {
    const words = spoken('notice.savedAfterAll', { count: 1234 });
    expect(words.message).toContain('1234 saves');
    setUiLanguage('de');
    expect(saidText(words.said, words.message)).toContain('1.234 Speichervorgänge');
    expect(saidText(words.said, words.message)).not.toContain('1234');
    const one = spoken('notice.savedAfterAll', { count: 1 });
    setUiLanguage('en');
    expect(saidText(one.said, one.message)).toContain('1 save that');
  });
});

describe('counts choose their words, never "(s)"', () => {
  it('one model or two, in English and German', () => {
    const one = spoken('probe.connectedModels', { status: 200, count: 1 });
    const two = spoken('probe.connectedModels', { status: 200, count: 2 });
    expect(one.message).toBe('Connected: HTTP 200, 1 model available.');
    expect(two.message).toBe('Connected: HTTP 200, 2 models available.');
    setUiLanguage('de');
    expect(saidText(one.said, one.message)).toBe('Verbunden: HTTP 200, 1 Modell verfügbar.');
    expect(saidText(two.said, two.message)).toBe('Verbunden: HTTP 200, 2 Modelle verfügbar.');
    const setAside = spoken('notice.profilesSetAside', { count: 1, key: 'profiles' });
    expect(saidText(setAside.said, setAside.message)).toMatch(/^1 gespeichertes Profil konnte /);
  });
});

describe('the OS’s own words, quoted inside ours', () => {
  it('a keychain that cannot be reached: our sentence, the D-Bus message quoted', async () => {
    const keytar = {
      getPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
      setPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
      deletePassword: () => Promise.resolve(false),
      findCredentials: () => Promise.resolve([]),
    };
    const vault = new SecretVault(createKeytarKeyStore({ service: 't', keytar }));
    const status = await vault.status();
    expect(status.message).toMatch(/^No keychain is reachable .*session only/);
    setUiLanguage('de');
    const german = saidText(status.said, status.message ?? '');
    expect(german).toMatch(/^Kein Schlüsselbund erreichbar \(/);
    expect(german).toContain('„Cannot autolaunch D-Bus without X11 $DISPLAY“');
    expect(german).toContain('nur für diese Sitzung');
  });

  it('each keychain failure’s English is its code’s English (written in two places, held here)', async () => {
    const failing = (error: Error) => ({
      getPassword: () => Promise.reject(error),
      setPassword: () => Promise.reject(error),
      deletePassword: () => Promise.reject(error),
      findCredentials: () => Promise.reject(error),
    });
    const hanging = {
      getPassword: () => new Promise<null>(() => undefined),
      setPassword: () => new Promise<void>(() => undefined),
      deletePassword: () => new Promise<boolean>(() => undefined),
      findCredentials: () => new Promise<never[]>(() => undefined),
    };
    const errors = await Promise.all([
      createKeytarKeyStore({ service: 't', keytar: failing(new Error('no D-Bus')) })
        .get('a')
        .catch((e: unknown) => e),
      createKeytarKeyStore({ service: 't', keytar: hanging, timeoutMs: 20 })
        .set('a', 'secret')
        .catch((e: unknown) => e),
    ]);
    for (const error of errors as (Error & { said?: Said })[]) {
      expect(error.said).toBeDefined();
      expect(englishText(error.said!)).toBe(error.message);
    }
    setUiLanguage('de');
    const [, timedOut] = errors as (Error & { said?: Said })[];
    expect(saidText(timedOut!.said, timedOut!.message)).toBe(
      'Der Schlüsselbund hat nicht innerhalb von 0 s geantwortet (Schreiben).',
    );
  });

  it('a tool server that failed in the OS’s words: they are quoted, not the whole message', () => {
    const error = Object.assign(new Error('spawn /bin/tool EACCES'), { code: 'EACCES' });
    const words = failureSpoken(error, 10_000);
    setUiLanguage('zh-CN');
    expect(saidText(words.said, words.message)).toBe('服务器或系统报告：“spawn /bin/tool EACCES”');
    setUiLanguage('de');
    expect(saidText(words.said, words.message)).toBe(
      'Der Server oder das System meldete: „spawn /bin/tool EACCES“',
    );
  });
});

describe('the last English sentences main formed itself', () => {
  it('Gemini’s refusal and cut answer say our part in the language, Gemini’s reason as it came', () => {
    const reader = geminiAnswerReader([], null);
    const out: AdapterEvent[] = [];
    reader.event(
      {
        event: null,
        data: JSON.stringify({
          promptFeedback: { blockReason: 'SAFETY', blockReasonMessage: 'Blocked by policy.' },
        }),
      },
      out,
    );
    const error = out.find((e) => e.type === 'error');
    expect(error?.type === 'error' && error.error.message).toBe(
      'Gemini refused the prompt (block reason SAFETY). Blocked by policy. Nothing was answered; rephrase the question or change the safety settings.',
    );
    setUiLanguage('de');
    const said = error?.type === 'error' ? error.error : undefined;
    expect(saidText(said?.said, said?.message ?? '')).toBe(
      'Gemini hat den Prompt abgelehnt (Sperrgrund SAFETY). Blocked by policy. Es wurde nichts beantwortet; formulieren Sie die Frage um oder ändern Sie die Sicherheitseinstellungen.',
    );
  });
});
