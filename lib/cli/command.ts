/** One subcommand of `managed-image`: its help text and what it runs. */
export interface Command {
  readonly name: string;
  readonly help: string;
  /** Runs the command; resolves to the exit status. Throws UsageError for bad usage. */
  run(args: string[]): Promise<number>;
}
