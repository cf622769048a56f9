import { describe, expect, it } from 'vitest';
import { parseMcpServersJson } from '../../../src/main/core/tools/mcpServersJson';
import { toolServerConfigSchema } from '../../../src/shared/tools';

describe('parseMcpServersJson', () => {
  it('reads Claude Desktop and Cursor entries, secrets set apart from the config', () => {
    const text = JSON.stringify({
      mcpServers: {
        'File System': {
          command: 'npx',
          args: ['-y', '@modelcontextprotocol/server-filesystem', '/tmp'],
          env: { TOKEN: 's3cret' },
        },
        remote: { url: 'https://mcp.example.com/mcp', headers: { Authorization: 'Bearer abc' } },
        old: { command: 'x', disabled: true },
      },
    });
    const result = parseMcpServersJson(text, ['remote']);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [fs, remote, old] = result.servers;
    expect(fs!.config).toEqual({
      id: 'file-system',
      name: 'File System',
      enabled: true,
      transport: 'stdio',
      command: 'npx',
      args: ['-y', '@modelcontextprotocol/server-filesystem', '/tmp'],
      envNames: ['TOKEN'],
      headerNames: [],
    });
    expect(fs!.env).toEqual({ TOKEN: 's3cret' });
    expect(JSON.stringify(fs!.config)).not.toContain('s3cret');
    expect(remote!.config).toMatchObject({
      id: 'remote-2',
      transport: 'http',
      headerNames: ['Authorization'],
    });
    expect(JSON.stringify(remote!.config)).not.toContain('Bearer abc');
    expect(old!.config.enabled).toBe(false);
    for (const server of result.servers)
      expect(toolServerConfigSchema.safeParse(server.config).success).toBe(true);
  });

  it('refuses what is not such a file, saying what was expected', () => {
    expect(parseMcpServersJson('{')).toMatchObject({ ok: false, message: 'This is not JSON.' });
    expect(parseMcpServersJson('{"servers":{}}')).toMatchObject({
      ok: false,
      message: expect.stringContaining('mcpServers'),
    });
    expect(parseMcpServersJson('{"mcpServers":{"a":{}}}')).toEqual({
      ok: false,
      message: 'Server "a" has neither a command nor a url.',
      said: { code: 'tools.neitherCommandNorUrl', params: { name: 'a' } },
    });
  });
});
