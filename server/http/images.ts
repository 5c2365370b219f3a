import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Logger } from '../logger'
import { authorize } from '../sessions/service'
import type { SessionStore } from '../storage/types'
import { ImageError, MAX_IMAGE_BYTES, type ImageStore } from '../uploads/imageStore'
import type { UploadLimiter, UploadRefusal } from '../uploads/uploadLimits'
import { HttpError, readBytes, sendJson } from './respond'

/** A 429 for an upload refusal, with its Retry-After. */
export const tooMany = (r: UploadRefusal): HttpError =>
  new HttpError(429, r.message, { 'retry-after': String(r.retryAfterSeconds) })

/** Image upload and download for a session's members. */
export function createImageRoutes(
  sessions: SessionStore,
  images: ImageStore,
  log: Logger,
  limiter: UploadLimiter,
  addressOf: (req: IncomingMessage) => string,
) {
  return {
    async upload(
      req: IncomingMessage,
      res: ServerResponse,
      id: string,
      key: string | null,
      token: string | null = null,
    ): Promise<void> {
      const { role, person } = await authorize(sessions, id, key, token)
      if (role === 'viewer') throw new HttpError(403, 'viewers cannot add images')
      if (person?.status === 'waiting') throw new HttpError(403, 'waiting to be admitted')
      // a budget per person (one person's uploads never use up another's), per session and role
      // for a key without a token, and one per address across sessions
      const party = person ? `${id}/person/${person.id}` : `${id}/${role}`
      const ip = addressOf(req)
      const declared = Math.min(Number(req.headers['content-length']) || 0, MAX_IMAGE_BYTES)
      const refused = limiter.admit(party, ip, declared)
      if (refused) {
        log.warn({ session: id, role, ip }, 'upload refused: rate limit')
        throw tooMany(refused)
      }
      const bytes = await readBytes(req, MAX_IMAGE_BYTES, 'the image')
      const overBytes = limiter.charge(party, ip, bytes.length)
      if (overBytes) throw tooMany(overBytes)
      try {
        const stored = await images.put(id, bytes, req.headers['content-type'])
        log.info({ session: id, src: stored.src, bytes: bytes.length }, 'image uploaded')
        sendJson(res, 201, stored)
      } catch (err) {
        if (err instanceof ImageError) throw new HttpError(err.status, err.message)
        throw err
      }
    },

    async download(
      res: ServerResponse,
      id: string,
      src: string,
      key: string | null,
      display: boolean,
      token: string | null = null,
    ): Promise<void> {
      const { person } = await authorize(sessions, id, key, token)
      if (person?.status === 'waiting') throw new HttpError(403, 'waiting to be admitted')
      const file = await images.get(id, src, display)
      if (!file) throw new HttpError(404, 'no such image')
      res.writeHead(200, {
        'content-type': file.mime,
        'content-length': file.bytes.length,
        'cache-control': 'private, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'",
      })
      res.end(file.bytes)
    },
  }
}
