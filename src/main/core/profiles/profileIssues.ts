import type { FieldIssue } from '../../../shared/result';
import { spoken, type SaidCode } from '../../../shared/said';

/**
 * The profile schema's own sentences (src/shared/profiles.ts) and their codes, so a refused field
 * reads in the person's language. A sentence not listed (zod's built-in ones, for input the form
 * never sends) stays as it is, in English.
 */
const schemaSentences: Record<string, SaidCode> = {
  'Give the profile a name.': 'profileForm.noName',
  'Enter a full URL starting with https:// (or http:// for a local server).': 'profileForm.badUrl',
  'Give the header a name.': 'profileForm.headerName',
};

export function schemaIssue(path: string, message: string): FieldIssue {
  const code = schemaSentences[message];
  return code ? { path, ...spoken(code) } : { path, message };
}
