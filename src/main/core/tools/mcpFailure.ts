import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { isSaid, spoken, type Spoken } from '../../../shared/said';

/** An MCP client failure in a short sentence a person can act on (English). */
export function failureInWords(error: unknown, timeoutMs: number): string {
  return failureSpoken(error, timeoutMs).message;
}

/** The same sentence with its code, for the person's language. */
export function failureSpoken(error: unknown, timeoutMs: number): Spoken {
  if (error instanceof McpError) {
    if (error.code === Number(ErrorCode.RequestTimeout))
      return spoken('tools.noAnswer', { seconds: Math.round(timeoutMs / 1000) });
    if (error.code === Number(ErrorCode.ConnectionClosed)) return spoken('tools.closed');
    return spoken('tools.serverError', { detail: error.message });
  }
  if (error instanceof Error) {
    // Ours already (a sign-in that failed, a loopback refusal): its code goes on as it is.
    const own = (error as { said?: unknown }).said;
    if (isSaid(own)) return { message: error.message, said: own };
    // fetch says only "fetch failed"; the socket error under it says who could not be reached.
    const cause = error.cause as
      (NodeJS.ErrnoException & { address?: string; port?: number }) | undefined;
    if (error.message === 'fetch failed' && cause?.code)
      return cause.address
        ? spoken('tools.unreachable', {
            host: `${cause.address}${cause.port ? `:${cause.port}` : ''}`,
            code: cause.code,
          })
        : spoken('tools.unreachableServer', { code: cause.code });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return spoken('tools.commandNotFound', { detail: error.message });
    // Said by whatever threw it (the SDK, the OS): shown as it came.
    return spoken('tools.asIs', { detail: error.message });
  }
  return spoken('tools.failed');
}
