import { describe, expect, it } from 'vitest'
import { acceptedEncodings, etagOf, matchesEtag } from '../../server/http/precompress'

describe('Accept-Encoding negotiation', () => {
  it('prefers brotli, then gzip, among what the browser takes', () => {
    expect(acceptedEncodings('gzip, deflate, br, zstd')).toEqual(['br', 'gzip'])
    expect(acceptedEncodings('gzip')).toEqual(['gzip'])
    expect(acceptedEncodings(undefined)).toEqual([])
    expect(acceptedEncodings('identity')).toEqual([])
  })
  it('honours q values, q=0 refusing, and the wildcard', () => {
    expect(acceptedEncodings('br;q=0, gzip;q=0.5')).toEqual(['gzip'])
    expect(acceptedEncodings('*')).toEqual(['br', 'gzip'])
    expect(acceptedEncodings('*;q=0.1, br;q=0')).toEqual(['gzip'])
    expect(acceptedEncodings('BR ; Q=1')).toEqual(['br'])
    expect(acceptedEncodings('gzip;q=nonsense')).toEqual([])
    expect(acceptedEncodings(['gzip', 'br'])).toEqual(['br', 'gzip'])
  })
})

describe('validators', () => {
  it('differ per encoding and match weak or listed forms', () => {
    const plain = etagOf({ size: 10, mtimeMs: 1000, encoding: null })
    const br = etagOf({ size: 10, mtimeMs: 1000, encoding: 'br' })
    expect(plain).not.toBe(br)
    expect(matchesEtag(`"x", W/${br}`, br)).toBe(true)
    expect(matchesEtag('*', br)).toBe(true)
    expect(matchesEtag(plain, br)).toBe(false)
    expect(matchesEtag(undefined, br)).toBe(false)
  })
})
