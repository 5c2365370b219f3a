/** One entry of a room's stream, as the relay needs it. */
export interface StreamEntry {
  readonly id: string
  /** The stored update; absent for a trim marker. */
  readonly update?: Uint8Array
  /** Instance that stored it. */
  readonly instance?: string
  /** On a trim marker: the last id removed before it. */
  readonly trimmedTo?: string
}

/** Parses XRANGE / XREAD entries read as buffers: [[id, [field, value, ...]], ...]. */
export function parseEntries(raw: unknown): StreamEntry[] {
  if (!Array.isArray(raw)) return []
  return raw.map((item: unknown) => {
    const [id, fields] = item as [Buffer, Buffer[]]
    const entry: { id: string; update?: Uint8Array; instance?: string; trimmedTo?: string } = {
      id: id.toString(),
    }
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const name = fields[i]!.toString()
      const value = fields[i + 1]!
      if (name === 'u') entry.update = new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
      else if (name === 'i') entry.instance = value.toString()
      else if (name === 't') entry.trimmedTo = value.toString()
    }
    return entry
  })
}
