import { useTranslation } from '../../../../lib/i18n';
/**
 * The model declined to answer: its reason in its own words, set apart from answers and calm,
 * since nothing failed (no alert, no red).
 */
export function RefusalNotice({ text }: { text: string }) {
  const { t } = useTranslation('chat');
  return (
    <section className="refusal-notice" aria-label={t('refusal')}>
      <p className="refusal-label">{t('declined')}</p>
      <p className="whitespace-pre-wrap">{text}</p>
    </section>
  );
}
