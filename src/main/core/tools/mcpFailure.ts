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
    // fetch says only "fetch failed"; the socket error under it says who could not be reached.
    const cause = error.cause as
      (NodeJS.ErrnoException & { address?: string; port?: number }) | undefined;
    if (error.message === 'fetch failed' && cause?.code)
      return `Could not reach ${cause.address ?? 'the server'}${cause.port ? `:${cause.port}` : ''} (${cause.code}).`;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return `The command was not found (${error.message}).`;
    return error.message;
  }
  return 'The server failed.';
}
