/**
 * ECS's own limits: about 1000 calls a minute per account and API (ModifyImageAttribute and
 * DescribeImages each), counted in calendar minutes; a throttled caller can call again in the
 * next minute. A fixed window per access key and action models that. Refused calls do not count.
 */
export class MinuteLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  /**
   * @param requestsPerWindow calls admitted per key and action in one window
   * @param windowMs the window's length (60 000 for ECS; tests shrink it to run a minute's dynamics faster)
   */
  constructor(
    private readonly requestsPerWindow: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Counts a call; undefined when admitted, else the milliseconds until the next window opens. */
  admit(accessKeyId: string, action: string, now: number): number | undefined {
    const start = Math.floor(now / this.windowMs) * this.windowMs;
    const key = `${accessKeyId}\u0000${action}`;
    const window = this.windows.get(key);
    const current = window && window.start === start ? window : { start, count: 0 };
    if (current.count >= this.requestsPerWindow) return start + this.windowMs - now;
    current.count += 1;
    this.windows.set(key, current);
    return undefined;
  }
}
