import { useEffect, useState } from 'react';
import type { ProviderErrorKind } from '../../../../../../shared/stream';
import type { RetryNotice } from '../../store/streamSubscriptions';
import { useTranslation } from '../../../../lib/i18n';

/** Catalogue keys (chat namespace) for the reasons a request is repeated. */
const reasons: Partial<Record<ProviderErrorKind, string>> = {
  rate_limit: 'retry.rate_limit',
  overloaded: 'retry.overloaded',
  server: 'retry.server',
  timeout: 'retry.timeout',
  network: 'retry.network',
  interrupted: 'retry.interrupted',
};

/** Whole seconds left until `until`, ticking once a second while there are any. */
function useSecondsLeft(until: number | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === undefined) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [until]);
  return until === undefined ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}

/** Before the first token: plain waiting, or why the request is being repeated and when. */
export function WaitingNote({ retry }: { retry: RetryNotice | undefined }) {
  const { t } = useTranslation('chat');
  const seconds = useSecondsLeft(retry?.until);
  if (!retry) return <p className="waiting">{t('waiting')}</p>;
  const reason = t(reasons[retry.kind] ?? 'retry.failed');
  const when = seconds > 0 ? t('retry.inSeconds', { count: seconds }) : t('retry.now');
  return (
    <p className="waiting" role="status">
      {t('retry.note', { reason, when, attempt: retry.attempt + 1, max: retry.maxRetries + 1 })}
    </p>
  );
}
