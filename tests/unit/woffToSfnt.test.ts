import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { woffToSfnt } from '../../shared/report/woffToSfnt'

const FONT = 'node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-100-400-normal.woff'

/** Looks a table up in a TrueType file's directory. */
function table(ttf: Uint8Array, name: string): Uint8Array | null {
  const view = new DataView(ttf.buffer, ttf.byteOffset, ttf.byteLength)
  for (let i = 0; i < view.getUint16(4); i++) {
    const record = 12 + 16 * i
    const tag = String.fromCharCode(...ttf.subarray(record, record + 4))
    if (tag === name) {
      const at = view.getUint32(record + 8)
      return ttf.subarray(at, at + view.getUint32(record + 12))
    }
  }
  return null
}

test('a WOFF subset of Noto Sans SC unpacks to a TrueType file with its tables intact', () => {
  const woff = new Uint8Array(readFileSync(FONT))
  const ttf = woffToSfnt(woff)
  const view = new DataView(ttf.buffer)
  expect(view.getUint32(0)).toBe(0x00010000) // TrueType outlines, as jsPDF needs
  const tables = view.getUint16(4)
  expect(tables).toBe(new DataView(woff.buffer, woff.byteOffset).getUint16(12))
  expect(ttf.length).toBeGreaterThan(woff.length) // the tables were inflated
  const head = table(ttf, 'head')!
  expect(new DataView(head.buffer, head.byteOffset).getUint32(12)).toBe(0x5f0f3cf5) // head's magic number
  for (const name of ['cmap', 'glyf', 'loca', 'hmtx', 'name']) expect(table(ttf, name), name).not.toBeNull()
  // the directory's search fields follow the spec (binary search over 16-byte records)
  const power = 2 ** Math.floor(Math.log2(tables))
  expect(view.getUint16(6)).toBe(power * 16)
  expect(view.getUint16(10)).toBe(tables * 16 - power * 16)
})

test('anything but WOFF 1.0 is refused', () => {
  expect(() => woffToSfnt(new Uint8Array(64))).toThrow(/WOFF/)
})

test('unicode-range values of @font-face rules become code point ranges', async () => {
  const { parseUnicodeRange } = await import('../../client/export/pdfFonts')
  expect(parseUnicodeRange('U+4E00-4E0F, U+1f1e9,U+30??')).toEqual([
    [0x4e00, 0x4e0f],
    [0x1f1e9, 0x1f1e9],
    [0x3000, 0x30ff],
  ])
  expect(parseUnicodeRange('')).toEqual([[0, 0x10ffff]])
})
