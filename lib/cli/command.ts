/** Runs one subcommand with its arguments; resolves to the exit status. Throws UsageError for bad usage. */
export type RunCommand = (args: string[]) => Promise<number>;

/**
 * One subcommand of `managed-image`: its name and help text, and its code, loaded only when it
 * runs. So `--help` and usage errors load neither the SDK nor the emulator, `emulator` never loads
 * the SDK, and `handle`/`read` never load the emulator: start-up cost is paid only for what runs.
 */
export interface Command {
  readonly name: string;
  readonly help: string;
  load(): Promise<RunCommand>;
}
