import type { z } from 'zod';

/**
 * One invoke channel of the contract: its request schema, and its response type carried as a
 * type only (the value is never read). Every channel file of `invokeChannels` builds with it.
 */
export function invoke<Response>() {
  return <Request extends z.ZodType>(request: Request) => ({
    request,
    response: undefined as unknown as Response,
  });
}
