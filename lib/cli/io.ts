import { USAGE_ERRORS } from '../messages/cli';
import { UsageError } from './usage-error';

export async function readStdin(stdin: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks).toString('utf8');
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
