import { useState } from 'react';
import type { ExchangeAttemptView, ExchangeEventView } from '../../../../../shared/exchanges';
import { useTranslation } from '../../../lib/i18n';

/** A long stream has thousands of events: the first ones render at once, the rest on request. */
const FIRST_EVENTS = 500;

/** Pretty-prints JSON text; anything else (an HTML error page, a cut body) is shown as it came. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

const preClass =
  'max-h-72 overflow-auto whitespace-pre-wrap break-all rounded-md bg-zinc-50 p-2 font-mono text-[11px] leading-relaxed text-zinc-800 dark:bg-zinc-950 dark:text-zinc-200';

function Headers({ headers, label }: { headers: Record<string, string>; label: string }) {
  const entries = Object.entries(headers);
  return (
    <table aria-label={label} className="w-full table-fixed font-mono text-[11px]">
      <tbody>
        {entries.map(([name, value]) => (
          <tr key={name} className="align-top">
            <th
              scope="row"
              className="w-2/5 truncate py-0.5 pr-2 text-left font-normal text-zinc-500"
            >
              {name}
            </th>
            <td className="break-all py-0.5">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function eventLine(event: ExchangeEventView): string {
  const name = event.event === null ? '' : `event: ${event.event}  `;
  return `${name}data: ${event.data}`;
}

/** The request as sent: method, URL, headers (key already redacted in main), body. */
export function RequestSection({ attempt }: { attempt: ExchangeAttemptView }) {
  const { t } = useTranslation('inspector');
  const { request } = attempt;
  return (
    <section aria-label={t('sections.request')} className="flex min-w-0 flex-col gap-2">
      <h3 className="text-xs font-semibold caps text-zinc-500">{t('sections.request')}</h3>
      <p className="break-all font-mono text-xs">
        <span className="mr-2 rounded bg-blue-100 px-1.5 py-0.5 font-semibold text-blue-800 dark:bg-blue-950 dark:text-blue-200">
          {request.method}
        </span>
        {request.url}
      </p>
      <Headers headers={request.headers} label={t('sections.requestHeaders')} />
      {request.body !== null && (
        <pre aria-label={t('sections.requestBody')} tabIndex={0} className={preClass}>
          {prettyJson(request.body)}
        </pre>
      )}
    </section>
  );
}

/** Status, headers, then the full JSON body or the raw stream events with arrival times. */
export function ResponseSection({ attempt }: { attempt: ExchangeAttemptView }) {
  const { response, events, body } = attempt;
  const { t } = useTranslation('inspector');
  const [showAll, setShowAll] = useState(false);
  if (!response) {
    return (
      <section aria-label={t('sections.response')} className="text-xs text-zinc-500">
        <h3 className="mb-2 text-xs font-semibold caps">{t('sections.response')}</h3>
        {t('sections.noResponse')}
      </section>
    );
  }
  const ok = response.status < 400;
  return (
    <section aria-label={t('sections.response')} className="flex min-w-0 flex-col gap-2">
      <h3 className="text-xs font-semibold caps text-zinc-500">{t('sections.response')}</h3>
      <p className="font-mono text-xs">
        <span
          className={`mr-2 rounded px-1.5 py-0.5 font-semibold ${ok ? 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200' : 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200'}`}
        >
          {response.status}
        </span>
        {response.statusText}{' '}
        <span className="text-zinc-500">{t('sections.at', { ms: Math.round(response.atMs) })}</span>
      </p>
      <Headers headers={response.headers} label={t('sections.responseHeaders')} />
      {body && (
        <pre aria-label={t('sections.responseBody')} tabIndex={0} className={preClass}>
          {prettyJson(body.text)}
          {body.truncated ? `\n${t('sections.cut')}` : ''}
        </pre>
      )}
      {events.length > 0 && (
        <ol aria-label={t('sections.events')} tabIndex={0} className={`${preClass} list-none`}>
          {(showAll ? events : events.slice(0, FIRST_EVENTS)).map((event, index) => (
            <li key={index} className="flex gap-2">
              <span className="w-16 shrink-0 text-right text-zinc-500">
                {t('sections.at', { ms: Math.round(event.atMs) })}
              </span>
              <span className="min-w-0 break-all">{eventLine(event)}</span>
            </li>
          ))}
        </ol>
      )}
      {!showAll && events.length > FIRST_EVENTS && (
        <button
          type="button"
          onClick={() => setShowAll(true)}
          className="self-start rounded px-2 py-0.5 text-xs text-blue-700 hover:bg-blue-50 dark:text-blue-300 dark:hover:bg-blue-950"
        >
          {t('sections.showAll', { count: events.length })}
        </button>
      )}
    </section>
  );
}
