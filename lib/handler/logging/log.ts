import { ENV } from '../../protocol/environment';
import { redact } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** Structured logs: one JSON object per line, on stderr, credentials redacted. */
export interface Logger {
  log(level: LogLevel, msg: string, fields?: Record<string, unknown>): void;
}

export function stderrLogger(env: NodeJS.ProcessEnv = process.env, write: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  const threshold = ORDER[(env[ENV.logLevel] as LogLevel | 'silent') ?? 'info'] ?? ORDER.info;
  return {
    log(level, msg, fields) {
      if (ORDER[level] < threshold) return;
      write(redact(JSON.stringify({ level, msg, time: new Date().toISOString(), ...fields }), env) + '\n');
    },
  };
}

export const silentLogger: Logger = { log: () => undefined };
