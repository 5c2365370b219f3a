import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Logger } from '../logger'
import { TokenBucket } from '../relay/rateLimit'
import { authorize } from '../sessions/service'
import type { SessionStore } from '../storage/types'
import { ImageError, MAX_IMAGE_BYTES, type ImageStore } from '../uploads/imageStore'
import { HttpError, readBytes, sendJson } from './respond'

/** Uploads one session may make per minute, whoever makes them. */
const UPLOADS_PER_MINUTE = 60

/** Image upload and download for a session's members. */
export function createImageRoutes(sessions: SessionStore, images: ImageStore, log: Logger) {
  const buckets = new Map<string, TokenBucket>()
  const bucketFor = (id: string): TokenBucket => {
    let b = buckets.get(id)
    if (!b) {
      if (buckets.size > 10_000) buckets.clear() // bounded: a cleared bucket only forgives recent uploads
      b = new TokenBucket(UPLOADS_PER_MINUTE, UPLOADS_PER_MINUTE / 60)
      buckets.set(id, b)
    }
    return b
  }

  return {
    async upload(req: IncomingMessage, res: ServerResponse, id: string, key: string | null): Promise<void> {
      const { role } = await authorize(sessions, id, key)
      if (role === 'viewer') throw new HttpError(403, 'viewers cannot add images')
      if (!bucketFor(id).take()) throw new HttpError(429, 'too many uploads in this session; wait a minute')
      const bytes = await readBytes(req, MAX_IMAGE_BYTES, 'the image')
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
    ): Promise<void> {
      await authorize(sessions, id, key)
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
