/** Why the history cannot be written (or was found damaged). */
export const storageFaultReasons = ['disk_full', 'read_only', 'locked', 'corrupt', 'io'] as const;
export type StorageFaultReason = (typeof storageFaultReasons)[number];

/**
 * Whether the history can be written. When it cannot, the app still shows and exports what it
 * could read, and the renderer keeps a banner up until the next start.
 */
import type { Said } from './said';
export type StorageStatus =
  | { writable: true }
  | {
      writable: false;
      reason: StorageFaultReason;
      /** What happened and what to do, for the banner. */
      message: string;
      /** The same as a code, shown in the person's language (a start-up fault: English only). */
      said?: Said;
      /** The history file as found on disk: left untouched. */
      file: string;
    };
