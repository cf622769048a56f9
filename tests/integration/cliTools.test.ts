import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator/server';
import { stdioServerScript } from '../support/mcpServers';
import { runCli, type CliRun } from '../support/cliProcess';
import { startOAuthMcpServer } from '../mcp/oauthServer';

const dir = mkdtempSync(join(tmpdir(), 'switchboard-cli-tools-'));
const mcpConfig = join(dir, 'mcp.json');
writeFileSync(
  mcpConfig,
  JSON.stringify({
    mcpServers: {
      calc: { command: process.execPath, args: ['--import', 'tsx', stdioServerScript] },
    },
  }),
);

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator?.close();
});

function cli(args: string[]): Promise<CliRun> {
  return runCli(args, {
    SWITCHBOARD_CONFIG_DIR: dir,
    OPENAI_BASE_URL: emulator.url,
    OPENAI_API_KEY: 'sk-cli-tools-0001',
  });
}

const ask = ['ask', '--provider', 'openai', '--model', 'emu-1', '--mcp-config', mcpConfig];

describe('cli ask --mcp-config', () => {
  it('--approve all: calls the tool, --json lists the call and its result, --verbose shows the steps', async () => {
    const run = await cli([
      ...ask,
      '--approve',
      'all',
      '--json',
      '--verbose',
      'Sum [tool=add tool_args={"a":2,"b":40}]',
    ]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(result.text).toBe('Tool said: The sum is 42.');
    expect(result.toolCalls).toEqual([
      { callId: 'call_emu_1_1', name: 'calc__add', serverId: 'calc', arguments: '{"a":2,"b":40}' },
    ]);
    expect(result.toolResults).toEqual([
      { callId: 'call_emu_1_1', content: 'The sum is 42.', isError: false },
    ]);
    expect(run.stderr).toContain('tool call: calc__add {"a":2,"b":40}');
    expect(run.stderr).toContain('tool result: The sum is 42.');
  });

  it('--approve none: the call is denied and the model is told', async () => {
    const run = await cli([...ask, '--approve', 'none', 'Sum [tool=add tool_args={"a":1,"b":1}]']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Tool said: The person denied this tool call.');
  });

  it('--max-steps 1: the loop stops after the first provider call, saying so', async () => {
    const prompt = 'Sum [tool=add tool_args={"a":2,"b":40}]';
    const run = await cli([...ask, '--approve', 'all', '--max-steps', '1', '--json', prompt]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(result.text).toContain(
      'the limit of 1 tool steps was reached. Raise it with --max-steps',
    );
    expect(result.toolResults ?? []).toEqual([]);
    const bad = await cli([...ask, '--max-steps', '0', prompt]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-steps');
  });

  it('an OAuth server is named as needing sign-in and left out; the answer still comes', async () => {
    const oauth = await startOAuthMcpServer();
    try {
      const file = join(dir, 'oauth.json');
      writeFileSync(file, JSON.stringify({ mcpServers: { docs: { url: oauth.url } } }));
      const run = await cli([...ask.slice(0, -1), file, 'hi']);
      expect(run.code).toBe(0);
      expect(run.stderr).toContain('tool server docs asks for an OAuth sign-in');
      expect(oauth.provider.counts.registrations).toBe(0);
    } finally {
      await oauth.close();
    }
  });

  it('a config that is not an mcpServers file is bad usage', async () => {
    writeFileSync(join(dir, 'bad.json'), '{"servers":{}}');
    const run = await cli([
      'ask',
      '--provider',
      'openai',
      '--model',
      'emu-1',
      '--mcp-config',
      join(dir, 'bad.json'),
      'hi',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('mcpServers');
  });
});
