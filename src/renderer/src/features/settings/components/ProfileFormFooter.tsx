import type { ConnectionReport, ProfileView } from '../../../../../shared/profiles';
import type { WireApi } from '../../../../../shared/wireApi';
import { ConnectionResult } from './ConnectionResult';
import { DeleteProfileButton } from './DeleteProfileButton';
import { useTranslation } from '../../../lib/i18n';

interface ProfileFormFooterProps {
  saved: ProfileView | undefined;
  formError: string | null;
  report: ConnectionReport | null;
  busy: 'save' | 'test' | null;
  onTest: () => void;
  onSwitchApi: (api: WireApi) => void;
  onMakeDefault: () => void;
  onDelete: () => Promise<void>;
}

/**
 * Kept in view at the bottom: Save (the form's submit), Test connection, Set as default and
 * Delete, with the outcome of Save and Test beside their buttons.
 */
export function ProfileFormFooter({
  saved,
  formError,
  report,
  busy,
  onTest,
  onSwitchApi,
  onMakeDefault,
  onDelete,
}: ProfileFormFooterProps) {
  const { t } = useTranslation('settings');
  return (
    <div className="sticky bottom-0 space-y-2 border-t border-zinc-200 bg-white py-3 dark:border-zinc-800 dark:bg-zinc-900">
      {formError && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {formError}
        </p>
      )}
      {report && <ConnectionResult report={report} onSwitchApi={onSwitchApi} />}
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="submit"
          disabled={busy !== null}
          className="rounded-md bg-blue-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-blue-500 disabled:opacity-50"
        >
          {busy === 'save' ? t('profile.saving') : t('profile.save')}
        </button>
        <button
          type="button"
          onClick={onTest}
          disabled={busy !== null}
          className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          {busy === 'test' ? t('profile.testing') : t('profile.test')}
        </button>
        <span className="flex-1" />
        {saved && !saved.isDefault && (
          <button
            type="button"
            onClick={onMakeDefault}
            className="rounded-md px-3 py-1.5 text-sm text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
          >
            {t('profile.makeDefault')}
          </button>
        )}
        {saved && <DeleteProfileButton name={saved.name} onConfirm={onDelete} />}
      </div>
    </div>
  );
}
