import { HELP, USAGE_ERRORS } from '../messages/cli';
import { COMMANDS as NAMES } from '../protocol/commands';
import { Command } from './command';
import { reportFailure } from './failure';
import { UsageError } from './usage-error';

declare const PACKAGE_VERSION: string | undefined;

const COMMANDS: readonly Command[] = [
  { name: NAMES.handle, help: HELP.handle, load: async () => (await import('./handle')).runHandle },
  { name: NAMES.read, help: HELP.read, load: async () => (await import('./read')).runRead },
  { name: NAMES.emulator, help: HELP.emulator, load: async () => (await import('./emulator')).runEmulator },
];
const isHelp = (a: string | undefined) => a === '-h' || a === '--help';

/** Runs `managed-image` with the given arguments and resolves to the exit status. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (isHelp(name)) return help(HELP.main);
    if (name === '-v' || name === '--version') return help(typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : 'dev');
    if (name === undefined) throw new UsageError(USAGE_ERRORS.noCommand());
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new UsageError(USAGE_ERRORS.unknownCommand(name));
    if (rest.some(isHelp)) return help(command.help);
    const run = await command.load();
    return await run(rest);
  } catch (e) {
    return reportFailure(e);
  }
}

function help(text: string): number {
  process.stdout.write(text.endsWith('\n') ? text : text + '\n');
  return 0;
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((status) => {
    process.exitCode = status;
  });
}
