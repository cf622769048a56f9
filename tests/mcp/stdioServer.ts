/**
 * A stdio MCP server for tests and the e2e: `node --import tsx tests/mcp/stdioServer.ts [mode]`.
 * Modes: (none) a working server; `crash` writes to stderr and exits before the handshake;
 * `hang` reads its input and never answers; `garbage` answers with lines that are not JSON-RPC.
 */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { testToolServer } from './testTools';

const mode = process.argv[2] ?? 'ok';

if (mode === 'crash') {
  process.stderr.write('test server: cannot open database /nowhere/db.sqlite\n');
  process.exit(2);
} else if (mode === 'hang') {
  process.stdin.resume();
  process.stderr.write('test server: thinking forever\n');
} else if (mode === 'garbage') {
  process.stdin.on('data', () => process.stdout.write('this is not json-rpc\n{"jsonrpc":"1.0"}\n'));
} else {
  process.stderr.write('test server: ready on stdio\n');
  await testToolServer('stdio-test').connect(new StdioServerTransport());
}
