import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, createSession } from '../../client/api'
import { i18nReady } from '../../client/i18n'

afterEach(() => vi.unstubAllGlobals())

const answer429 = (retryAfter: string | null) =>
  vi.fn(async () =>
    Response.json(
      { error: 'too many new sessions from your address (at most 60 per hour); try again in 120 s' },
      { status: 429, headers: retryAfter === null ? {} : { 'retry-after': retryAfter } },
    ),
  )

describe('a 429 from the server', () => {
  it('reads as a plain sentence saying how long to wait', async () => {
    await i18nReady
    vi.stubGlobal('fetch', answer429('120'))
    const refused = await createSession('sense-making', 'Workshop', ['en']).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(ApiError)
    expect((refused as ApiError).status).toBe(429)
    expect((refused as ApiError).message).toBe(
      'Too many requests have come from your network for now. Try again in 2 minutes.',
    )
    vi.stubGlobal('fetch', answer429('1'))
    const soon = (await createSession('sense-making', 'Workshop', ['en']).catch(
      (e: unknown) => e,
    )) as ApiError
    expect(soon.message).toMatch(/Try again in 1 second\.$/)
    vi.stubGlobal('fetch', answer429(null))
    const unknown = (await createSession('sense-making', 'Workshop', ['en']).catch(
      (e: unknown) => e,
    )) as ApiError
    expect(unknown.message).toMatch(/Try again in 60 seconds\.$/)
  })
})
