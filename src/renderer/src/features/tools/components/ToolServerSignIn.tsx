import { useTranslation } from '../../../lib/i18n';
import type { ToolServerView } from '../../../../../shared/toolChannels';
import { useToolsStore } from '../store/toolsStore';

/** The one thing to do next on a server that waits for sign-in: it stands out from the rest. */
const signInClass =
  'rounded border border-blue-700 bg-blue-700 px-2 py-0.5 text-xs text-white hover:bg-blue-800';

/**
 * OAuth of a Streamable HTTP server (main does the flow; this only asks for it): the Sign in or
 * Sign out button in the card's controls, or (`hint`) the line below them that says what to do,
 * with a link to the authorization URL while main waits for the browser.
 */
export function ToolServerSignIn({
  view,
  buttonClass,
  hint = false,
}: {
  view: ToolServerView;
  buttonClass?: string;
  hint?: boolean;
}) {
  const { t } = useTranslation('tools');
  const signIn = useToolsStore((s) => s.signIn);
  const signOut = useToolsStore((s) => s.signOut);
  const { config, status } = view;
  const wantsSignIn =
    status.state === 'needs-sign-in' || (status.state === 'failed' && status.signedIn === false);
  if (hint) {
    if (status.state === 'signing-in')
      return (
        <p role="status" className="mt-2 text-xs text-blue-800 dark:text-blue-200">
          {t('auth.signingIn')}{' '}
          {status.signInUrl && (
            <a href={status.signInUrl} target="_blank" rel="noreferrer" className="underline">
              {t('auth.signInLink')}
            </a>
          )}
        </p>
      );
    if (status.state === 'needs-sign-in')
      return (
        <p role="status" className="mt-2 text-xs text-amber-900 dark:text-amber-200">
          {t('auth.needsSignIn')}
        </p>
      );
    return null;
  }
  if (wantsSignIn)
    return (
      <button type="button" className={signInClass} onClick={() => void signIn(config.id)}>
        {t('auth.signIn')}
      </button>
    );
  if (status.signedIn)
    return (
      <button type="button" className={buttonClass} onClick={() => void signOut(config.id)}>
        {t('auth.signOut')}
      </button>
    );
  return null;
}
