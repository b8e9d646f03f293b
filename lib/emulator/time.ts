/** Time helpers shared by the emulator. */

/** Formats epoch milliseconds as the ECS wire format `YYYY-MM-DDTHH:mm:ssZ` (no milliseconds). */
export function formatIsoSeconds(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A clock returning epoch milliseconds. */
export type Clock = () => number;
