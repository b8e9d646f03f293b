import { USAGE_ERRORS } from '../messages/cli';
import { UsageError } from './usage-error';

/** The most stdin a command reads: an event or a query of thousands of images fits many times over. */
export const MAX_STDIN_BYTES = 8 * 1024 * 1024;

/**
 * Reads stdin, at most `limit` bytes (more is refused, not buffered), as strict UTF-8: invalid
 * bytes are refused rather than turned into U+FFFD and written to an image as such.
 */
export async function readStdin(what: string, stdin: NodeJS.ReadableStream = process.stdin, limit = MAX_STDIN_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > limit) throw new UsageError(USAGE_ERRORS.stdinTooLarge(what, limit));
    chunks.push(buffer);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new UsageError(USAGE_ERRORS.notUtf8(what));
  }
}

/** Parses a JSON object or throws a usage error naming what it was. */
export function parseJsonObject(text: string, what: string): Record<string, unknown> {
  if (!text.trim()) throw new UsageError(USAGE_ERRORS.emptyStdin(what));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new UsageError(USAGE_ERRORS.badJson(what, (e as Error).message));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError(USAGE_ERRORS.notAnObject(what));
  return value as Record<string, unknown>;
}

export function writeStdout(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : text + '\n');
}
