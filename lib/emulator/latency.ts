/**
 * A delay before every API answer, like a real network's round trip: races between concurrent
 * clients (two handlers reading a family before either writes) show up under it as they would
 * against the real service. Set at start (`latencyMs`, `--latency-ms`) or at run time
 * (`POST /__emulator/latency`).
 */
export class Latency {
  constructor(public delayMs = 0) {}

  /** Sets the delay from a control request body `{"DelayMs": N}`. @throws RangeError for a bad value */
  set(body: unknown): void {
    const delay = (body as { DelayMs?: unknown } | null)?.DelayMs;
    if (typeof delay !== 'number' || !Number.isSafeInteger(delay) || delay < 0)
      throw new RangeError('"DelayMs" must be a whole number of milliseconds, 0 or more.');
    this.delayMs = delay;
  }
}
