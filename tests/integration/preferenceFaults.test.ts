/**
 * Preference files that cannot be used must not stop the app: the real harness process starts
 * with default profiles in memory and a notice that says why, and leaves the file as it was.
 */
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppNotice } from '../../src/shared/profiles';
import { connectToHarness } from '../support/harnessClient';
import { startHarnessProcess, type HarnessProcess } from '../support/harnessProcess';
import { dropRootBypass } from '../support/withoutRootBypass';

interface StartedWithDefaults {
  notices: string[];
  profileIds: string[];
  /** A profile change is taken (in memory) and answered, not refused. */
  savedDefault: boolean;
}

async function startAndLook(configDir: string): Promise<StartedWithDefaults> {
  let harness: HarnessProcess | null = null;
  try {
    harness = await startHarnessProcess({
      args: ['--config-dir', configDir],
      wrapper: dropRootBypass,
    });
    const client = await connectToHarness(harness);
    try {
      const notices = await client.call<AppNotice[]>('getNotices');
      const profiles = await client.call<{ profiles: { id: string }[] }>('listProfiles');
      const saved = await client.call('setDefaultProfile', { id: 'anthropic' });
      return {
        notices: (notices.value ?? []).map((n) => n.message),
        profileIds: (profiles.value?.profiles ?? []).map((p) => p.id),
        savedDefault: saved.ok,
      };
    } finally {
      client.close();
    }
  } finally {
    await harness?.stop();
  }
}

describe('a preferences file that cannot be used', () => {
  it('corrupt, in a read-only config folder: starts on defaults in memory, says it could not move the file aside', async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'switchboard-prefs-readonly-'));
    const file = join(configDir, 'config.json');
    writeFileSync(file, '{"profiles": [ {"id": "mine", "na');
    chmodSync(configDir, 0o555);
    try {
      const seen = await startAndLook(configDir);
      expect(seen.profileIds).toEqual(expect.arrayContaining(['openai', 'anthropic', 'azure']));
      expect(seen.savedDefault).toBe(true);
      expect(seen.notices).toContainEqual(
        expect.stringMatching(
          /preferences file .*config\.json could not be read \(it is not valid JSON\), and it could not be moved aside either \(no permission.*EACCES\).*default profiles, kept in memory only.*make the folder .* writable/,
        ),
      );
    } finally {
      chmodSync(configDir, 0o755);
    }
    // Neither moved, nor overwritten by the session's changes.
    expect(readFileSync(file, 'utf8')).toBe('{"profiles": [ {"id": "mine", "na');
    expect(readdirSync(configDir)).toEqual(['config.json']);
  }, 90_000);

  it('a folder where config.json should be: starts on defaults in memory and names the fault', async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'switchboard-prefs-isdir-'));
    mkdirSync(join(configDir, 'config.json'));
    const seen = await startAndLook(configDir);
    expect(seen.profileIds).toEqual(expect.arrayContaining(['openai', 'anthropic', 'azure']));
    expect(seen.savedDefault).toBe(true);
    expect(seen.notices).toContainEqual(
      expect.stringMatching(
        /preferences file .*config\.json could not be opened \(it is a folder, not a file \(EISDIR\)\).*kept in memory only/,
      ),
    );
    expect(statSync(join(configDir, 'config.json')).isDirectory()).toBe(true);
  }, 90_000);
});
