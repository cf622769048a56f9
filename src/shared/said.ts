/**
 * What main says to a person, as a stable code with parameters (issue 19): the renderer shows
 * `t('errors:' + code, params)` in the person's language; the English text travels beside it
 * for the CLI, the logs, rows stored before codes existed, and as the renderer's fallback.
 * Codes are the keys of the `errors` catalogue (src/shared/locales/en/errors.json), so a code
 * without an English text does not compile; tests/unit/saidCodes.test.ts holds every language.
 */
import { z } from 'zod';
import english from './locales/en/errors.json' with { type: 'json' };
import { formatBytes } from './attachments';

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${P}${K extends `${infer B}_${PluralSuffix}` ? B : K}`
    : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type SaidCode = Leaves<typeof english>;

/**
 * A parameter: a value shown as is (a host, the provider's own words), a number (the renderer
 * writes it the language's way: "1,5" in German), an amount with a unit, or a sentence.
 */
export type SaidParam = string | number | SaidAmount | Said;

/**
 * A size or a time of day main measured: sent as its number so the renderer writes it through
 * Intl in the person's language ("1,5 MB", "16:32"), never as main's English ("1.5 MB", "4:32 PM").
 */
export interface SaidAmount {
  amount: number;
  /** bytes: a size; time: a moment (ms since the epoch) shown as the time of day. */
  unit: 'bytes' | 'time';
}

export function bytesAmount(amount: number): SaidAmount {
  return { amount, unit: 'bytes' };
}

export function clockTime(epochMs: number): SaidAmount {
  return { amount: epochMs, unit: 'time' };
}

export function isSaidAmount(value: unknown): value is SaidAmount {
  return (
    isRecord(value) &&
    typeof value.amount === 'number' &&
    (value.unit === 'bytes' || value.unit === 'time')
  );
}

const englishClock = new Intl.DateTimeFormat('en', { timeStyle: 'short' });

export interface Said {
  code: SaidCode;
  params?: Record<string, SaidParam>;
}

/** A message with its code: spread into a `{ message }` shape (`{ kind, ...spoken(…) }`). */
export interface Spoken {
  message: string;
  said: Said;
}

export function said(code: SaidCode, params?: Record<string, SaidParam>): Said {
  return params ? { code, params } : { code };
}

export function spoken(code: SaidCode, params?: Record<string, SaidParam>): Spoken {
  const s = said(code, params);
  return { message: englishText(s), said: s };
}

/** A template's text in one catalogue, plural forms chosen by `count` (undefined if missing). */
export function templateIn(
  catalogue: unknown,
  code: string,
  count: number | undefined,
  pluralRules: Intl.PluralRules,
): string | undefined {
  let node: unknown = catalogue;
  const path = code.split('.');
  const last = path.pop() ?? '';
  for (const step of path) node = isRecord(node) ? node[step] : undefined;
  if (!isRecord(node)) return undefined;
  const plain = node[last];
  if (count === undefined) return typeof plain === 'string' ? plain : undefined;
  const form = node[`${last}_${pluralRules.select(count)}`] ?? node[`${last}_other`] ?? plain;
  return typeof form === 'string' ? form : undefined;
}

const englishPlurals = new Intl.PluralRules('en');

/** The English sentence, nested sentences included: what main logs, stores and the CLI prints. */
export function englishText(s: Said): string {
  const params = s.params ?? {};
  const count = typeof params.count === 'number' ? params.count : undefined;
  const template = templateIn(english, s.code, count, englishPlurals) ?? s.code;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (isSaidAmount(value))
      return value.unit === 'time' ? englishClock.format(value.amount) : formatBytes(value.amount);
    return typeof value === 'object' ? englishText(value) : String(value);
  });
}

/** An error's words as a parameter: its code when it carries one (`said`), else its message. */
export function saidOf(error: unknown): Said | string {
  if (isRecord(error) && isSaid(error.said)) return error.said;
  return error instanceof Error ? error.message : String(error);
}

/** A value from IPC or a stored row that may carry a code (older rows do not). */
export function isSaid(value: unknown): value is Said {
  return isRecord(value) && typeof value.code === 'string';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** For schemas that read errors back (import files, kept saves): a code is kept as it came. */
export const saidSchema = z.custom<Said>(isSaid);

/** An error whose message is one of ours: `saidOf` and `failureSpoken` pass its code on. */
export class SaidError extends Error {
  readonly said: Said;
  constructor(words: Spoken) {
    super(words.message);
    this.said = words.said;
  }
}
