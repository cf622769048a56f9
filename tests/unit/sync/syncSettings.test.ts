import { describe, expect, it } from 'vitest';
import { invokeChannels } from '../../../src/shared/ipc';

const schema = invokeChannels.saveSyncSettings.request;
const valid = {
  url: 'https://dav.example/remote.php/dav/files/me/',
  username: 'me',
  intervalMinutes: 60,
};

describe('sync settings as main takes them', () => {
  it('takes an http(s) address, a schedule and optional secrets, with the folder defaulted', () => {
    expect(schema.parse(valid)).toEqual({ ...valid, folder: 'Switchboard' });
    expect(schema.parse({ ...valid, password: 'pw', passphrase: 'eight chars' }).passphrase).toBe(
      'eight chars',
    );
  });

  it('refuses what could not work, saying where', () => {
    const refused = (input: object) =>
      schema.safeParse(input).error?.issues.map((issue) => issue.path.join('.'));
    expect(refused({ ...valid, url: 'ftp://dav.example' })).toEqual(['url']);
    expect(refused({ ...valid, passphrase: 'short' })).toEqual(['passphrase']);
    expect(refused({ ...valid, intervalMinutes: -5 })).toEqual(['intervalMinutes']);
    // Nothing unknown rides along (a key, a stray field).
    expect(refused({ ...valid, apiKey: 'sk-123' })).toEqual(['']);
  });
});
