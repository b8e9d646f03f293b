import { parseArgs } from 'util';
import { startEmulator } from '../emulator';
import { USAGE_ERRORS } from '../messages/cli';
import { COMMANDS } from '../protocol/commands';
import { RunCommand } from './command';
import { writeStdout } from './io';
import { UsageError } from './usage-error';

function wholeNumber(value: string | undefined, min: number, max: number, error: (v: string) => string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new UsageError(error(value));
  return Number(value);
}

/** `managed-image emulator`: the local ECS API, until SIGINT or SIGTERM. */
export const runEmulator: RunCommand = async (args) => {
  let values: { 'port'?: string; 'state'?: string; 'rate-limit'?: string; 'latency-ms'?: string; 'log-requests'?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      allowPositionals: false,
      strict: true,
      options: {
        'port': { type: 'string' },
        'state': { type: 'string' },
        'rate-limit': { type: 'string' },
        'latency-ms': { type: 'string' },
        'log-requests': { type: 'boolean' },
      },
    }));
  } catch (e) {
    throw new UsageError(USAGE_ERRORS.badOption(COMMANDS.emulator, (e as Error).message));
  }
  const port = wholeNumber(values.port, 0, 65535, USAGE_ERRORS.badPort);
  const rateLimit = wholeNumber(values['rate-limit'], 1, Number.MAX_SAFE_INTEGER, USAGE_ERRORS.badRateLimit);
  const latencyMs = wholeNumber(values['latency-ms'], 0, 600_000, USAGE_ERRORS.badLatency);
  const emulator = await startEmulator({ port, state: values.state, rateLimit, latencyMs, logRequests: values['log-requests'] });
  // Listen for the stop signals before announcing the URL: a caller may signal as soon as it reads it.
  const stopped = new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void emulator.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  writeStdout(emulator.url);
  await stopped;
  return 0;
};
