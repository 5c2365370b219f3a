import { describe, expect, it } from 'vitest'
import { cjkPart } from '../../client/cjkFont'

describe('the CJK-only copy of Noto Sans SC', () => {
  it('keeps only the ranges from U+2E80 up, so Latin falls through to the system font', () => {
    expect(cjkPart('U+20-22, U+27-2A, U+4E09-4E0B, U+4E0D')).toBe('U+4E09-4E0B, U+4E0D')
    expect(cjkPart('U+2000-3000, U+FF01-FF5E')).toBe('U+2e80-3000, U+FF01-FF5E')
    expect(cjkPart('U+0-FF, U+131')).toBe('')
    expect(cjkPart('U+4E??')).toBe('U+4E??')
  })
})
