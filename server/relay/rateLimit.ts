/** A token bucket: `capacity` tokens, refilled at `perSecond`; `take` says whether there were enough. */
export class TokenBucket {
  private tokens: number
  private last: number

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = capacity
    this.last = now()
  }

  take(cost = 1): boolean {
    this.refill()
    if (this.tokens < cost) return false
    this.tokens -= cost
    return true
  }

  /** Milliseconds until `cost` tokens will be there (0 if they are now; Infinity past the capacity). */
  waitMs(cost = 1): number {
    this.refill()
    if (this.tokens >= cost) return 0
    if (cost > this.capacity) return Infinity
    return ((cost - this.tokens) / this.perSecond) * 1000
  }

  /** Whether the bucket is full again: a full bucket remembers nothing and can be forgotten. */
  isFull(): boolean {
    this.refill()
    return this.tokens >= this.capacity
  }

  private refill(): void {
    const t = this.now()
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) / 1000) * this.perSecond)
    this.last = t
  }
}
