import { TokenBucket } from '../relay/rateLimit'

/** How many uploads, and how many bytes of them, one party may make per minute. */
export interface UploadQuota {
  readonly uploads: number
  readonly bytes: number
}

export interface UploadLimits {
  /** Per session and key (so a participants' flood never locks the facilitator out). */
  readonly perKey: UploadQuota
  /**
   * Per client IP address, across sessions. Behind a reverse proxy every client has the proxy's
   * address, and this becomes a limit for the whole server: it is set well above `perKey`.
   */
  readonly perIp: UploadQuota
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  perKey: { uploads: 60, bytes: 100 * 1024 * 1024 },
  perIp: { uploads: 240, bytes: 400 * 1024 * 1024 },
}

/** Remembered parties; past this, those whose budget is whole again are forgotten first. */
const MAX_TRACKED = 10_000

interface Budget {
  readonly uploads: TokenBucket
  readonly bytes: TokenBucket
}

/** A refusal: which limit, and how long until the upload would be allowed. */
export interface UploadRefusal {
  readonly message: string
  readonly retryAfterSeconds: number
}

/**
 * Upload budgets per key and per IP address, each refilled continuously over a minute. `admit` is
 * asked before the body is read (with its declared length), `charge` after (with its real length).
 */
export class UploadLimiter {
  private readonly budgets = new Map<string, Budget>()

  constructor(
    private readonly limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes one upload from both budgets, or says why not (taking nothing); checks `bytes` if known. */
  admit(key: string, ip: string, bytes: number): UploadRefusal | null {
    const parties = this.parties(key, ip)
    const wait = Math.max(
      ...parties.map(({ budget }) => budget.uploads.waitMs(1)),
      ...parties.map(({ budget }) => budget.bytes.waitMs(bytes)),
    )
    if (wait > 0) return refusal(parties, bytes, wait)
    for (const { budget } of parties) budget.uploads.take(1)
    return null
  }

  /** Takes an upload's bytes from both budgets once its real size is known; says so if over. */
  charge(key: string, ip: string, bytes: number): UploadRefusal | null {
    const parties = this.parties(key, ip)
    const wait = Math.max(...parties.map(({ budget }) => budget.bytes.waitMs(bytes)))
    if (wait > 0) return refusal(parties, bytes, wait)
    for (const { budget } of parties) budget.bytes.take(bytes)
    return null
  }

  /**
   * Takes an import's images from the address's budget alone (an import has no key yet): as many
   * uploads as it has images and their bytes, or says why not (taking nothing).
   */
  admitImport(ip: string, uploads: number, bytes: number): UploadRefusal | null {
    if (uploads === 0) return null
    const budget = this.budget(`ip:${ip}`, this.limits.perIp)
    const wait = Math.max(budget.uploads.waitMs(uploads), budget.bytes.waitMs(bytes))
    if (wait === Infinity)
      return {
        message: `the export has more images (${uploads}) or image bytes than this server takes from one address in a minute (${this.limits.perIp.uploads} images, ${this.limits.perIp.bytes} bytes)`,
        retryAfterSeconds: 60,
      }
    if (wait > 0)
      return {
        message: `too many uploads from this address for the export's ${uploads} images; try again in a minute`,
        retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)),
      }
    budget.uploads.take(uploads)
    budget.bytes.take(bytes)
    return null
  }

  private parties(key: string, ip: string): { what: string; budget: Budget }[] {
    return [
      {
        what: key.includes('/person/') ? 'you' : 'this session',
        budget: this.budget(`key:${key}`, this.limits.perKey),
      },
      { what: 'this address', budget: this.budget(`ip:${ip}`, this.limits.perIp) },
    ]
  }

  private budget(id: string, quota: UploadQuota): Budget {
    let b = this.budgets.get(id)
    if (!b) {
      if (this.budgets.size >= MAX_TRACKED) this.forgetWhole()
      b = {
        uploads: new TokenBucket(quota.uploads, quota.uploads / 60, this.now),
        bytes: new TokenBucket(quota.bytes, quota.bytes / 60, this.now),
      }
      this.budgets.set(id, b)
    }
    return b
  }

  /** Forgets parties whose budget is whole again (they lose nothing); all of them if none is. */
  private forgetWhole(): void {
    for (const [id, b] of this.budgets) if (b.uploads.isFull() && b.bytes.isFull()) this.budgets.delete(id)
    if (this.budgets.size >= MAX_TRACKED) this.budgets.clear()
  }
}

function refusal(parties: { what: string; budget: Budget }[], bytes: number, waitMs: number): UploadRefusal {
  const over = parties.find((p) => p.budget.uploads.waitMs(1) > 0 || p.budget.bytes.waitMs(bytes) > 0)
  const what = over?.what ?? 'this session'
  return {
    message: `too many uploads from ${what}; try again in a minute`,
    retryAfterSeconds: Number.isFinite(waitMs) ? Math.max(1, Math.ceil(waitMs / 1000)) : 60,
  }
}
