import { expect, type Browser, type Page } from '@playwright/test'

/** Creates a session from the home page and returns its participant link (a full URL). */
export async function createSession(page: Page, title: string): Promise<string> {
  await page.goto('/')
  await page.getByRole('combobox', { name: 'Template' }).selectOption('sense-making')
  await page.getByRole('textbox', { name: 'Session title' }).fill(title)
  await page.getByRole('button', { name: 'Create session' }).click()
  const participant = page.getByRole('textbox', { name: 'Participant', exact: true })
  await expect(participant).toHaveValue(/^http:\/\/.+\/s\/[\w-]{22}\?key=.+/)
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

export async function expectConnected(page: Page): Promise<void> {
  await expect(page.getByRole('status')).toHaveText('Connected')
}

/** Opens the list view (if it is not open) and returns its list of notes. */
export async function openListView(page: Page) {
  // (an empty list takes no room, so "there" is what counts, not "visible")
  const list = page.getByRole('list', { name: /^Notes on/ })
  if ((await list.count()) > 0) return list
  await openMenuIfFolded(page)
  const toggle = page.getByRole('button', { name: 'List view' })
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click()
  await expect(list).toBeAttached()
  return list
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

/** On a phone the header's buttons are behind Menu: opens it when it is there and closed. */
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
  const link = (name: string) => page.getByRole('textbox', { name, exact: true })
  await expect(link('Participant')).toHaveValue(/\/s\/[\w-]{22}\?key=/)
  const links = {
    facilitator: await link('Facilitator').inputValue(),
    participant: await link('Participant').inputValue(),
  }
  await page.context().close()
  return links
}
