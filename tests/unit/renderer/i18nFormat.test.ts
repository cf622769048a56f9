import { afterEach, describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatNumber,
  formatRelative,
  formatUsd,
  i18n,
  setUiLanguage,
} from '../../../src/renderer/src/lib/i18n';
import { shortcutList } from '../../../src/renderer/src/features/settings/lib/shortcutList';
import { dateGroupOf } from '../../../src/renderer/src/features/sidebar/lib/dateGroups';
import {
  formatReset,
  formatTokens,
} from '../../../src/renderer/src/features/usage/lib/usageFormat';

// Intl may put a narrow no-break space before a currency sign or unit: compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatting in the chosen language', () => {
  afterEach(() => {
    setUiLanguage('en');
  });

  it('writes dollars, numbers and sizes the English, German and Chinese way', () => {
    setUiLanguage('en');
    expect(formatUsd(12.5)).toBe('$12.50');
    expect(formatUsd(0.00123)).toBe('$0.0012');
    expect(formatNumber(1234567)).toBe('1,234,567');
    setUiLanguage('de');
    expect(plain(formatUsd(12.5))).toBe('12,50 $');
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1,5 MB');
    expect(formatBytes(312)).toBe('312 B');
    expect(formatBytes(2.5 * 1024)).toBe('2,5 KB');
    setUiLanguage('zh-CN');
    expect(plain(formatUsd(12.5))).toMatch(/^US\$12\.50$|^\$12\.50$/);
    expect(formatTokens(12_000_000)).toBe('1200万');
  });

  it('says relative times and reset times in the language', () => {
    const now = Date.UTC(2026, 11, 3, 12);
    setUiLanguage('en');
    expect(formatRelative(30_000)).toBe('in 30 seconds');
    expect(formatReset(now + 5 * 60_000, now)).toBe('resets in 5 minutes');
    // A reset already past is "now", never "1 second ago".
    expect(formatReset(now - 1000, now)).toBe('resets now');
    setUiLanguage('de');
    expect(formatReset(now + 5 * 60_000, now)).toBe('wird in 5 Minuten zurückgesetzt');
    setUiLanguage('zh-CN');
    expect(formatReset(now + 5 * 60_000, now)).toBe('5分钟后重置');
  });

  it('names the sidebar groups in the language, months through Intl', () => {
    const now = new Date(2026, 2, 20, 15).getTime();
    setUiLanguage('de');
    expect(dateGroupOf(now - 1000, now)).toBe('Heute');
    expect(dateGroupOf(new Date(2026, 0, 5).getTime(), now)).toBe('Januar 2026');
    setUiLanguage('zh-CN');
    expect(dateGroupOf(now - 1000, now)).toBe('今天');
    expect(dateGroupOf(new Date(2026, 0, 5).getTime(), now)).toBe('2026年1月');
    setUiLanguage('en');
    expect(dateGroupOf(now - 1000, now)).toBe('Today');
    expect(i18n.t('usage:unpriced', { count: 1 })).toBe('+ 1 call without a price');
    expect(i18n.t('usage:unpriced', { count: 3 })).toBe('+ 3 calls without a price');
  });
});

describe('shortcuts as keyboards in the language print them', () => {
  afterEach(() => {
    setUiLanguage('en');
  });

  it('Ctrl and Shift in English, Strg and Umschalt in German (off a Mac)', () => {
    const keys = (sendKey: 'enter' | 'ctrlEnter') =>
      shortcutList(sendKey).flatMap((entry) => entry.keys);
    expect(keys('enter')).toContain('Shift+Enter');
    expect(keys('enter')).toContain('Ctrl+K');
    setUiLanguage('de');
    expect(keys('enter')).toContain('Umschalt+Eingabe');
    expect(keys('ctrlEnter')).toContain('Strg+Eingabe');
    expect(keys('enter')).toContain('Strg+Umschalt+O');
    expect(keys('enter').join(' ')).not.toMatch(/Ctrl|Shift/);
  });
});
