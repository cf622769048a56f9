/**
 * The `mcpServers` JSON that Claude Desktop (claude_desktop_config.json) and Cursor (mcp.json)
 * use: `{ "mcpServers": { "<name>": { "command", "args", "env" } | { "url", "headers" } } }`.
 * Read into our configs with every env and header value set apart as a secret, for the keychain.
 */
import { z } from 'zod';
import type { ToolServerConfig } from '../../../shared/tools';
import { spoken, type Said } from '../../../shared/said';

const entrySchema = z.object({
  command: z.string().min(1).optional(),
  args: z.array(z.string()).optional(),
  env: z.record(z.string(), z.string()).optional(),
  cwd: z.string().optional(),
  url: z.string().min(1).optional(),
  headers: z.record(z.string(), z.string()).optional(),
  disabled: z.boolean().optional(),
});

const fileSchema = z.object({ mcpServers: z.record(z.string(), entrySchema) });

export interface ImportedServer {
  config: ToolServerConfig;
  /** Env values by variable name, header values by header name: bound for the keychain. */
  env: Record<string, string>;
  headers: Record<string, string>;
}

export type ImportResult =
  { ok: true; servers: ImportedServer[] } | { ok: false; message: string; said: Said };

function idFrom(name: string, taken: Set<string>): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^[-_]+/, '')
      .slice(0, 40) || 'server';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

export function parseMcpServersJson(text: string, takenIds: Iterable<string> = []): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, ...spoken('tools.notJson') };
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) return { ok: false, ...spoken('tools.notMcpServers') };
  const taken = new Set(takenIds);
  const servers: ImportedServer[] = [];
  for (const [name, entry] of Object.entries(parsed.data.mcpServers)) {
    if (!entry.command && !entry.url)
      return { ok: false, ...spoken('tools.neitherCommandNorUrl', { name }) };
    const env = entry.env ?? {};
    const headers = entry.headers ?? {};
    const config: ToolServerConfig = {
      id: idFrom(name, taken),
      name: name.slice(0, 64),
      enabled: entry.disabled !== true,
      transport: entry.command ? 'stdio' : 'http',
      envNames: Object.keys(env),
      headerNames: Object.keys(headers),
    };
    if (entry.command) config.command = entry.command;
    if (entry.args) config.args = entry.args;
    if (entry.cwd) config.cwd = entry.cwd;
    if (entry.url) config.url = entry.url;
    servers.push({ config, env, headers });
  }
  return { ok: true, servers };
}
