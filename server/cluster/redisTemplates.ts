import { randomBytes } from 'node:crypto'
import type { Redis } from 'ioredis'
import { DEFAULT_LANG } from '../../shared/lang'
import { findTemplate, templatesIn, type Template } from '../../shared/templates'
import { templateSchema } from '../../shared/templates/fromSession'
import type { TemplateStore } from '../templates/templateStore'
import type { ClusterKeys } from './keys'

/** Saved templates in one Redis hash (id → JSON), validated whenever they are read. */
export function createRedisTemplateStore(redis: Redis, keys: ClusterKeys): TemplateStore {
  const parse = (json: string | null): Template | undefined => {
    if (!json) return undefined
    try {
      const parsed = templateSchema.safeParse(JSON.parse(json))
      return parsed.success ? parsed.data : undefined // a damaged entry is skipped, never served
    } catch {
      return undefined
    }
  }
  return {
    async list(lang) {
      const all = await redis.hgetall(keys.templates)
      const saved = Object.keys(all)
        .sort()
        .map((id) => parse(all[id] ?? null))
      return [...templatesIn(lang ?? DEFAULT_LANG), ...saved.filter((t): t is Template => t !== undefined)]
    },
    async find(id, lang) {
      return findTemplate(id, lang) ?? parse(await redis.hget(keys.templates, id))
    },
    async save(template) {
      // time first, so ids sort oldest first
      const id = `custom-${Date.now().toString(36).padStart(9, '0')}${randomBytes(6).toString('base64url').slice(0, 7)}`
      const full = templateSchema.parse({ ...template, id })
      await redis.hset(keys.templates, id, JSON.stringify(full))
      return full
    },
  }
}
