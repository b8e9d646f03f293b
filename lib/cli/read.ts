import { parseArgs } from 'util';
import { createReader, ReadQuery } from '../handler/reader';
import { USAGE_ERRORS } from '../messages/cli';
import { COMMANDS } from '../protocol/commands';
import { RunCommand } from './command';
import { parseJsonObject, readStdin, writeStdout } from './io';
import { UsageError } from './usage-error';

/**
 * `managed-image read`: Terraform's external data source protocol. A JSON object of strings on
 * stdin, a flat JSON object of strings on stdout, no side effects.
 */
export const runRead: RunCommand = async (args) => {
  try {
    parseArgs({ args, allowPositionals: false, strict: true, options: {} });
  } catch (e) {
    throw new UsageError(USAGE_ERRORS.badOption(COMMANDS.read, (e as Error).message));
  }
  const query = parseJsonObject(await readStdin('query'), 'query');
  for (const [key, value] of Object.entries(query)) if (typeof value !== 'string') throw new UsageError(USAGE_ERRORS.queryNotStrings(key));
  const result = await createReader()(query as ReadQuery);
  writeStdout(JSON.stringify(result));
  return 0;
};
