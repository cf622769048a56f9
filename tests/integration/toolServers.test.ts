import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ToolServerManager } from '../../src/main/core/tools/ToolServerManager';
import type { ToolServerConfig, ToolServerStatus } from '../../src/shared/tools';
import {
  startLegacySseServer,
  startStreamableHttpServer,
  type TestHttpServer,
} from '../mcp/httpServer';
import { BIG_RESULT_CHARS } from '../mcp/testTools';
import { httpTestServer, resolveWith, stdioTestServer } from '../support/mcpServers';

let http: TestHttpServer;
let sse: TestHttpServer;
let manager: ToolServerManager | null = null;

beforeAll(async () => {
  http = await startStreamableHttpServer();
  sse = await startLegacySseServer();
});
afterAll(async () => {
  await http.close();
  await sse.close();
});
afterEach(async () => {
  await manager?.stopAll();
  manager = null;
});

function managerOf(
  servers: ToolServerConfig[],
  extra: { startTimeoutMs?: number; callTimeoutMs?: number; maxResultChars?: number } = {},
) {
  const seen: ToolServerStatus[] = [];
  manager = new ToolServerManager({
    servers: () => servers,
    resolve: resolveWith({ Authorization: 'Bearer mcp-secret' }),
    onStatus: (status) => seen.push(status),
    ...extra,
  });
  return { manager, seen };
}

