import { describe, expect, it } from 'vitest'
import { UploadLimiter } from '../../server/uploads/uploadLimits'

describe('UploadLimiter', () => {
  const clock = () => {
    let t = 0
    return { now: () => t, advance: (ms: number) => (t += ms) }
  }

  it('refills over the minute and says exactly when the next upload is allowed', () => {
    const c = clock()
    const limiter = new UploadLimiter(
      { perKey: { uploads: 2, bytes: 1000 }, perIp: { uploads: 10, bytes: 10_000 } },
      c.now,
    )
    expect(limiter.admit('s/participant', 'ip', 0)).toBeNull()
    expect(limiter.admit('s/participant', 'ip', 0)).toBeNull()
    // two a minute: one more after 30 s
    expect(limiter.admit('s/participant', 'ip', 0)).toEqual({
      message: 'too many uploads from this session; try again in a minute',
      retryAfterSeconds: 30,
    })
    c.advance(29_000)
    expect(limiter.admit('s/participant', 'ip', 0)?.retryAfterSeconds).toBe(1)
    c.advance(1000)
    expect(limiter.admit('s/participant', 'ip', 0)).toBeNull()
  })

  it('a refusal takes nothing from the other budget', () => {
    const c = clock()
    const limiter = new UploadLimiter(
      { perKey: { uploads: 1, bytes: 1000 }, perIp: { uploads: 2, bytes: 10_000 } },
      c.now,
    )
    expect(limiter.admit('a', 'ip', 0)).toBeNull()
    expect(limiter.admit('a', 'ip', 0)).not.toBeNull()
    expect(limiter.admit('b', 'ip', 0)).toBeNull() // the address had one left: the refusal took none
    expect(limiter.admit('c', 'ip', 0)?.message).toMatch(/this address/)
  })

  it('charges bytes, and refuses an upload larger than the whole budget with a minute to wait', () => {
    const c = clock()
    const limiter = new UploadLimiter(
      { perKey: { uploads: 10, bytes: 600 }, perIp: { uploads: 10, bytes: 10_000 } },
      c.now,
    )
    expect(limiter.admit('a', 'ip', 500)).toBeNull()
    expect(limiter.charge('a', 'ip', 500)).toBeNull()
    // 100 left, 10 bytes a second: 200 more in 20 s
    expect(limiter.admit('a', 'ip', 300)?.retryAfterSeconds).toBe(20)
    expect(limiter.admit('a', 'ip', 5000)?.retryAfterSeconds).toBe(60)
  })
})
