import type { RequestOf } from '../../../../../shared/ipc';

/** What the add form holds, as typed. */
export interface ServerDraft {
  name: string;
  transport: 'stdio' | 'http';
  command: string;
  args: string;
  env: string;
  url: string;
  headers: string;
}

function pairs(text: string, separator: '=' | ':'): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const at = line.indexOf(separator);
    if (at <= 0) return `"${line}" is not ${separator === '=' ? 'NAME=value' : 'Name: value'}.`;
    out[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return out;
}

/** The draft as a save request, or what is wrong with it in a sentence. */
export function serverRequest(draft: ServerDraft): RequestOf<'saveToolServer'> | string {
  const name = draft.name.trim();
  const id = name
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+/, '')
    .slice(0, 40);
  if (!id) return 'Give the server a name.';
  const env = pairs(draft.env, '=');
  const headers = pairs(draft.headers, ':');
  if (typeof env === 'string') return env;
  if (typeof headers === 'string') return headers;
  const base = { id, name, enabled: true, envNames: [], headerNames: [] };
  if (draft.transport === 'stdio') {
    if (!draft.command.trim()) return 'Give the command that starts the server.';
    const args = draft.args
      .split('\n')
      .map((a) => a.trim())
      .filter(Boolean);
    return {
      config: { ...base, transport: 'stdio', command: draft.command.trim(), args },
      env,
      headers: {},
    };
  }
  if (!/^https?:\/\//.test(draft.url.trim()))
    return 'Give the server URL, starting with https:// or http://.';
  return { config: { ...base, transport: 'http', url: draft.url.trim() }, env: {}, headers };
}
