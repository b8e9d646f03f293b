import { parseArgs } from 'util';
import { startEmulator, StateFileError } from '../emulator';
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

/** The command's options, as util.parseArgs reads them. */
const OPTIONS = {
  'port': { type: 'string' },
  'state': { type: 'string' },
  'rate-limit': { type: 'string' },
  'rate-limit-per-minute': { type: 'string' },
  'retry-after': { type: 'boolean' },
  'latency-ms': { type: 'string' },
  'log-requests': { type: 'boolean' },
} as const;

/** `managed-image emulator`: the local ECS API, until SIGINT or SIGTERM. */
export const runEmulator: RunCommand = async (args) => {
  let values: { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };
  try {
    ({ values } = parseArgs({ args, allowPositionals: false, strict: true, options: OPTIONS }));
  } catch (e) {
    throw new UsageError(USAGE_ERRORS.badOption(COMMANDS.emulator, (e as Error).message));
  }
  const options = {
    port: wholeNumber(values.port, 0, 65535, USAGE_ERRORS.badPort),
    state: values.state,
    rateLimit: wholeNumber(values['rate-limit'], 1, Number.MAX_SAFE_INTEGER, USAGE_ERRORS.badRateLimit),
    rateLimitPerMinute: wholeNumber(values['rate-limit-per-minute'], 1, Number.MAX_SAFE_INTEGER, USAGE_ERRORS.badRateLimit),
    retryAfterHeader: values['retry-after'],
    latencyMs: wholeNumber(values['latency-ms'], 0, 600_000, USAGE_ERRORS.badLatency),
    logRequests: values['log-requests'],
  };
  // A --state file that is missing or not a valid state is the caller's to fix, not a bug.
  const emulator = await startEmulator(options).catch((e: unknown) => {
    throw e instanceof StateFileError ? new UsageError(USAGE_ERRORS.badOption(COMMANDS.emulator, e.message)) : e;
  });
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
