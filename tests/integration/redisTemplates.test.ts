import type { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRedisTemplateStore } from '../../server/cluster/redisTemplates'
import { clusterKeys } from '../../server/cluster/keys'
import { findTemplate } from '../../shared/templates'
import { openTestRedis, type TestRedisClient } from '../helpers/testRedis'

let testRedis: TestRedisClient
let redis: Redis
beforeAll(async () => {
  testRedis = await openTestRedis()
  redis = testRedis.redis
})
afterAll(() => testRedis.close())

describe('saved templates in Redis', () => {
  it('are private to their session until published, and older entries read as private', async () => {
    const keys = clusterKeys(`t${Date.now()}:`)
    const store = createRedisTemplateStore(redis, keys)
    const { id: _id, ...base } = findTemplate('flipchart', 'en')!
    const saved = await store.save({ ...base, title: 'Ours' }, 'session-a')
    expect((await store.list('en')).map((t) => t.id)).toEqual([
      'sense-making',
      'collage',
      'recipe-wall',
      'flipchart',
    ])
    expect(await store.find(saved.id)).toMatchObject({ title: 'Ours' })
    expect(await store.listSaved()).toEqual([{ template: saved, published: false, session: 'session-a' }])

    expect(await store.setPublished(saved.id, true)).toBe(true)
    expect((await store.list('en')).at(-1)?.id).toBe(saved.id)
    expect(await store.setPublished('custom-AAAAAAAAAAAAAAAAAAAAAAAAA', true)).toBe(false)

    // an entry written before templates had a state: the template alone
    const older = { ...saved, id: 'custom-0000000000000000', title: 'Older' }
    await redis.hset(keys.templates, older.id, JSON.stringify(older))
    expect((await store.listSaved()).find((s) => s.template.id === older.id)).toMatchObject({
      published: false,
      session: undefined,
    })
    expect((await store.list('en')).map((t) => t.id)).not.toContain(older.id)
  })
})
