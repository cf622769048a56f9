/**
 * The tools every test MCP server offers, written with the SDK's server side (McpServer), so the
 * client is tested against the real protocol, never a mock of it.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

/** Characters in the answer of `big`: far over any result limit the client sets. */
export const BIG_RESULT_CHARS = 300_000;

export function testToolServer(name: string): McpServer {
  const server = new McpServer({ name, version: '1.0.0' });
  server.registerTool(
    'add',
    {
      description: 'Adds two numbers and says the sum.',
      inputSchema: { a: z.number(), b: z.number() },
    },
    ({ a, b }) => ({ content: [{ type: 'text', text: `The sum is ${a + b}.` }] }),
  );
  server.registerTool(
    'echo',
    { description: 'Says back what it was given.', inputSchema: { text: z.string() } },
    ({ text }) => ({ content: [{ type: 'text', text }] }),
  );
  server.registerTool('big', { description: 'Answers with a very long text.' }, () => ({
    content: [{ type: 'text', text: 'x'.repeat(BIG_RESULT_CHARS) }],
  }));
  server.registerTool('fails', { description: 'Always reports an error.' }, () => ({
    content: [{ type: 'text', text: 'The disk is on fire.' }],
    isError: true,
  }));
  server.registerTool('slow', { description: 'Never answers in time.' }, async () => {
    await new Promise((resolve) => setTimeout(resolve, 60_000));
    return { content: [{ type: 'text', text: 'late' }] };
  });
  server.registerTool('exits', { description: 'Ends the server mid-call.' }, () => {
    process.stderr.write('exits: leaving mid-call\n');
    process.exit(3);
  });
  return server;
}
