/**
 * The contract between the construct (which synthesizes programs and provisioners) and the CLI and
 * handler (which run them): subcommand names, the read protocol, resource keys, the event shape,
 * environment variables. Both sides import it, so the compiler keeps them in step.
 */
export * from './commands';
export * from './read';
export * from './resource-keys';
export * from './event';
export * from './environment';
export * from './sync-tag';
export * from './family-event';
export * from './ram-actions';
