import type { Migration } from './types';

/**
 * MERGE NOTE: number 3 belongs to the usage issue (issue 7), built in parallel. This empty step
 * only keeps the numbering gap-free on the inspector branch; at merge, the usage branch's real
 * migration 3 replaces this file and its line in index.ts.
 */
export const reservedUsageMigration: Migration = {
  version: 3,
  name: 'reserved for usage',
  up() {},
};
