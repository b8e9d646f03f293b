/** Starting and stopping the emulator's HTTP server. */
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { handleApiRequest } from './api-endpoint';
import { Authenticator } from './authenticate';
import { CallLog } from './call-log';
import { CONTROL_PREFIX, handleControlRequest } from './control-endpoints';
import { FaultInjector } from './fault-injector';
import { Latency } from './latency';
import { sendJson } from './http-io';
import { MinuteLimiter } from './minute-limiter';
import { RateLimiter } from './rate-limiter';
import { parseState } from './state/parse-state';
import { EmulatorStore } from './state/store';
import { EmulatorCall, EmulatorState } from './types';

/** How to start the emulator. */
export interface EmulatorOptions {
  /** TCP port on 127.0.0.1. @default 0 - an ephemeral port */
  port?: number;
  /** The state, or the path of a JSON state file. @default - no images, the `test`/`test` key */
  state?: EmulatorState | string;
  /** Maximum requests per second per access key; overrides `state.rateLimit`. @default - unlimited */
  rateLimit?: number;
  /** Maximum requests per minute per access key and action; overrides `state.rateLimitPerMinute`. @default - unlimited */
  rateLimitPerMinute?: number;
  /** The length of a "minute" of rateLimitPerMinute, to run a minute's dynamics faster in tests. @default 60000 */
  rateLimitWindowMs?: number;
  /** Send `x-acs-retry-after` (ms until the next window) with a per-minute throttle; whether ECS does is unconfirmed. @default false */
  retryAfterHeader?: boolean;
  /** Clock in epoch ms (tests). @default Date.now */
  now?: () => number;
  /** Writes one line per API call to stderr (never stdout). @default false */
  logRequests?: boolean;
  /** Milliseconds to wait before every API answer (a network's round trip). @default 0 */
  latencyMs?: number;
}

/** A started emulator. */
export interface RunningEmulator {
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** The bound port. */
  readonly port: number;
  /** `127.0.0.1:PORT`, what the SDK's `Config.endpoint` wants (with `protocol: 'HTTP'`). */
  readonly endpoint: string;
  /** Every API call so far, in order (same as `GET /__emulator/calls`). */
  calls(): EmulatorCall[];
  /** Stops the server and closes every keep-alive connection. */
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
/** How long an idle keep-alive connection stays open on the server side. */
const IDLE_CONNECTION_MS = 65_000;

/**
 * Starts an ECS API emulator on 127.0.0.1.
 * @throws StateFileError when the state is invalid (before anything listens)
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const clock = options.now ?? Date.now;
  const parsed = parseState(options.state, clock());
  const store = new EmulatorStore(parsed, clock);
  const rateLimit = options.rateLimit ?? parsed.rateLimit;
  const perMinute = options.rateLimitPerMinute ?? parsed.rateLimitPerMinute;
  const callLog = new CallLog();
  const faults = new FaultInjector();
  const latency = new Latency(options.latencyMs ?? 0);
  const timers = new Set<NodeJS.Timeout>();
  const wait = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });
  const logLine = options.logRequests ? (line: string): void => void process.stderr.write(`[ecs-emulator] ${line}\n`) : undefined;
  const apiDependencies = {
    store,
    callLog,
    faults,
    latency,
    clock,
    wait,
    logLine,
    authenticator: new Authenticator(store.accessKeys, clock),
    rateLimiter: rateLimit !== undefined ? new RateLimiter(rateLimit) : undefined,
    minuteLimiter: perMinute !== undefined ? new MinuteLimiter(perMinute, options.rateLimitWindowMs) : undefined,
    retryAfterHeader: options.retryAfterHeader ?? false,
  };

  const server = createServer((request, response) => {
    const handling = (request.url ?? '').startsWith(CONTROL_PREFIX)
      ? handleControlRequest(request, response, { store, faults, callLog, latency })
      : handleApiRequest(request, response, apiDependencies);
    handling.catch((error: Error) => sendJson(response, 500, { Error: error.message }));
  });
  // Let clients close idle keep-alive connections, not the server: when the server's idle timer
  // (5 s by default) fires just as a client reuses the socket, the request fails with "other side
  // closed". Clients (undici, the SDK's agent) give up idle sockets well within a minute, and
  // close() still ends every connection at once.
  server.keepAliveTimeout = IDLE_CONNECTION_MS;
  server.headersTimeout = IDLE_CONNECTION_MS + 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const endpoint = `${HOST}:${port}`;
  return {
    url: `http://${endpoint}`,
    port,
    endpoint,
    calls: () => callLog.all(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        timers.forEach((timer) => clearTimeout(timer));
        timers.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
