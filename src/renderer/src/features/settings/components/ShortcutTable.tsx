import { shortcutList } from '../lib/shortcutList';
import { useGeneralPreferences } from '../store/generalPreferences';
import { useTranslation } from '../../../lib/i18n';

/** The shortcuts as a two-column table (in Settings › General and in the shortcuts dialog). */
export function ShortcutTable() {
  const { t } = useTranslation('settings');
  const sendKey = useGeneralPreferences((s) => s.sendKey);
  return (
    <table aria-label={t('general.shortcuts')} className="w-full text-sm">
      <tbody>
        {shortcutList(sendKey).map((entry) => (
          <tr key={entry.action} className="border-b border-zinc-100 dark:border-zinc-800">
            <td className="py-1.5 pr-4 whitespace-nowrap">
              <kbd className="rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-800">
                {entry.keys.join(t('shortcuts.or'))}
              </kbd>
            </td>
            <td className="py-1.5 text-zinc-700 dark:text-zinc-300">
              {t(`shortcuts.action.${entry.action}`)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
