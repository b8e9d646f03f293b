/**
 * The subcommands of the `managed-image` CLI. The construct names them in the programs and
 * provisioners it synthesizes, and the CLI dispatches on them: both import these constants.
 */
export const COMMANDS = {
  /** Runs the handler on one custom-resource event (see event.ts). */
  handle: 'handle',
  /** The external data source program: reads images at plan time (see read.ts). */
  read: 'read',
  /** Starts the local ECS API emulator. */
  emulator: 'emulator',
} as const;

export type CommandName = (typeof COMMANDS)[keyof typeof COMMANDS];
