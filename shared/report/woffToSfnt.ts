import { unzlibSync } from 'fflate'

/**
 * Unpacks a WOFF 1.0 font into the plain TrueType/OpenType file it wraps (WOFF is the same tables,
 * each zlib-compressed when that made it smaller). jsPDF embeds TrueType files, not WOFF.
 * Format: https://www.w3.org/TR/WOFF/ — a 44-byte header, 20-byte table entries, then the tables.
 */
export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength)
  if (view.getUint32(0) !== 0x774f4646) throw new Error('Not a WOFF 1.0 font.') // 'wOFF'
  const flavor = view.getUint32(4)
  const numTables = view.getUint16(12)
  const tables = readTables(woff, view, numTables)
  // sfnt layout: 12-byte offset table, 16-byte records, then the tables, each padded to 4 bytes
  let offset = 12 + 16 * numTables
  const placed = tables.map((t) => {
    const at = offset
    offset += (t.data.length + 3) & ~3
    return { ...t, at }
  })
  const out = new Uint8Array(offset)
  const o = new DataView(out.buffer)
  const power = 2 ** Math.floor(Math.log2(numTables))
  o.setUint32(0, flavor)
  o.setUint16(4, numTables)
  o.setUint16(6, power * 16) // searchRange
  o.setUint16(8, Math.log2(power)) // entrySelector
  o.setUint16(10, numTables * 16 - power * 16) // rangeShift
  placed.forEach((t, i) => {
    const record = 12 + 16 * i
    o.setUint32(record, t.tag)
    o.setUint32(record + 4, t.checksum)
    o.setUint32(record + 8, t.at)
    o.setUint32(record + 12, t.data.length)
    out.set(t.data, t.at)
  })
  return out
}

interface Table {
  readonly tag: number
  readonly checksum: number
  readonly data: Uint8Array
}

/** The tables of a WOFF file, inflated, in the order of their directory (sorted by tag). */
function readTables(woff: Uint8Array, view: DataView, numTables: number): Table[] {
  const tables: Table[] = []
  for (let i = 0; i < numTables; i++) {
    const entry = 44 + 20 * i
    const tag = view.getUint32(entry)
    const offset = view.getUint32(entry + 4)
    const compLength = view.getUint32(entry + 8)
    const origLength = view.getUint32(entry + 12)
    const checksum = view.getUint32(entry + 16)
    const raw = woff.subarray(offset, offset + compLength)
    const data = compLength < origLength ? unzlibSync(raw) : raw
    if (data.length !== origLength) throw new Error(`WOFF table ${i} has the wrong length.`)
    tables.push({ tag, checksum, data })
  }
  return tables
}
