/**
 * Main's words in one language, for what main shows itself outside the page (the OAuth
 * browser page, a sign-in prompt): the errors catalogue of that language, its plural rules,
 * and numbers and sizes through Intl in that language, as the renderer's saidText writes them.
 * A code missing in the language falls back to English.
 */
import { bytesWritten } from './bytesWritten';
import { catalogues } from './locales';
import type { UiLanguage } from './locales/languages';
import { isSaidAmount, templateIn, type Said, type SaidParam } from './said';

export function saidIn(language: UiLanguage, s: Said): string {
  const params = s.params ?? {};
  const count = typeof params.count === 'number' ? params.count : undefined;
  const template =
    templateIn(catalogues[language].errors, s.code, count, new Intl.PluralRules(language)) ??
    templateIn(catalogues.en.errors, s.code, count, new Intl.PluralRules('en')) ??
    s.code;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : written(language, value);
  });
}

function written(language: UiLanguage, value: SaidParam): string {
  const number = (n: number, digits = 10) =>
    new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(n);
  if (typeof value === 'number') return number(value);
  if (isSaidAmount(value) && value.unit === 'time')
    return new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(value.amount);
  if (isSaidAmount(value)) return bytesWritten(value.amount, number);
  return typeof value === 'object' ? saidIn(language, value) : value;
}
