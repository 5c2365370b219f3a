import type { Redis } from 'ioredis'
import { DEFAULT_LANG } from '../../shared/lang'
import { findTemplate, templatesIn } from '../../shared/templates'
import { templateSchema } from '../../shared/templates/fromSession'
import {
  SAVED_ID_PATTERN,
  newTemplateId,
  parseStoredTemplate,
  storedTemplate,
  type SavedTemplate,
  type TemplateStore,
} from '../templates/templateStore'
import type { ClusterKeys } from './keys'

/** Saved templates in one Redis hash (id → JSON with its state), validated whenever they are read. */
export function createRedisTemplateStore(redis: Redis, keys: ClusterKeys): TemplateStore {
  const read = async (id: string): Promise<SavedTemplate | undefined> =>
    SAVED_ID_PATTERN.test(id) ? parseStoredTemplate(await redis.hget(keys.templates, id)) : undefined
  const listSaved = async (): Promise<SavedTemplate[]> => {
    const all = await redis.hgetall(keys.templates)
    // ids begin with the time: sorted, oldest first
    return Object.keys(all)
      .sort()
      .map((id) => parseStoredTemplate(all[id]))
      .filter((t): t is SavedTemplate => t !== undefined)
  }
  return {
    async list(lang) {
      const published = (await listSaved()).filter((s) => s.published).map((s) => s.template)
      return [...templatesIn(lang ?? DEFAULT_LANG), ...published]
    },
    listSaved,
    async find(id, lang) {
      return findTemplate(id, lang) ?? (await read(id))?.template
    },
    async save(template, session) {
      const full = templateSchema.parse({ ...template, id: newTemplateId() })
      await redis.hset(keys.templates, full.id, storedTemplate({ template: full, published: false, session }))
      return full
    },
    async setPublished(id, published) {
      const saved = await read(id)
      if (!saved) return false
      // HSET of the whole entry: a save never rewrites another template, so nothing else races this one
      await redis.hset(keys.templates, id, storedTemplate({ ...saved, published }))
      return true
    },
  }
}
