import { expect, type Browser, type Locator, type Page } from '@playwright/test'

/** Creates a session from the home page and returns its participant link (a full URL). */
export async function createSession(page: Page, title: string): Promise<string> {
  await page.goto('/')
  await page.getByRole('combobox', { name: 'Template' }).selectOption('sense-making')
  await page.getByRole('textbox', { name: 'Session title' }).fill(title)
  await page.getByRole('button', { name: 'Create session' }).click()
  const participant = page.getByRole('textbox', { name: 'Participant', exact: true })
  await expect(participant).toHaveValue(/^http:\/\/.+\/s\/[\w-]{22}\?key=.+/)
  rememberLinks({
    facilitator: await page.getByRole('textbox', { name: 'Facilitator', exact: true }).inputValue(),
  })
  return participant.inputValue()
}

/** Opens a link in a fresh browser context (its own storage: another person, another device). */
export async function openAsNewPerson(
  browser: Browser,
  link: string,
  options?: Parameters<Browser['newContext']>[0],
): Promise<Page> {
  const context = await browser.newContext(options)
  const page = await context.newPage()
  await page.goto(link)
  return page
}

/** Joins from the join screen (agreeing to the commitments) and waits until the board is live. */
export async function join(page: Page, name: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Your name' }).fill(name)
  await page.getByRole('button', { name: 'I agree' }).click()
  await expectConnected(page)
}

/**
 * Waits until the board is live. In a session with Admit people on (the sense-making template), a
 * participant first waits to be admitted: then a facilitator lets them in through the API (with the
 * facilitator key of the session, known from the helpers that made it or from a page that holds it),
 * as a facilitator would with Admit. Tests about the lobby itself do not use this.
 */
export async function expectConnected(page: Page): Promise<void> {
  const connected = page.getByRole('status').filter({ hasText: /^(Connected|已连接)$/ })
  const waiting = waitingHeading(page)
  await expect(connected.or(waiting)).toBeVisible()
  if (await waiting.isVisible()) await admitEveryoneWaiting(page)
  await expect(connected).toBeVisible()
}

/** The waiting page's heading, in English or Chinese. */
export const waitingHeading = (page: Page) =>
  page.getByRole('heading', { name: /^(Waiting to be admitted|等待主持人准许加入)$/ })

/** Facilitator keys of the sessions these tests made, by session id. */
const facilitatorKeys = new Map<string, string>()

/** Remembers a session's facilitator link (its key admits people waiting in the lobby). */
export function rememberLinks(links: { facilitator: string }): void {
  const url = new URL(links.facilitator, 'http://localhost')
  const id = url.pathname.split('/').pop()!
  facilitatorKeys.set(id, url.searchParams.get('key')!)
}

const sessionIdOf = (page: Page) => new URL(page.url()).pathname.split('/').pop()!

/** The session's facilitator key: remembered, or read from a page of this browser that shows it. */
async function facilitatorKeyFor(page: Page, id: string): Promise<string> {
  const known = facilitatorKeys.get(id)
  if (known) return known
  for (const other of page
    .context()
    .browser()
    ?.contexts()
    .flatMap((c) => c.pages()) ?? []) {
    const field = other.getByRole('textbox', { name: 'Facilitator', exact: true })
    const candidates = [other.url(), ...((await field.count()) > 0 ? [await field.inputValue()] : [])]
    for (const link of candidates) {
      const url = new URL(link, 'http://localhost')
      const key = url.searchParams.get('key')
      if (!key || !url.pathname.endsWith(`/s/${id}`)) continue
      const res = await page.request.get(`/api/sessions/${id}?key=${encodeURIComponent(key)}`)
      if (res.ok() && ((await res.json()) as { role: string }).role === 'facilitator') {
        facilitatorKeys.set(id, key)
        return key
      }
    }
  }
  throw new Error(`no facilitator key known for session ${id}: rememberLinks() it`)
}

/** Admits everyone waiting in this page's session (as a facilitator would with Admit all). */
export async function admitEveryoneWaiting(page: Page): Promise<void> {
  const id = sessionIdOf(page)
  const key = await facilitatorKeyFor(page, id)
  const res = await page.request.post(`/api/sessions/${id}/people/admit-all?key=${encodeURIComponent(key)}`)
  expect(res.status()).toBe(200)
}

