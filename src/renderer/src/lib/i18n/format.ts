/**
 * Numbers, money, dates and relative times in the interface's language, through Intl: the one
 * place the renderer formats them, so a language switch changes them all.
 */
import { bytesWritten } from '../../../../shared/bytesWritten';
import { uiLanguage } from './i18n';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  kind: string,
  options: object,
  make: (locale: string) => T,
): T {
  const locale = uiLanguage();
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = make(locale);
    cache.set(key, format);
  }
  return format as T;
}

export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  return cached('n', options, (l) => new Intl.NumberFormat(l, options)).format(value);
}

/** Dollars (prices are kept in USD): more digits for fractions of a cent. */
export function formatUsd(usd: number, fractionDigits?: number): string {
  const digits = fractionDigits ?? (usd === 0 ? 0 : Math.abs(usd) < 0.01 ? 4 : 2);
  return formatNumber(usd, {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

export function formatDate(time: number, options: Intl.DateTimeFormatOptions): string {
  return cached('d', options, (l) => new Intl.DateTimeFormat(l, options)).format(time);
}

export function formatTime(time: number): string {
  return formatDate(time, { timeStyle: 'medium' });
}

export function formatDateTime(time: number): string {
  return formatDate(time, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "in 30 seconds", "in 5 minutes": the unit chosen by the size of the gap. */
export function formatRelative(milliseconds: number): string {
  const seconds = Math.round(milliseconds / 1000);
  const format = cached('r', {}, (l) => new Intl.RelativeTimeFormat(l, { numeric: 'auto' }));
  if (Math.abs(seconds) < 60) return format.format(seconds, 'second');
  if (Math.abs(seconds) < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (Math.abs(seconds) < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
  return format.format(Math.round(seconds / 86_400), 'day');
}

/** Bytes as KB or MB with the language's decimal mark. */
export function formatBytes(bytes: number): string {
  return bytesWritten(bytes, (n, digits) => formatNumber(n, { maximumFractionDigits: digits }));
}
