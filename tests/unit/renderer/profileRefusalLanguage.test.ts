/**
 * A profile save that main refuses at a field (a taken name, a bad URL) reads in the person's
 * language (issue 19): ProfileService gives each issue its code, the form places it translated.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openConfPreferences } from '../../../src/main/core/preferences/confPreferences';
import {
  ProfileService,
  ProfileValidationError,
} from '../../../src/main/core/profiles/ProfileService';
import { placeErrors } from '../../../src/renderer/src/features/settings/components/profileForm';
import { setUiLanguage } from '../../../src/renderer/src/lib/i18n';
import type { ProfileInput } from '../../../src/shared/profiles';

const draft = (name: string, baseUrl: string): ProfileInput =>
  ({
    name,
    type: 'openai-compatible',
    baseUrl,
    headers: [],
    authMethod: 'apiKey',
  }) as ProfileInput;

function refusal(service: ProfileService, input: ProfileInput) {
  try {
    service.prepare(input);
  } catch (error) {
    if (error instanceof ProfileValidationError)
      return { code: 'invalid_request' as const, message: error.message, issues: error.issues };
  }
  throw new Error('the save was not refused');
}

describe('a refused profile field', () => {
  afterEach(() => setUiLanguage('en'));

  it('shows a taken name and a bad URL in German and Chinese, English where it was English', () => {
    const service = new ProfileService(
      openConfPreferences(mkdtempSync(join(tmpdir(), 'sb-pf-'))).store,
    );
    service.commit(service.prepare(draft('Work', 'http://127.0.0.1:1/v1')));
    const taken = refusal(service, draft('work', 'http://127.0.0.1:2/v1'));
    const badUrl = refusal(service, draft('Home', 'not a url'));

    expect(placeErrors(taken).errors.name).toBe('A profile named "Work" already exists.');
    setUiLanguage('de');
    expect(placeErrors(taken).errors.name).toBe('Ein Profil namens „Work“ gibt es schon.');
    expect(placeErrors(badUrl).errors.baseUrl).toContain('vollständige URL');
    setUiLanguage('zh-CN');
    expect(placeErrors(taken).errors.name).toBe('已有名为“Work”的配置。');
  });
});
