import { randomUUID } from 'node:crypto';
import type { AppNotice } from '../../shared/profiles';
import type { Spoken } from '../../shared/said';

/**
 * Things the person must be told that happen outside any request (a corrupt preferences file at
 * startup, a device-code sign-in). Kept for the renderer to fetch when it loads, and emitted live.
 */
export class NoticeBoard {
  private readonly notices: AppNotice[] = [];
  private listener: ((notice: AppNotice) => void) | null = null;

  /** Our own words go as `Spoken` (code and English); a string is words we have no code for. */
  post(
    message: string | (Spoken & Pick<AppNotice, 'copy'>),
    level: AppNotice['level'] = 'warning',
  ): void {
    const words = typeof message === 'string' ? { message } : message;
    const notice: AppNotice = { id: randomUUID(), level, ...words };
    this.notices.push(notice);
    if (this.notices.length > 50) this.notices.shift();
    this.listener?.(notice);
  }

  list(): AppNotice[] {
    return [...this.notices];
  }

  onPost(listener: (notice: AppNotice) => void): void {
    this.listener = listener;
  }
}