describe('ToolServerManager over real MCP servers', () => {
  it('starts a stdio server, lists its tools with descriptions and calls one', async () => {
    const { manager, seen } = managerOf([stdioTestServer('calc')]);
    const status = await manager.start('calc');
    expect(status.state).toBe('ready');
    expect(seen.map((s) => s.state)).toEqual(['starting', 'ready']);
    const add = status.tools.find((tool) => tool.toolName === 'add');
    expect(add).toMatchObject({
      name: 'calc__add',
      description: 'Adds two numbers and says the sum.',
    });
    expect(add?.inputSchema).toMatchObject({
      type: 'object',
      properties: { a: { type: 'number' } },
    });
    expect(await manager.call(add!, { a: 2, b: 40 })).toEqual({
      content: 'The sum is 42.',
      isError: false,
    });
    expect(
      status.log.some((line) => line.source === 'stderr' && line.text.includes('ready on stdio')),
    ).toBe(true);
  });

  it('talks Streamable HTTP with the configured headers', async () => {
    const { manager } = managerOf([httpTestServer('web', http.url, ['Authorization'])]);
    const tools = await manager.toolsOf(['web']);
    const echo = tools.find((tool) => tool.toolName === 'echo')!;
    expect(await manager.call(echo, { text: 'héllo' })).toEqual({
      content: 'héllo',
      isError: false,
    });
    expect(http.seenHeaders.at(-1)?.authorization).toBe('Bearer mcp-secret');
  });

  it('falls back to legacy SSE when the server offers only that', async () => {
    const { manager } = managerOf([httpTestServer('old', sse.url)]);
    const status = await manager.start('old');
    expect(status.state).toBe('ready');
    expect(status.log.some((line) => line.text.includes('legacy SSE'))).toBe(true);
    const add = status.tools.find((tool) => tool.toolName === 'add')!;
    expect((await manager.call(add, { a: 1, b: 1 })).content).toBe('The sum is 2.');
  });

  it('shows a server that will not start as failed, with its command and stderr', async () => {
    const { manager } = managerOf([stdioTestServer('broken', 'crash')]);
    const status = (await manager.toolsOf(['broken']), manager.status('broken'));
    expect(status.state).toBe('failed');
    expect(status.reason).toMatch(/Could not start/);
    expect(status.reason).toContain('stdioServer.ts crash');
    expect(status.reason).toContain('cannot open database /nowhere/db.sqlite');
    // Offered no more until restarted: no new attempt, no new stderr.
    const lines = manager.status('broken').log.length;
    expect(await manager.toolsOf(['broken'])).toEqual([]);
    expect(manager.status('broken')).toMatchObject({ state: 'failed', log: { length: lines } });
  });

  it('says a command that does not exist was not found', async () => {
    const missing = { ...stdioTestServer('ghost'), command: '/nonexistent/mcp-server', args: [] };
    const status = await managerOf([missing]).manager.start('ghost');
    expect(status.state).toBe('failed');
    expect(status.reason).toMatch(/not found|ENOENT/);
  });

  it('times out a server that hangs in its handshake', async () => {
    const started = Date.now();
    const status = await managerOf([stdioTestServer('stuck', 'hang')], {
      startTimeoutMs: 1500,
    }).manager.start('stuck');
    expect(status.state).toBe('failed');
    expect(status.reason).toContain('did not answer within 2 s');
    expect(status.reason).toContain('thinking forever');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('times out a server that answers with lines that are not JSON-RPC', async () => {
    const status = await managerOf([stdioTestServer('noise', 'garbage')], {
      startTimeoutMs: 1500,
    }).manager.start('noise');
    expect(status.state).toBe('failed');
    expect(status.log.some((line) => line.text.startsWith('protocol error'))).toBe(true);
  });

  it('a server that exits mid-call gives an error result and is shown as failed; restart brings it back', async () => {
    const { manager } = managerOf([stdioTestServer('fragile')]);
    const tools = await manager.toolsOf(['fragile']);
    const exits = tools.find((tool) => tool.toolName === 'exits')!;
    const outcome = await manager.call(exits, {});
    expect(outcome.isError).toBe(true);
    expect(outcome.content).toMatch(/closed the connection|exited/);
    await expect.poll(() => manager.status('fragile').state).toBe('failed');
    expect(manager.status('fragile').reason).toContain('leaving mid-call');
    expect((await manager.restart('fragile')).state).toBe('ready');
  });

  it('a call that hangs times out as an error result', async () => {
    const { manager } = managerOf([stdioTestServer('sloth')], { callTimeoutMs: 1000 });
    const slow = (await manager.toolsOf(['sloth'])).find((tool) => tool.toolName === 'slow')!;
    const outcome = await manager.call(slow, {});
    expect(outcome).toEqual({ content: 'The server did not answer within 1 s.', isError: true });
  });

  it('a stopped call ends at once', async () => {
    const { manager } = managerOf([stdioTestServer('sloth2')]);
    const slow = (await manager.toolsOf(['sloth2'])).find((tool) => tool.toolName === 'slow')!;
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const outcome = await manager.call(slow, {}, controller.signal);
    expect(outcome).toEqual({ content: 'The call was stopped.', isError: true });
  });

  it('a tool error, invalid arguments and a huge result come back as outcomes', async () => {
    const { manager } = managerOf([stdioTestServer('misc')], { maxResultChars: 1000 });
    const tools = await manager.toolsOf(['misc']);
    const named = (name: string) => tools.find((tool) => tool.toolName === name)!;
    expect(await manager.call(named('fails'), {})).toEqual({
      content: 'The disk is on fire.',
      isError: true,
    });
    const invalid = await manager.call(named('add'), { a: 'two' });
    expect(invalid.isError).toBe(true);
    expect(invalid.content).toMatch(/Invalid/i);
    const big = await manager.call(named('big'), {});
    expect(big.truncated).toBe(true);
    expect(big.content).toContain(`[Result cut: 1000 of ${BIG_RESULT_CHARS} characters shown.]`);
  });

  it('names tools apart when two servers share a name, and skips disabled servers', async () => {
    const off = { ...stdioTestServer('off'), enabled: false };
    const { manager } = managerOf([
      stdioTestServer('one', 'ok', 'calc'),
      stdioTestServer('two', 'ok', 'calc'),
      off,
    ]);
    const names = (await manager.toolsOf(['one', 'two', 'off'])).map((tool) => tool.name);
    expect(names.filter((name) => name.startsWith('calc__add'))).toEqual([
      'calc__add',
      'calc__add_2',
    ]);
    expect(manager.status('off').state).toBe('stopped');
  });
});
