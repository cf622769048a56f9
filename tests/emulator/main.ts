/** `tsx tests/emulator/main.ts [--port P]`: runs the provider emulator alone (e2e, manual tries). */
import { parseArgs } from 'node:util';
import { startEmulator } from './server';

const { values } = parseArgs({ options: { port: { type: 'string' }, rate: { type: 'string' } } });
const emulator = await startEmulator({
  port: values.port ? Number(values.port) : 0,
  ...(values.rate ? { defaultRate: Number(values.rate) } : {}),
});
console.log(`Provider emulator ready at ${emulator.url}`);
const stop = () => void emulator.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
