import { schemaSentence } from '../../../shared/profiles';
import type { FieldIssue } from '../../../shared/result';
import { spoken, type SaidCode } from '../../../shared/said';

/**
 * The profile schema's own sentences (src/shared/profiles.ts, written from the errors
 * catalogue) and their codes, so a refused field reads in the person's language. A sentence not
 * listed (zod's built-in ones, for input the form never sends) stays as it is, in English.
 */
const schemaCodes: SaidCode[] = [
  'profileForm.noName',
  'profileForm.badUrl',
  'profileForm.headerName',
];
const codeOfSentence = new Map(schemaCodes.map((code) => [schemaSentence(code), code]));

export function schemaIssue(path: string, message: string): FieldIssue {
  const code = codeOfSentence.get(message);
  return code ? { path, ...spoken(code) } : { path, message };
}
