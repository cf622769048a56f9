import type { RequestOf } from '../../../../../shared/ipc';
import type { ToolServerConfig } from '../../../../../shared/tools';
import { i18n } from '../../../lib/i18n';

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
    if (at <= 0)
      return i18n.t('tools:draft.notPair', {
        line,
        form: separator === '=' ? 'NAME=value' : 'Name: value',
      });
    out[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return out;
}

/** A saved server as a draft to edit: its secret values are not shown (typed ones replace them). */
export function draftOf(config: ToolServerConfig): ServerDraft {
  return {
    name: config.name,
    transport: config.transport,
    command: config.command ?? '',
    args: (config.args ?? []).join('\n'),
    env: '',
    url: config.url ?? '',
    headers: '',
  };
}

/**
 * The draft as a save request, or what is wrong with it in a sentence. `saved`: the server being
 * edited, whose id, enabled state and secret names are kept.
 */
export function serverRequest(
  draft: ServerDraft,
  saved?: ToolServerConfig,
): RequestOf<'saveToolServer'> | string {
  const name = draft.name.trim();
  const id =
    saved?.id ??
    name
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^[-_]+/, '')
      .slice(0, 40);
  if (!id) return i18n.t('tools:draft.noName');
  const env = pairs(draft.env, '=');
  const headers = pairs(draft.headers, ':');
  if (typeof env === 'string') return env;
  if (typeof headers === 'string') return headers;
  const base = {
    id,
    name,
    enabled: saved?.enabled ?? true,
    envNames: saved?.envNames ?? [],
    headerNames: saved?.headerNames ?? [],
  };
  if (draft.transport === 'stdio') {
    if (!draft.command.trim()) return i18n.t('tools:draft.noCommand');
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
  if (!/^https?:\/\//.test(draft.url.trim())) return i18n.t('tools:draft.noUrl');
  return { config: { ...base, transport: 'http', url: draft.url.trim() }, env: {}, headers };
}
