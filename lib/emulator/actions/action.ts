/** The contract between the HTTP server and one API action. */
import { Params } from '../params';
import { EmulatorStore } from '../state/store';

/** What an action handler gets. */
export interface ActionContext {
  /** The decoded query parameters. */
  readonly params: Params;
  /** The account of the access key that signed the request. */
  readonly accountId: string;
  /** The emulator state. */
  readonly store: EmulatorStore;
}

/**
 * Runs one call: returns the success body (the server adds `RequestId`), or throws an `ApiError`.
 * A handler must either apply all of its changes or none.
 */
export type ActionHandler = (context: ActionContext) => Record<string, unknown>;
