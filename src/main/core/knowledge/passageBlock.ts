import type { KnowledgeHit } from '../../../shared/knowledge';

/** The passages as the model reads them, each with its source, after the system prompt. */
export function contextBlock(
  hits: readonly Pick<KnowledgeHit, 'text' | 'heading' | 'documentPath'>[],
): string {
  const passages = hits.map(
    (hit, i) =>
      `<passage n="${i + 1}" source="${hit.documentPath}"${hit.heading ? ` section="${hit.heading}"` : ''}>\n${hit.text}\n</passage>`,
  );
  return [
    'Passages from the person’s own documents (their knowledge base), found for this question.',
    'Answer from them where they apply and name the documents you used; if they do not answer the question, say so.',
    ...passages,
  ].join('\n\n');
}
