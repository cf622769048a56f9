/**
 * `npm run --silent cli -- COMMAND …`: headless commands over the same core as the app.
 * Each command lives in its own module; this file only dispatches.
 */
import { runKeys } from './keys';

type Command = (args: string[]) => Promise<number>;

const io = {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
};

const commands: Record<string, Command> = {
  keys: (args) => runKeys(args, io),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(`usage: switchboard <${Object.keys(commands).join('|')}> …\n`);
    return 2;
  }
  return command(args);
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    // Only the message: an error object could carry request details.
    process.stderr.write(`${error instanceof Error ? error.message : 'The command failed.'}\n`);
    process.exitCode = 1;
  },
);
