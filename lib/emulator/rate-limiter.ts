/** Sliding one-second window of accepted requests per access key (`Throttling.User` beyond the limit). */
export class RateLimiter {
  private readonly recent = new Map<string, number[]>();

  constructor(private readonly requestsPerSecond: number) {}

  /** Counts a request of `accessKeyId` at `now`; false when it exceeds the limit (and is not counted). */
  admit(accessKeyId: string, now: number): boolean {
    const times = (this.recent.get(accessKeyId) ?? []).filter((time) => time > now - 1000);
    const admitted = times.length < this.requestsPerSecond;
    if (admitted) times.push(now);
    this.recent.set(accessKeyId, times);
    return admitted;
  }
}
