import { toCsv } from '../../shared/export/csv'
import {
  ImportError,
  buildDocsFromExport,
  parseExport,
  toExportJson,
  type ExportedImage,
} from '../../shared/export/json'
import { toMarkdown } from '../../shared/export/markdown'
import { readSnapshot, type SessionSnapshot, type SnapshotOptions } from '../../shared/export/snapshot'
import { boardRoom, controlRoom, facilitatorRoom } from '../../shared/rooms'
import type { ImageStore } from '../uploads/imageStore'
import type { Relay } from '../relay/relay'
import type { SessionStore } from '../storage/types'
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

/** The images a snapshot's image objects use, base64-encoded. */
export async function imagesOf(images: ImageStore, sessionId: string, s: SessionSnapshot) {
  const out: Record<string, ExportedImage> = {}
  for (const o of s.objects) {
    if (o.kind !== 'image' || out[o.props.src]) continue
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
 * Creates a new session from a JSON export. Everything is checked first (format, version, kinds,
 * props, every image's real type); if anything is wrong nothing is created.
 */
export async function importSession(
  store: SessionStore,
  images: ImageStore,
  input: unknown,
): Promise<CreatedSession> {
  const valid = parseExport(input)
  const docs = buildDocsFromExport(valid)
  const id = newSessionId()
  try {
    for (const [src, image] of Object.entries(valid.images)) {
      const stored = await images.put(id, Buffer.from(image.data, 'base64'), image.mime)
      if (stored.src !== src)
        throw new ImportError(400, `image ${src.slice(0, 12)}… does not match its content`)
    }
    return await createSessionFromDocs(store, id, valid.session.template, valid.session.title, docs)
  } catch (err) {
    await images.deleteSession(id)
    throw err
  }
}
