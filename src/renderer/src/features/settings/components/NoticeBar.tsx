import { useSettingsStore } from '../store/settingsStore';
import { saidText, useTranslation } from '../../../lib/i18n';
import { CopyButton } from '../../../components/ui/CopyButton';

/** Things main told the person (a corrupt preferences file set aside, a device-code sign-in), until dismissed. */
export function NoticeBar() {
  const { t } = useTranslation('settings');
  const notices = useSettingsStore((s) => s.notices);
  const dismiss = useSettingsStore((s) => s.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <div className="space-y-1 border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
      {notices.map((notice) => (
        <div
          key={notice.id}
          role={notice.level === 'warning' ? 'alert' : 'status'}
          className={`flex items-start gap-2 rounded-md px-3 py-2 text-sm ${notice.level === 'warning' ? 'bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100' : 'bg-blue-50 text-blue-900 dark:bg-blue-950 dark:text-blue-100'}`}
        >
          <p className="flex-1 break-words">{saidText(notice.said, notice.message)}</p>
          {notice.copy && (
            <CopyButton
              text={notice.copy}
              label={t('copyNoticeCode', { code: notice.copy })}
              className="shrink-0 rounded border border-current px-2 text-xs opacity-80 hover:opacity-100"
            />
          )}
          <button
            type="button"
            aria-label={t('dismissNotice')}
            onClick={() => dismiss(notice.id)}
            className="px-1 leading-none opacity-60 hover:opacity-100"
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
