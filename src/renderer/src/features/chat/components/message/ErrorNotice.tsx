import type { ProviderError } from '../../../../../../shared/stream';
import { errorAdvice, plainErrorMessage } from '../../lib/errorAdvice';
import { useSettingsRequest } from '../../../settings';
import { useTranslation } from '../../../../lib/i18n';

/** Failures the person fixes in the profile (its key, its permissions). */
const fixedInProfile = new Set<ProviderError['kind']>(['auth', 'permission']);

/** The provider's reason in plain words and what to do about it; never a stack or a web page. */
export function ErrorNotice({
  error,
  profileId,
}: {
  error: ProviderError;
  /** The profile that answered, for the button that opens it (null: the default one). */
  profileId?: string | null | undefined;
}) {
  const { t } = useTranslation('chat');
  const openSettings = useSettingsRequest((s) => s.openSettings);
  if (error.kind === 'cancelled') return null;
  const advice = errorAdvice(t, error);
  const message = plainErrorMessage(t, error);
  // The engine's message often ends with "(HTTP 401)" already: the status is said once.
  const statusSaid = error.status !== null && message.includes(`HTTP ${error.status}`);
  return (
    <div className="error-notice" role="alert">
      <p className="font-medium">
        {message}
        {error.status && !statusSaid ? (
          <span className="error-status">
            {' · '}
            {t('httpStatus', { status: error.status })}
          </span>
        ) : null}
      </p>
      {advice ? <p>{advice}</p> : null}
      {fixedInProfile.has(error.kind) && (
        <button
          type="button"
          className="action-button continue-button mt-1.5"
          onClick={() => openSettings({ pane: 'profile', profileId: profileId ?? null })}
        >
          {t('openProfile')}
        </button>
      )}
      {error.requestId ? (
        <p className="error-request">{t('requestId', { id: error.requestId })}</p>
      ) : null}
    </div>
  );
}
