/**
 * `npm run --silent cli -- ask …`: the same provider engine as the app, headless.
 * Nothing here prints a key: errors and exchange output pass through redaction first.
 */
import { createInterface } from 'node:readline/promises';
import { envKeyNames } from '../main/core/profiles/envProfile';
import { redactSecrets } from '../main/core/providers/redact';
import { parseAskArgs, parseCompareArgs, parseModelsArgs, UsageError, usageText } from './args';
import { runCompare } from './compare';
import { runAsk, type CliIo } from './ask';
import { runKeys } from './keys';
import { runModels } from './models';
import { parseUsageArgs, runUsage, usageCommandText } from './usage';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** One answer typed on the terminal (--approve ask); none when stdin is not a terminal. */
async function askLine(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const controller = new AbortController();
  // First Ctrl-C stops the answer (keeping what came); a second one leaves at once.
  process.once('SIGINT', () => {
    controller.abort();
    process.once('SIGINT', () => process.exit(130));
  });
  const io: CliIo = {
    env: process.env,
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readStdin,
    ...(process.stdin.isTTY ? { askLine } : {}),
    signal: controller.signal,
  };
  const [command, ...rest] = argv;
  try {
    if (command === 'ask') return await runAsk(parseAskArgs(rest), io);
    if (command === 'compare') return await runCompare(parseCompareArgs(rest), io);
    if (command === 'models') return await runModels(parseModelsArgs(rest), io);
    if (command === 'keys') {
      const streams = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
      return await runKeys(rest, { ...streams, env: process.env });
    }
    if (command === 'usage') {
      if (rest.includes('--help')) {
        io.stdout(`${usageCommandText}\n`);
        return 0;
      }
      try {
        return runUsage(parseUsageArgs(rest), io);
      } catch (error) {
        // A bad flag here gets this command's own help, not ask's.
        if (!(error instanceof UsageError)) throw error;
        io.stderr(`${error.message}\n${usageCommandText}\n`);
        return 2;
      }
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      io.stdout(`${usageText}\n${usageCommandText}\n`);
      return 0;
    }
    throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  } catch (error) {
    const secrets = envKeyNames.map((name) => process.env[name]);
    if (error instanceof UsageError) {
      io.stderr(`${redactSecrets(error.message, secrets)}\n${usageText}\n`);
      return 2;
    }
    io.stderr(
      `error: ${redactSecrets(error instanceof Error ? error.message : String(error), secrets)}\n`,
    );
    return 1;
  }
}

const code = await main(process.argv.slice(2));
// Exit once output is flushed: idle keep-alive sockets must not hold the process open.
process.stdout.write('', () => process.exit(code));
