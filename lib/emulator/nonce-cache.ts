/** Remembers signature nonces for a time window to refuse replays (`SignatureNonceUsed`). */
export class NonceCache {
  /** Nonce ⇒ epoch ms when first seen; Map iteration order is insertion order, so oldest first. */
  private readonly seen = new Map<string, number>();

  constructor(private readonly windowMs: number) {}

  /** Records `nonce` at `now`; false when it was already used within the window. */
  use(nonce: string, now: number): boolean {
    this.forgetOlderThan(now - this.windowMs);
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, now);
    return true;
  }

  private forgetOlderThan(limit: number): void {
    for (const [nonce, at] of this.seen) {
      if (at > limit) break;
      this.seen.delete(nonce);
    }
  }
}
