import { useState } from 'react';
import { useToolsStore } from '../store/toolsStore';
import type { ToolServerConfig } from '../../../../../shared/tools';
import { draftOf, serverRequest, type ServerDraft } from '../lib/serverDraft';

const empty: ServerDraft = {
  name: '',
  transport: 'stdio',
  command: '',
  args: '',
  env: '',
  url: '',
  headers: '',
};
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
      aria-label={saved ? `Edit ${saved.name}` : 'Add a tool server'}
      className="flex flex-col gap-2 rounded-lg border border-dashed border-zinc-300 p-3 text-sm dark:border-zinc-600"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className="flex gap-2">
        <label className="flex-1">
          Name
          <input className={inputClass} {...field('name')} />
        </label>
        <label>
          Transport
          <select className={inputClass} {...field('transport')}>
            <option value="stdio">stdio (a command)</option>
            <option value="http">Streamable HTTP (a URL)</option>
          </select>
        </label>
      </div>
      <TransportFields transport={draft.transport} field={field} />
      {kept.length > 0 && (
        <p className="text-xs text-zinc-500">Kept in the keychain: {kept.join(', ')}</p>
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
        {saved ? 'Save' : 'Add server'}
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
  if (transport === 'stdio')
    return (
      <>
        <label>
          Command
          <input className={inputClass} placeholder="npx" {...field('command')} />
        </label>
        <label>
          Arguments, one per line
          <textarea rows={2} className={inputClass} {...field('args')} />
        </label>
        <label>
          Environment, NAME=value per line (kept in the keychain)
          <textarea rows={2} className={inputClass} {...field('env')} />
        </label>
      </>
    );
  return (
    <>
      <label>
        URL
        <input className={inputClass} placeholder="https://example.com/mcp" {...field('url')} />
      </label>
      <label>
        Headers, Name: value per line (kept in the keychain)
        <textarea rows={2} className={inputClass} {...field('headers')} />
      </label>
    </>
  );
}
