/**
 * The model declined to answer: its reason in its own words, set apart from answers and calm,
 * since nothing failed (no alert, no red).
 */
export function RefusalNotice({ text }: { text: string }) {
  return (
    <section className="refusal-notice" aria-label="Refusal">
      <p className="refusal-label">Declined to answer</p>
      <p className="whitespace-pre-wrap">{text}</p>
    </section>
  );
}
