import { useTranslation } from '../../lib/i18n';

interface PartFailedProps {
  /** The part that failed, as a person would name it ("This conversation"). */
  what: string;
  /** What still works, or what to do. */
  hint: string;
  error: Error;
  retry: () => void;
}

/** What a part of the window shows when it failed to render: calm, with a way to try again. */
export function PartFailed({ what, hint, error, retry }: PartFailedProps) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="part-failed">
      <p className="font-medium">{t('failed', { what })}</p>
      <p>{hint}</p>
      <p className="part-failed-detail">{error.message}</p>
      <button type="button" onClick={retry} className="toolbar-button self-start">
        {t('tryAgain')}
      </button>
    </div>
  );
}
