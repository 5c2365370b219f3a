import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

/*
 * Static files are compressed once, when the client is built (brotli at its best quality and gzip
 * beside each file), so the server never compresses on a request: a phone on a slow line gets the
 * smallest bytes, and the server spends nothing per download.
 */

/** Extensions worth compressing (images and fonts are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.webmanifest', '.map'])
/** Below this, compression saves less than a packet's headers. */
const MIN_BYTES = 1024

export type Encoding = 'br' | 'gzip'
const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' }

/** Writes `<file>.br` and `<file>.gz` beside every compressible file under `dir` (when smaller). */
export function precompressDir(dir: string): { files: number; bytes: number; br: number; gzip: number } {
  const totals = { files: 0, bytes: 0, br: 0, gzip: 0 }
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (COMPRESSIBLE.has(extname(entry.name))) compressFile(path, totals)
    }
  }
  if (existsSync(dir)) walk(dir)
  return totals
}

function compressFile(path: string, totals: { files: number; bytes: number; br: number; gzip: number }) {
  const raw = readFileSync(path)
  if (raw.byteLength < MIN_BYTES) return
  const br = brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.byteLength,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  })
  const gz = gzipSync(raw, { level: 9 })
  totals.files++
  totals.bytes += raw.byteLength
  if (br.byteLength < raw.byteLength) {
    writeFileSync(path + SUFFIX.br, br)
    totals.br += br.byteLength
  }
  if (gz.byteLength < raw.byteLength) {
    writeFileSync(path + SUFFIX.gzip, gz)
    totals.gzip += gz.byteLength
  }
}

/**
 * The encodings a request accepts, best first among the ones we make (brotli, then gzip), from its
 * Accept-Encoding header; an encoding given `q=0` is refused, as the header's grammar says.
 */
export function acceptedEncodings(header: string | string[] | undefined): Encoding[] {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '')
  const q = new Map<string, number>()
  for (const part of text.split(',')) {
    const [rawName, ...params] = part.toLowerCase().split(';')
    const name = rawName?.trim()
    if (!name) continue
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const value = qParam ? Number(qParam.slice(2)) : 1
    q.set(name, Number.isFinite(value) ? value : 0)
  }
  const accepts = (name: Encoding): boolean => (q.get(name) ?? q.get('*') ?? 0) > 0
  return (['br', 'gzip'] as const).filter(accepts)
}

/** The file to send for a request: a precompressed variant it accepts, else the file itself. */
export function variantFor(
  file: string,
  acceptEncoding: string | string[] | undefined,
): { path: string; encoding: Encoding | null; size: number; mtimeMs: number } {
  for (const encoding of acceptedEncodings(acceptEncoding)) {
    const path = file + SUFFIX[encoding]
    if (existsSync(path)) {
      const stat = statSync(path)
      return { path, encoding, size: stat.size, mtimeMs: stat.mtimeMs }
    }
  }
  const stat = statSync(file)
  return { path: file, encoding: null, size: stat.size, mtimeMs: stat.mtimeMs }
}

/** A validator for one variant of a file: changes whenever the file (or its encoding) does. */
export const etagOf = (variant: { size: number; mtimeMs: number; encoding: Encoding | null }): string =>
  `"${Math.trunc(variant.mtimeMs).toString(36)}-${variant.size.toString(36)}${variant.encoding ? `-${variant.encoding}` : ''}"`

/** Does the request's If-None-Match name this validator (or `*`)? */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*')
}
