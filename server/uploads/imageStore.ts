import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { EXTENSIONS, sniffImageType, type ImageType } from './sniff'

/** Largest upload accepted, in bytes. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024
/** Images larger than this on either side get a downscaled copy for display. */
export const DISPLAY_MAX_SIDE = 2048
/** Refuse images with more pixels than this (decompression bombs). */
const MAX_PIXELS = 60_000_000

export class ImageError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message)
  }
}

export interface StoredImage {
  readonly src: string
  readonly mime: ImageType
  readonly width: number
  readonly height: number
}

export interface ImageFile {
  readonly bytes: Buffer
  readonly mime: string
}

/** Uploaded images, content-addressed by SHA-256, one folder per session so deleting a session deletes them. */
export interface ImageStore {
  put(sessionId: string, bytes: Buffer, declaredType: string | undefined): Promise<StoredImage>
  get(sessionId: string, src: string, display: boolean): Promise<ImageFile | undefined>
  deleteSession(sessionId: string): Promise<void>
}

/** A checked upload and the files to keep for it: the original, and a display copy if it is huge. */
export interface PreparedImage {
  readonly image: StoredImage
  readonly files: readonly { readonly name: string; readonly bytes: Buffer }[]
}

/** Checks an upload (size, real type, whole decode) and names its files `<sha256>.<ext>`. */
export async function prepareImage(bytes: Buffer, declaredType: string | undefined): Promise<PreparedImage> {
  if (bytes.length === 0) throw new ImageError(400, 'the file is empty')
  if (bytes.length > MAX_IMAGE_BYTES) throw new ImageError(413, 'images may be at most 10 MiB')
  const mime = sniffImageType(bytes)
  if (!mime)
    throw new ImageError(415, 'only PNG, JPEG, WebP and GIF images can be added (this file is none of them)')
  if (declaredType && declaredType.startsWith('image/') && normalise(declaredType) !== mime) {
    throw new ImageError(415, `the file says it is ${declaredType} but its content is ${mime}`)
  }
  const { width, height, display } = await decode(bytes, mime)
  const src = createHash('sha256').update(bytes).digest('hex')
  const files = [{ name: `${src}.${EXTENSIONS[mime]}`, bytes }]
  if (display) files.push({ name: displayName(src), bytes: display })
  return { image: { src, mime, width, height }, files }
}

/** File name of an image's display copy. */
export const displayName = (src: string): string => `${src}.display.webp`

/** The names an image's files may have, the display copy first if asked for; none for a malformed src. */
export function candidateFiles(src: string, display: boolean): { name: string; mime: string }[] {
  if (!/^[a-f0-9]{64}$/.test(src)) return []
  const originals = Object.entries(EXTENSIONS).map(([mime, ext]) => ({ name: `${src}.${ext}`, mime }))
  return display ? [{ name: displayName(src), mime: 'image/webp' }, ...originals] : originals
}

/** Images as files under `<dataDir>/uploads/<session>/<sha256>.<ext>`. */
export function createFileImageStore(dataDir: string): ImageStore {
  const root = join(dataDir, 'uploads')
  const dirOf = (sessionId: string): string => join(root, sessionId)

  return {
    async put(sessionId, bytes, declaredType) {
      const { image, files } = await prepareImage(bytes, declaredType)
      const dir = dirOf(sessionId)
      await mkdir(dir, { recursive: true })
      for (const file of files) await writeAtomically(join(dir, file.name), file.bytes)
      return image
    },

    async get(sessionId, src, display) {
      for (const { name, mime } of candidateFiles(src, display)) {
        const path = join(dirOf(sessionId), name)
        if (existsSync(path)) return { bytes: await readFile(path), mime }
      }
      return undefined
    },

    async deleteSession(sessionId) {
      await rm(dirOf(sessionId), { recursive: true, force: true })
    },
  }
}

const normalise = (type: string): string =>
  type.toLowerCase() === 'image/jpg' ? 'image/jpeg' : type.toLowerCase()

/** Decodes the whole image (so a truncated or corrupt file is refused) and makes a display copy if it is huge. */
async function decode(
  bytes: Buffer,
  mime: ImageType,
): Promise<{ width: number; height: number; display?: Buffer }> {
  const animated = mime === 'image/gif' || mime === 'image/webp'
  // loaded on the first image, not at start: libvips is some 19 MB of a server's memory (issue #17)
  const { default: sharp } = await import('sharp')
  try {
    const input = sharp(bytes, { failOn: 'truncated', limitInputPixels: MAX_PIXELS, animated })
    const meta = await input.metadata()
    const width = meta.width ?? 0
    const height = meta.pageHeight ?? meta.height ?? 0
    if (width <= 0 || height <= 0) throw new ImageError(400, 'the image has no size')
    const huge = Math.max(width, height) > DISPLAY_MAX_SIDE
    const resized = input.resize(DISPLAY_MAX_SIDE, DISPLAY_MAX_SIDE, {
      fit: 'inside',
      withoutEnlargement: true,
    })
    const out = await (
      huge ? resized.webp({ quality: 82 }) : resized.resize(16, 16, { fit: 'inside' }).png()
    ).toBuffer()
    return huge ? { width, height, display: out } : { width, height }
  } catch (err) {
    if (err instanceof ImageError) throw err
    const msg = (err as Error).message
    if (/pixel limit/i.test(msg)) throw new ImageError(413, 'the image has too many pixels')
    throw new ImageError(400, 'the image is damaged or incomplete and cannot be read')
  }
}

async function writeAtomically(path: string, bytes: Buffer): Promise<void> {
  if (existsSync(path)) return // content-addressed: the same bytes are already there
  const tmp = `${path}.${process.pid}.tmp`
  await writeFile(tmp, bytes)
  await rename(tmp, path)
}
