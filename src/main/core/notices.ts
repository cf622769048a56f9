import { randomUUID } from 'node:crypto';
import type { AppNotice } from '../../shared/profiles';

/**
 * Things the person must be told that happen outside any request (a corrupt preferences file at
 * startup, a device-code sign-in). Kept for the renderer to fetch when it loads, and emitted live.
 */
export class NoticeBoard {
  private readonly notices: AppNotice[] = [];
  private listener: ((notice: AppNotice) => void) | null = null;

  post(message: string, level: AppNotice['level'] = 'warning'): void {
    const notice = { id: randomUUID(), level, message };
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
