import { citationParts, type MessagePart } from '../../../../../../shared/messageParts';
import { isWebUrl, sourceDomain } from '../../../../../../shared/webSearch';
import { documentPathOf } from '../../../../../../shared/knowledge';
import { useTranslation } from '../../../../lib/i18n';

/**
 * The web pages an answer cites (the provider's search tool found them), numbered under the
 * answer: title, domain, and a link the window's open handler sends to the OS browser; and the
 * documents of a knowledge base its passages came from (name and path).
 */
export function SourceList({ parts }: { parts: readonly MessagePart[] }) {
  const sources = citationParts(parts);
  const { t } = useTranslation('chat');
  if (sources.length === 0) return null;
  return (
    <section aria-label={t('webSearch.sources')} className="mt-2 text-sm">
      <h3 className="text-xs font-semibold text-zinc-600 dark:text-zinc-400">
        {t('webSearch.sources')}
      </h3>
      <ol className="mt-1 list-decimal space-y-0.5 pl-5">
        {sources.map((source, index) => {
          const domain = sourceDomain(source.url);
          const title = source.title || domain || source.url;
          return (
            <li key={index}>
              {isWebUrl(source.url) ? (
                <a
                  href={source.url}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="text-blue-700 hover:underline dark:text-blue-400"
                  title={source.url}
                >
                  {title}
                </a>
              ) : (
                <span>{title}</span>
              )}
              {domain && <span className="ml-1 text-xs text-zinc-500">{domain}</span>}
              {/* A knowledge base's document: where the file is (it opens from the folder). */}
              {!domain && documentPathOf(source.url) && (
                <span className="ml-1 break-all text-xs text-zinc-500">
                  {documentPathOf(source.url)}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
