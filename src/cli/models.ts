import { listModels } from '../main/core/providers/streamChat';
import type { ConnectionArgs } from './args';
import { targetFromArgs, type CliIo } from './ask';

/** `models`: what the profile's models endpoint offers, one id a line (or JSON). */
export async function runModels(
  args: ConnectionArgs & { json: boolean },
  io: CliIo,
): Promise<number> {
  const target = targetFromArgs(args, io.env);
  const result = await listModels(target, { signal: io.signal });
  if (args.json) {
    io.stdout(
      `${JSON.stringify(result.ok ? { models: result.models, error: null } : { models: [], error: result.error })}\n`,
    );
  } else if (result.ok) {
    for (const model of result.models)
      io.stdout(`${model.id}${model.name ? `\t${model.name}` : ''}\n`);
  } else {
    const status = result.error.status !== null ? ` ${result.error.status}` : '';
    io.stderr(`error: ${result.error.kind}${status}: ${result.error.message}\n`);
  }
  return result.ok ? 0 : 1;
}
