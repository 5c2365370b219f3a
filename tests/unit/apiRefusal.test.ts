import { afterEach, describe, expect, it, vi } from 'vitest'
import { createSession, type ApiError } from '../../client/api'
import { fetchExport } from '../../client/export/download'
import { revealNotes } from '../../client/facilitation/facilitationApi'
import { i18nReady } from '../../client/i18n'
import { uploadImage } from '../../client/images/imageApi'

afterEach(() => vi.unstubAllGlobals())

/** Every request is answered with `status` and `body` (JSON, or text that is not JSON). */
const answer = (status: number, body: unknown) =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async () =>
      typeof body === 'string' ? new Response(body, { status }) : Response.json(body, { status }),
    ),
  )

const refusal = (p: Promise<unknown>) => p.then(() => null).catch((e: unknown) => e as Error)

describe('a refused request', () => {
  it("says the server's own words when it gives them, wherever it was made", async () => {
    await i18nReady
    answer(403, { error: 'this link cannot do that' })
    const session = { id: 'S', key: 'k' }
    const refused = [
      await refusal(createSession('sense-making', 'Workshop', ['en'])),
      await refusal(uploadImage(session, new Blob(['png']))),
      await refusal(fetchExport(session, 'csv', new AbortController().signal)),
      await refusal(revealNotes('S', 'k')),
    ]
    for (const e of refused) expect(e?.message).toBe('this link cannot do that')
    for (const e of refused.slice(0, 3)) expect((e as ApiError).status).toBe(403)
  })

  it('says the status in words when the answer has no error text', async () => {
    await i18nReady
    answer(502, '<html>Bad gateway</html>')
    const session = { id: 'S', key: 'k' }
    for (const p of [
      createSession('sense-making', 'Workshop', ['en']),
      uploadImage(session, new Blob(['png'])),
      fetchExport(session, 'md', new AbortController().signal),
      revealNotes('S', 'k'),
    ])
      expect((await refusal(p))?.message).toBe('The server answered 502.')
    answer(500, { error: 42 }) // not text: not shown
    expect((await refusal(revealNotes('S', 'k')))?.message).toBe('The server answered 500.')
  })
})
