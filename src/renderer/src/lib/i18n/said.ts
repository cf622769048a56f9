/**
 * Main's words in the person's language (issue 19): a message main sent with its code
 * (`Said`) is shown as the `errors` catalogue has it in the language in use; without a code (an
 * older stored row, words main has no code for) or with a code this build does not know, the
 * English text main sent is shown. The provider's own words stay as they came (a parameter);
 * numbers and sizes main measured are written here, through Intl, the language's way.
 */
import { englishText, isSaidAmount, type Said, type SaidParam } from '../../../../shared/said';
import type { IpcError } from '../../../../shared/result';
import { formatBytes, formatDate, formatNumber } from './format';
import { i18n } from './i18n';

export function saidText(said: Said | undefined, english: string): string {
  if (!said) return english;
  const key = `errors:${said.code}`;
  const replace: Record<string, string> = {};
  for (const [name, value] of Object.entries(said.params ?? {})) replace[name] = shown(value);
  // The plural form is chosen by the number; what the sentence shows is its written form
  // (`replace`), so a count reads "1.234" in German, as every other number does.
  const count = said.params?.count;
  const options = typeof count === 'number' ? { count, replace } : { replace };
  if (!i18n.exists(key, options)) return english;
  return i18n.t(key, options);
}

function shown(value: SaidParam): string {
  // Up to ten decimals: a refused 2.0001 must not read as the 2 it was refused against.
  if (typeof value === 'number') return formatNumber(value, { maximumFractionDigits: 10 });
  if (isSaidAmount(value))
    return value.unit === 'time'
      ? formatDate(value.amount, { timeStyle: 'short' })
      : formatBytes(value.amount);
  return typeof value === 'object' ? saidText(value, englishText(value)) : value;
}

/** An IPC failure's message in the person's language (its code's words, else main's English). */
export function ipcErrorText(error: Pick<IpcError, 'message' | 'said'>): string {
  return saidText(error.said, error.message);
}
