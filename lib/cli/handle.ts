import { parseArgs } from 'util';
import { ManagedImageEvent } from '../protocol/event';
import { COMMANDS } from '../protocol/commands';
import { createHandler } from '../handler/handler';
import { USAGE_ERRORS } from '../messages/cli';
import { RunCommand } from './command';
import { parseJsonObject, readStdin, writeStdout } from './io';
import { UsageError } from './usage-error';

/**
 * True while the process that started this one (the engine, running the provisioner) lives.
 * When the engine is killed, the orphan is adopted by init or a subreaper and its parent id
 * changes: from then on it must not write (a newer apply may already have decided otherwise).
 */
function whileParentLives(): () => boolean {
  const parent = process.ppid;
  return () => process.ppid === parent;
}

/** `managed-image handle [EVENT_JSON]`: one event in, the response JSON out. */
export const runHandle: RunCommand = async (args) => {
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: {} }));
  } catch (e) {
    throw new UsageError(USAGE_ERRORS.badOption(COMMANDS.handle, (e as Error).message));
  }
  if (positionals.length > 1) throw new UsageError(USAGE_ERRORS.badOption(COMMANDS.handle, 'expected at most one EVENT_JSON argument'));
  const text = positionals.length === 1 && positionals[0] !== '-' ? positionals[0] : await readStdin('event');
  const event = parseJsonObject(text, 'event') as unknown as ManagedImageEvent;
  const response = await createHandler({ mayWrite: whileParentLives() })(event);
  writeStdout(JSON.stringify(response));
  return 0;
};
