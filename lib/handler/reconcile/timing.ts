/** The clocks and bounds the reconciler waits with; tests shrink them. */
export interface Timing {
  /** Current time in ms. */
  readonly now: () => number;
  /** First delay between polls of a Creating/Waiting image. */
  readonly settlePollInitialMs: number;
  /** Longest delay between polls of a Creating/Waiting image. */
  readonly settlePollMaxMs: number;
  /** Reads after a ModifyImageAttribute before giving up on seeing the change. */
  readonly readBackAttempts: number;
  /** First delay between read-backs (doubling). */
  readonly readBackDelayMs: number;
}

export const DEFAULT_TIMING: Timing = {
  now: () => Date.now(),
  settlePollInitialMs: 5_000,
  settlePollMaxMs: 30_000,
  readBackAttempts: 8,
  readBackDelayMs: 500,
};
