import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';

/** An MCP client failure in a short sentence a person can act on. */
export function failureInWords(error: unknown, timeoutMs: number): string {
  if (error instanceof McpError) {
    if (error.code === Number(ErrorCode.RequestTimeout))
      return `The server did not answer within ${Math.round(timeoutMs / 1000)} s.`;
    if (error.code === Number(ErrorCode.ConnectionClosed))
      return 'The server closed the connection.';
    return `The server answered with an error: ${error.message}`;
  }
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return `The command was not found (${error.message}).`;
    return error.message;
  }
  return 'The server failed.';
}
