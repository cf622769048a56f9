/**
 * Main's words in the person's language (issue 19): a message main sent with its code
 * (`Said`) is shown as the `errors` catalogue has it in the language in use; without a code (an
 * older stored row, words main has no code for) or with a code this build does not know, the
 * English text main sent is shown. The provider's own words stay as they came (a parameter).
 */
import { englishText, type Said, type SaidParam } from '../../../../shared/said';
import type { IpcError } from '../../../../shared/result';
import { i18n } from './i18n';

export function saidText(said: Said | undefined, english: string): string {
  if (!said) return english;
  const key = `errors:${said.code}`;
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(said.params ?? {})) params[name] = shown(value);
  if (!i18n.exists(key, params)) return english;
  return i18n.t(key, params);
}

function shown(value: SaidParam): string | number {
  return typeof value === 'object' ? saidText(value, englishText(value)) : value;
}

/** An IPC failure's message in the person's language (its code's words, else main's English). */
export function ipcErrorText(error: Pick<IpcError, 'message' | 'said'>): string {
  return saidText(error.said, error.message);
}
