import { useState } from 'react';
import { useToolsStore } from '../store/toolsStore';
import type { ToolServerConfig } from '../../../../../shared/tools';
import { draftOf, serverRequest, type ServerDraft } from '../lib/serverDraft';
import { useTranslation } from '../../../lib/i18n';

const empty: ServerDraft = {
  name: '',
  transport: 'stdio',
  command: '',
  args: '',
  env: '',
  url: '',
  headers: '',
};
/** Examples in code, the same in every language. */
const commandExample = 'npx';
const urlExample = 'https://example.com/mcp';
const inputClass =
  'w-full rounded border border-zinc-300 px-2 py-1 font-mono text-xs dark:border-zinc-600 dark:bg-zinc-800';

/**
 * Adds a server, or edits `saved`: a command (stdio) or a URL (Streamable HTTP); env and header
 * values are secret (an edit shows their names only; a value typed again replaces it).
 */
export function AddToolServerForm({
  saved,
  onDone,
}: {
  saved?: ToolServerConfig;
  onDone?: () => void;
}) {
  const { t } = useTranslation('tools');
  const save = useToolsStore((s) => s.save);
  const [draft, setDraft] = useState(saved ? draftOf(saved) : empty);
  const kept = saved ? [...saved.envNames, ...saved.headerNames] : [];
  const [problem, setProblem] = useState<string | null>(null);
  const field = (key: keyof ServerDraft) => ({
    value: draft[key],
    onChange: (event: { target: { value: string } }) =>
      setDraft({ ...draft, [key]: event.target.value }),
  });
  const submit = async () => {
    const request = serverRequest(draft, saved);
    if (typeof request === 'string') return setProblem(request);
    setProblem(null);
    if (!(await save(request))) return;
    setDraft(empty);
    onDone?.();
  };
  return (
    <form
      aria-label={saved ? t('form.editLabel', { name: saved.name }) : t('form.addLabel')}
      className="flex flex-col gap-2 rounded-lg border border-dashed border-zinc-300 p-3 text-sm dark:border-zinc-600"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className="flex gap-2">
        <label className="flex-1">
          {t('form.name')}
          <input className={inputClass} {...field('name')} />
        </label>
        <label>
          {t('form.transport')}
          <select className={inputClass} {...field('transport')}>
            <option value="stdio">{t('form.stdio')}</option>
            <option value="http">{t('form.http')}</option>
          </select>
        </label>
      </div>
      <TransportFields transport={draft.transport} field={field} />
      {kept.length > 0 && (
        <p className="text-xs text-zinc-500">{t('form.kept', { names: kept.join(', ') })}</p>
      )}
      {problem && (
        <p role="alert" className="text-xs text-red-700">
          {problem}
        </p>
      )}
      <button
        type="submit"
        className="self-start rounded bg-blue-600 px-3 py-1 text-white hover:bg-blue-700"
      >
        {saved ? t('form.save') : t('form.add')}
      </button>
    </form>
  );
}

type FieldProps = (key: keyof ServerDraft) => {
  value: string;
  onChange(event: { target: { value: string } }): void;
};

/** What starts the server: a command with its arguments and env, or a URL with its headers. */
function TransportFields({
  transport,
  field,
}: {
  transport: ServerDraft['transport'];
  field: FieldProps;
}) {
  const { t } = useTranslation('tools');
  if (transport === 'stdio')
    return (
      <>
        <label>
          {t('form.command')}
          <input className={inputClass} placeholder={commandExample} {...field('command')} />
        </label>
        <label>
          {t('form.args')}
          <textarea rows={2} className={inputClass} {...field('args')} />
        </label>
        <label>
          {t('form.env')}
          <textarea rows={2} className={inputClass} {...field('env')} />
        </label>
      </>
    );
  return (
    <>
      <label>
        {t('form.url')}
        <input className={inputClass} placeholder={urlExample} {...field('url')} />
      </label>
      <label>
        {t('form.headers')}
        <textarea rows={2} className={inputClass} {...field('headers')} />
      </label>
    </>
  );
}
