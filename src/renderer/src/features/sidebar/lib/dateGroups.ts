import type { ConversationSummary } from '../../../../../shared/conversations';
import { formatDate, i18n } from '../../../lib/i18n';

/** One line of the sidebar list: a group's heading or a conversation. */
export type SidebarRow =
  | { kind: 'heading'; key: string; label: string }
  | { kind: 'conversation'; key: string; conversation: ConversationSummary };

const DAY_MS = 24 * 60 * 60 * 1000;

function startOfDay(time: number): number {
  const day = new Date(time);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

/** Today, Yesterday, Previous 7 days, then one group per month ("March 2026"), by last activity. */
export function dateGroupOf(updatedAt: number, now: number): string {
  const today = startOfDay(now);
  if (updatedAt >= today) return i18n.t('sidebar:groups.today');
  if (updatedAt >= today - DAY_MS) return i18n.t('sidebar:groups.yesterday');
  if (updatedAt >= today - 7 * DAY_MS) return i18n.t('sidebar:groups.previous7');
  return formatDate(updatedAt, { month: 'long', year: 'numeric' });
}

/**
 * The list as the sidebar shows it: pinned conversations first under "Pinned", then the rest
 * under date headings. The list comes newest first, so each group appears once, in order.
 */
export function groupByDate(
  items: ConversationSummary[],
  now: number,
  // The language the labels are in: only a memo key for callers (the labels follow i18n).
  _language?: string,
): SidebarRow[] {
  const rows: SidebarRow[] = [];
  let current: string | null = null;
  for (const conversation of items) {
    const label = conversation.pinned
      ? i18n.t('sidebar:groups.pinned')
      : dateGroupOf(conversation.updatedAt, now);
    if (label !== current) {
      rows.push({ kind: 'heading', key: `heading:${label}:${rows.length}`, label });
      current = label;
    }
    rows.push({ kind: 'conversation', key: conversation.id, conversation });
  }
  return rows;
}
