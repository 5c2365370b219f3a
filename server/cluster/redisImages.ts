import type { Redis } from 'ioredis'
import { candidateFiles, prepareImage, type ImageStore } from '../uploads/imageStore'
import { execAll } from './connect'
import type { ClusterKeys } from './keys'

/** Uploaded images in Redis, one hash per session (file name → bytes), so every instance serves them. */
export function createRedisImageStore(redis: Redis, keys: ClusterKeys): ImageStore {
  return {
    async put(sessionId, bytes, declaredType) {
      const { image, files } = await prepareImage(bytes, declaredType)
      const pipeline = redis.pipeline()
      for (const file of files) pipeline.hsetnx(keys.images(sessionId), file.name, file.bytes)
      await execAll(pipeline)
      return image
    },
    async get(sessionId, src, display) {
      for (const { name, mime } of candidateFiles(src, display)) {
        const bytes = await redis.hgetBuffer(keys.images(sessionId), name)
        if (bytes) return { bytes, mime }
      }
      return undefined
    },
    async deleteSession(sessionId) {
      await redis.del(keys.images(sessionId))
    },
  }
}
