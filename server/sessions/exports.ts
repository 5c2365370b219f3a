import { toCsv } from '../../shared/export/csv'
import { ImportError, toExportJson, type ExportedImage } from '../../shared/export/json'
import { toMarkdown } from '../../shared/export/markdown'
import {
  isExportable,
  readSnapshot,
  type SessionSnapshot,
  type SnapshotOptions,
} from '../../shared/export/snapshot'
import { boardRoom, controlRoom, facilitatorRoom } from '../../shared/rooms'
import type { ImageStore } from '../uploads/imageStore'
import type { Relay } from '../relay/relay'
import type { SessionStore } from '../storage/types'
import type { ParsedImport } from './importJob'
import { newSessionId } from './keys'
import { withRoom } from './roomAccess'
import { createSessionFromDocs, type CreatedSession } from './service'

export const EXPORT_FORMATS = ['json', 'md', 'csv'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  json: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
}

/**
 * Reads a session's live documents (loading them if no one is connected) into a snapshot; removed
 * people are "Removed person" in it unless `options.includeRemoved`.
 */
export async function snapshotOf(
  relay: Relay,
  sessionId: string,
  options: SnapshotOptions = {},
): Promise<SessionSnapshot> {
  return withRoom(relay, boardRoom(sessionId), (board) =>
    withRoom(relay, controlRoom(sessionId), (control) =>
      withRoom(relay, facilitatorRoom(sessionId), (facilitator) =>
        readSnapshot(board.doc, control.doc, facilitator.doc, options),
      ),
    ),
  )
}

/** The images a snapshot's exportable image objects use, base64-encoded (a withheld or hidden picture's stays). */
export async function imagesOf(images: ImageStore, sessionId: string, s: SessionSnapshot) {
  const out: Record<string, ExportedImage> = {}
  for (const o of s.objects) {
    if (o.kind !== 'image' || !isExportable(o) || Object.hasOwn(out, o.props.src)) continue
    const file = await images.get(sessionId, o.props.src, false)
    if (file) out[o.props.src] = { mime: file.mime, data: file.bytes.toString('base64') }
  }
  return out
}

/** Renders a snapshot in one of the text formats. */
export async function renderExport(
  format: ExportFormat,
  s: SessionSnapshot,
  images: () => Promise<Record<string, ExportedImage>>,
): Promise<string> {
  if (format === 'md') return toMarkdown(s)
  if (format === 'csv') return toCsv(s)
  return `${JSON.stringify(toExportJson(s, await images()), null, 2)}\n`
}

/**
 * Creates a new session from an export parsed and checked in a worker (importJob.ts). Each image
 * goes through the same checks as an upload (real type, size, whole decode, display copy); if
 * anything is wrong nothing is created.
 */
export async function importSession(
  store: SessionStore,
  images: ImageStore,
  parsed: ParsedImport,
): Promise<CreatedSession> {
  const id = newSessionId()
  try {
    for (const image of parsed.images) {
      const bytes = Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength)
      const stored = await images.put(id, bytes, image.mime)
      if (stored.src !== image.src)
        throw new ImportError(400, `image ${image.src.slice(0, 12)}… does not match its content`)
    }
    return await createSessionFromDocs(store, id, parsed.template, parsed.title, parsed.docs)
  } catch (err) {
    await images.deleteSession(id)
    throw err
  }
}
