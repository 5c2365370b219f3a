import { TokenBucket } from '../relay/rateLimit'

/** `count` actions per `perSeconds`, as a bucket of `count` refilled evenly over `perSeconds`. */
export interface RateQuota {
  readonly count: number
  readonly perSeconds: number
}

/** Addresses remembered per limiter; past this, those whose budget is whole again are forgotten first. */
const MAX_TRACKED = 10_000

/**
 * A budget per client address for one kind of action (creating sessions, importing, joining; any
 * string can be the "address", e.g. a session and an address). A burst of
 * `count` is allowed at once, then one every `perSeconds / count` seconds.
 */
export class AddressRateLimiter {
  private readonly buckets = new Map<string, TokenBucket>()

  constructor(
    private readonly quota: RateQuota,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes one action from the address's budget: null if allowed, else the whole seconds to wait. */
  take(address: string): number | null {
    const wait = this.wait(address)
    if (wait === null) this.bucketOf(address).take(1)
    return wait
  }

  /** Whether the address may act now (null), else the whole seconds to wait; takes nothing. */
  wait(address: string): number | null {
    const wait = this.bucketOf(address).waitMs(1)
    if (wait <= 0) return null
    return Number.isFinite(wait) ? Math.max(1, Math.ceil(wait / 1000)) : this.quota.perSeconds
  }

  private bucketOf(address: string): TokenBucket {
    let bucket = this.buckets.get(address)
    if (!bucket) {
      if (this.buckets.size >= MAX_TRACKED) this.forgetWhole()
      bucket = new TokenBucket(this.quota.count, this.quota.count / this.quota.perSeconds, this.now)
      this.buckets.set(address, bucket)
    }
    return bucket
  }

  /** Forgets addresses whose budget is whole again (they lose nothing); all of them if none is. */
  private forgetWhole(): void {
    for (const [address, b] of this.buckets) if (b.isFull()) this.buckets.delete(address)
    if (this.buckets.size >= MAX_TRACKED) this.buckets.clear()
  }
}

/** A quota as people read it: "60 per hour", "20 per 10 minutes". */
export function describeQuota(q: RateQuota): string {
  const units: [number, string][] = [
    [3600, 'hour'],
    [60, 'minute'],
    [1, 'second'],
  ]
  const [size, name] = units.find(([s]) => q.perSeconds % s === 0) ?? [1, 'second']
  const n = q.perSeconds / size
  return `${q.count} per ${n === 1 ? name : `${n} ${name}s`}`
}
