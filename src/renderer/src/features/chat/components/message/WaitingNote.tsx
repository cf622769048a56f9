import { useEffect, useState } from 'react';
import type { ProviderErrorKind } from '../../../../../../shared/stream';
import type { RetryNotice } from '../../store/streamSubscriptions';

const reasons: Partial<Record<ProviderErrorKind, string>> = {
  rate_limit: 'Rate limited',
  overloaded: 'The provider is overloaded',
  server: 'The provider had an error',
  timeout: 'The provider did not answer in time',
  network: 'Could not reach the provider',
  interrupted: 'The connection dropped',
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
  const seconds = useSecondsLeft(retry?.until);
  if (!retry) return <p className="waiting">Waiting for the first token…</p>;
  const reason = reasons[retry.kind] ?? 'The request failed';
  const when = seconds > 0 ? `retrying in ${seconds} s` : 'retrying now';
  return (
    <p className="waiting" role="status">
      {reason}, {when} (attempt {retry.attempt + 1} of {retry.maxRetries + 1})
    </p>
  );
}
