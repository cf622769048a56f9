import type { ConnectionReport } from '../../../../../shared/profiles';
import { wireApiLabels, type WireApi } from '../../../../../shared/wireApi';
import { formatNumber, saidText, useTranslation } from '../../../lib/i18n';

/**
 * The outcome of Test connection: which step failed, in words, with the (redacted) URL called;
 * when the server refused the profile's wire API, a button that switches it to the other one.
 */
export function ConnectionResult({
  report,
  onSwitchApi,
}: {
  report: ConnectionReport;
  onSwitchApi?: (api: WireApi) => void;
}) {
  const { t } = useTranslation('settings');
  const suggested = report.suggestedApi;
  const tone = report.ok
    ? 'border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100'
    : 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100';
  return (
    <div
      role="status"
      aria-label={t('connection.label')}
      className={`rounded-md border px-3 py-2 text-sm ${tone}`}
    >
      <p className="font-medium">
        {report.ok ? '✓ ' : '✗ '}
        {report.ok
          ? t('connection.works')
          : t('connection.failedAt', { step: t(`connection.step.${report.step}`) })}
        {report.status !== null && (
          <span className="font-normal opacity-75">
            {' · '}
            {t('connection.http', { status: report.status })}
          </span>
        )}
        <span className="font-normal opacity-75">
          {' · '}
          {t('connection.duration', { ms: formatNumber(report.durationMs) })}
        </span>
      </p>
      <p className="mt-1">{saidText(report.said, report.message)}</p>
      {suggested && onSwitchApi && (
        <button
          type="button"
          onClick={() => onSwitchApi(suggested)}
          className="mt-2 rounded-md border border-current px-2 py-0.5 text-xs font-medium"
        >
          {t('connection.useApi', { api: wireApiLabels[suggested] })}
        </button>
      )}
      {report.url && (
        <p className="mt-1 truncate font-mono text-xs opacity-75" title={report.url}>
          {report.method} {report.url}
        </p>
      )}
    </div>
  );
}
