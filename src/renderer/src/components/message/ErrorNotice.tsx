import type { ProviderError } from '../../../../shared/stream';
import { errorAdvice, plainErrorMessage } from '../../lib/errorAdvice';

/** The provider's reason in plain words and what to do about it; never a stack or a web page. */
export function ErrorNotice({ error }: { error: ProviderError }) {
  if (error.kind === 'cancelled') return null;
  const advice = errorAdvice(error);
  return (
    <div className="error-notice" role="alert">
      <p className="font-medium">
        {plainErrorMessage(error)}
        {error.status ? <span className="error-status"> · HTTP {error.status}</span> : null}
      </p>
      {advice ? <p>{advice}</p> : null}
      {error.requestId ? <p className="error-request">Request id: {error.requestId}</p> : null}
    </div>
  );
}