/** Opens the list view (if it is not open; in English or Chinese) and returns its list of notes. */
export async function openListView(page: Page) {
  // (an empty list takes no room, so "there" is what counts, not "visible")
  const list = page.getByRole('list', { name: /^(Notes on|“.*”上的便签)/ })
  if ((await list.count()) > 0) return list
  await openMenuIfFolded(page)
  const toggle = page.getByRole('button', { name: /^(List view|列表视图)$/ })
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click()
  await expect(list).toBeAttached()
  return list
}

/**
 * The list view's rows of notes holding `text`: not the row of a frame they are in (a frame's row
 * lists its notes inside it).
 */
export function noteRows(list: Locator, text: string | RegExp): Locator {
  return list.getByRole('listitem').filter({ hasText: text, hasNot: list.page().getByRole('listitem') })
}

/** A new session with Ada and Grace joined, each in a browser of their own, with the list view open. */
export async function twoPeopleWithLists(browser: Browser, title: string) {
  const home = await openAsNewPerson(browser, '/')
  const link = await createSession(home, title)
  const ada = await openAsNewPerson(browser, link)
  const grace = await openAsNewPerson(browser, link)
  await join(ada, 'Ada')
  await join(grace, 'Grace')
  return { ada, grace, notesOfAda: await openListView(ada), notesOfGrace: await openListView(grace) }
}

/**
 * On a phone or tablet the header's buttons are behind Menu, and on a laptop under 1440 px the language
 * and contrast: opens it when it is there and closed.
 */
export async function openMenuIfFolded(page: Page): Promise<void> {
  const menu = page.getByRole('button', { name: /^(Menu|菜单)$/ })
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) === 'false') await menu.click()
}

/**
 * Opens a canvas by its tab, or from the "More canvases" menu when its tab does not fit the row
 * (on a laptop with a facilitator's header, most tabs do not).
 */
export async function openCanvas(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true })
  if ((await tab.count()) === 0) {
    await page.getByRole('button', { name: 'More canvases' }).click()
    await page.getByRole('menuitem', { name, exact: true }).click()
  } else await tab.click()
  await expect(tab).toHaveAttribute('aria-selected', 'true')
}

/** A new session made on the home page by someone who then leaves: its facilitator and participant links. */
export async function createLinks(browser: Browser, title: string, template = 'sense-making') {
  const page = await openAsNewPerson(browser, '/')
  await page.getByRole('combobox', { name: 'Template' }).selectOption(template)
  await page.getByRole('textbox', { name: 'Session title' }).fill(title)
  await page.getByRole('button', { name: 'Create session' }).click()
  const links = await createdLinks(page)
  await page.context().close()
  return links
}

/**
 * The facilitator and participant links the home page shows once Create session is pressed; the
 * facilitator's is remembered (its key admits people waiting when Admit people is on).
 */
export async function createdLinks(page: Page) {
  const link = (name: string) => page.getByRole('textbox', { name, exact: true })
  await expect(link('Participant')).toHaveValue(/\/s\/[\w-]{22}\?key=/)
  const links = {
    facilitator: await link('Facilitator').inputValue(),
    participant: await link('Participant').inputValue(),
  }
  rememberLinks(links)
  return links
}

/** The screen point of a world point of the canvas shown, from what the canvas says of its view. */
export async function screenOf(page: Page, world: { x: number; y: number }) {
  const canvas = page.getByTestId('board-canvas')
  const box = (await canvas.boundingBox())!
  const [cx, cy] = ((await canvas.getAttribute('data-center')) ?? '').split(',').map(Number)
  const scale = Number(await canvas.getAttribute('data-scale'))
  return {
    x: box.x + box.width / 2 + (world.x - cx!) * scale,
    y: box.y + box.height / 2 + (world.y - cy!) * scale,
  }
}

/**
 * Opens the selection bar's More (if it is not open) and returns its panel: the less-used actions on
 * the selection (duplicate, order, lock, content note, quote, hide, language).
 */
export async function moreActions(page: Page): Promise<Locator> {
  const panel = page.getByRole('group', { name: /^(More actions|更多操作)$/ })
  if (!(await panel.isVisible()))
    await page
      .getByRole('group', { name: /^(Selection|所选内容)$/ })
      .getByRole('button', { name: /^(More|更多)$/ })
      .click()
  await expect(panel).toBeVisible()
  return panel
}
