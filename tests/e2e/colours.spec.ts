import type { WebsocketProvider } from 'y-websocket'
import { expect, test } from './fixtures'
import { createLinks, join, openAsNewPerson } from './helpers'
import { stockClient } from './stockClient'

type State = { user?: { name?: string; color?: string } }
const colourOf = (provider: WebsocketProvider, name: string): string | undefined =>
  [...(provider.awareness.getStates().values() as Iterable<State>)].find((s) => s.user?.name === name)?.user
    ?.color

test('two people never share a colour: the one who came later takes another, and sees it on their own avatar', async ({
  browser,
  baseURL,
}) => {
  const links = await createLinks(browser, 'Colours', 'collage')
  const ada = await openAsNewPerson(browser, links.participant)
  await join(ada, 'Ada')
  const watcher = stockClient(baseURL!, links.participant)
  try {
    await expect.poll(() => colourOf(watcher.provider, 'Ada')).toMatch(/^#/)
    const before = colourOf(watcher.provider, 'Ada')!

    // Early, who (by their presence) was here before Ada, shows in Ada's colour
    const joined = await fetch(`${baseURL}/api/sessions/${watcher.id}/join?key=${watcher.key}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Early', answer: 'agree' }),
    })
    const { token } = (await joined.json()) as { token: string }
    const early = stockClient(baseURL!, links.participant, token)
    try {
      early.provider.awareness.setLocalState({
        user: { id: 'x', name: 'Early', color: before, role: 'participant', since: 1 },
        cursor: null,
        selection: [],
        view: null,
      })
      await expect.poll(() => colourOf(watcher.provider, 'Early')).toBe(before)
      // Ada moves to a colour nobody has; Early keeps theirs
      await expect.poll(() => colourOf(watcher.provider, 'Ada')).not.toBe(before)
      const now = colourOf(watcher.provider, 'Ada')!
      expect(now).toMatch(/^#[0-9a-f]{6}$/i)
      expect(colourOf(watcher.provider, 'Early')).toBe(before)
      // and her own avatar in the header is the colour others see her in
      const avatar = ada
        .getByRole('region', { name: 'Who is here' })
        .locator('li[title="Ada"] .presence-avatar')
      await expect(avatar).toHaveCSS('background-color', rgb(now))
    } finally {
      early.provider.destroy()
    }
  } finally {
    watcher.provider.destroy()
  }
})

const rgb = (hex: string): string => {
  const n = parseInt(hex.slice(1), 16)
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`
}
