import { devices, type Browser, type Locator, type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { createSession, join, openAsNewPerson, openListView, expectConnected } from './helpers'

/**
 * A phone (412 × 915 CSS px, touch) in a live session: the canvas gets the screen, the header and
 * the facilitator's controls fold into Menu, nothing floats over the note being worked on, and
 * adding, typing, selecting, editing, voting and reacting all work by touch.
 */

const canvas = (page: Page) => page.getByTestId('board-canvas')
const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Tools' })

async function box(locator: Locator) {
  const b = await locator.boundingBox()
  if (!b) throw new Error('not on the page')
  return b
}

const overlaps = (
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

async function onPhone(browser: Browser, link: string, name: string): Promise<Page> {
  const context = await browser.newContext({ ...devices['Pixel 7'], viewport: { width: 412, height: 915 } })
  const page = await context.newPage()
  await page.goto(link)
  await join(page, name)
  return page
}

/** Where the one selected object is on the screen (a note is 200 × 200 world units). */
async function selectedNoteBox(page: Page) {
  const c = await box(canvas(page))
  const [cx, cy] = ((await canvas(page).getAttribute('data-center')) ?? '').split(',').map(Number)
  const [x, y] = ((await canvas(page).getAttribute('data-selection-at')) ?? '').split(',').map(Number)
  const scale = Number(await canvas(page).getAttribute('data-scale'))
  return {
    x: c.x + c.width / 2 + (x! - cx!) * scale,
    y: c.y + c.height / 2 + (y! - cy!) * scale,
    width: 200 * scale,
    height: 200 * scale,
  }
}

test('on a phone the board gets the screen; the header and the facilitator’s bar fold into Menu', async ({
  browser,
}) => {
  const home = await openAsNewPerson(browser, '/')
  const participantLink = await createSession(home, 'A long session title for a small screen')
  const facilitatorLink = await home.getByRole('textbox', { name: 'Facilitator', exact: true }).inputValue()
  const pia = await onPhone(browser, participantLink, 'Pia')
  const fay = await onPhone(browser, facilitatorLink, 'Fay')

  for (const page of [pia, fay]) {
    // At least 75% of the screen's height is canvas; the toolbar docks below it, not over it.
    const c = await box(canvas(page))
    expect(c.height / 915).toBeGreaterThanOrEqual(0.75)
    expect((await box(toolbar(page))).y).toBeGreaterThanOrEqual(c.y + c.height - 1)
    // The status stays in sight; the panel buttons and zoom are behind Menu.
    await expectConnected(page)
    await expect(page.getByRole('button', { name: 'List view' })).toBeHidden()
    await expect(page.getByRole('group', { name: 'Zoom' })).toBeHidden()
    const menu = page.getByRole('button', { name: 'Menu' })
    await expect(menu).toHaveAttribute('aria-expanded', 'false')
    await menu.tap()
    await expect(menu).toHaveAttribute('aria-expanded', 'true')
    await expect(page.getByRole('button', { name: 'List view' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'People' })).toBeVisible()
    // Escape closes it and gives the focus back to Menu.
    await page.keyboard.press('Escape')
    await expect(menu).toHaveAttribute('aria-expanded', 'false')
    await expect(menu).toBeFocused()
  }
  // The facilitator's bar is in the menu too.
  await expect(fay.getByRole('button', { name: 'Lock board' })).toBeHidden()
  await fay.getByRole('button', { name: 'Menu' }).tap()
  await fay.getByRole('button', { name: 'Lock board' }).tap()
  // Pressing a control closes the menu: the board is back.
  await expect(fay.getByRole('button', { name: 'Menu' })).toHaveAttribute('aria-expanded', 'false')
  await expect(pia.getByText('The board is locked by the facilitator')).toBeVisible()
  await fay.getByRole('button', { name: 'Menu' }).tap()
  await fay.getByRole('button', { name: 'Unlock board' }).tap()
  await expect(pia.getByText('The board is locked by the facilitator')).toBeHidden()

  // A step with private writing and a timer running still leaves the board three quarters.
  await fay.getByRole('button', { name: 'Menu' }).tap()
  await fay.getByRole('button', { name: 'Start private writing' }).tap()
  await fay.getByRole('button', { name: 'Menu' }).tap()
  await fay.getByRole('button', { name: 'Start timer' }).tap()
  await expect(pia.getByText(/^Private writing is on — started by Fay/)).toBeVisible()
  await expect(pia.getByRole('timer')).toBeVisible()
  for (const page of [pia, fay]) expect((await box(canvas(page))).height / 915).toBeGreaterThanOrEqual(0.75)

  // On a phone a notice is one line, cut with "…"; Show all shows it whole, Show less cuts it again,
  // and a tap on the cut words shows them whole too
  const notice = pia.locator('.strip-notices .private-banner')
  const isCut = () => notice.evaluate((el) => el.scrollWidth > el.clientWidth + 1)
  const lines = async () => Math.round((await box(notice)).height / 14)
  expect(await isCut()).toBe(true)
  const oneLine = await lines()
  await pia.getByRole('button', { name: 'Show all' }).tap()
  await expect(pia.getByRole('button', { name: 'Show less' })).toHaveAttribute('aria-expanded', 'true')
  await expect.poll(isCut).toBe(false)
  expect(await lines()).toBeGreaterThan(oneLine)
  const whole = await box(notice)
  expect(whole.x + whole.width).toBeLessThanOrEqual(412)
  await pia.getByRole('button', { name: 'Show less' }).tap()
  await expect.poll(isCut).toBe(true)
  expect((await box(canvas(pia))).height / 915).toBeGreaterThanOrEqual(0.75)
  await notice.tap()
  await expect.poll(isCut).toBe(false)
  await expect(pia.getByRole('button', { name: 'Show less' })).toBeVisible()
})

test('by touch: add and type a note, tap to select, tap again to edit, vote and react; bars stay clear', async ({
  browser,
}) => {
  const home = await openAsNewPerson(browser, '/')
  const participantLink = await createSession(home, 'Touch')
  const facilitatorLink = await home.getByRole('textbox', { name: 'Facilitator', exact: true }).inputValue()
  const fay = await openAsNewPerson(browser, facilitatorLink)
  await join(fay, 'Fay')
  const pia = await onPhone(browser, participantLink, 'Pia')
  const faysList = await openListView(fay)

  await toolbar(pia).getByRole('button', { name: 'Sticky note' }).tap()
  await pia.keyboard.type('Shared meals')
  await expect(faysList.getByRole('listitem').filter({ hasText: 'Shared meals' })).toHaveCount(1)
  // Tap empty board: editing ends, nothing is selected.
  const c = await box(canvas(pia))
  await pia.touchscreen.tap(c.x + 30, c.y + 30)
  await expect(pia.getByRole('textbox', { name: /^Note text/ })).toHaveCount(0)
  await expect(pia.getByRole('group', { name: 'Selection' })).toHaveCount(0)

  // A tap on the note selects it; the selection bar does not cover it.
  const note = await selectedNoteBoxAfter(pia, async () => {})
  await pia.touchscreen.tap(note.x + note.width / 2, note.y + note.height / 2)
  const bar = pia.getByRole('group', { name: 'Selection' })
  await expect(bar).toContainText('1 selected')
  expect(overlaps(await box(bar), await selectedNoteBox(pia))).toBe(false)
  expect(overlaps(await box(bar), await box(toolbar(pia)))).toBe(false)
  // every button shows its whole label (the bar scrolls sideways rather than squeezing them)
  const clipped = await bar
    .getByRole('button')
    .evaluateAll((buttons) =>
      buttons.filter((b) => b.scrollWidth > b.clientWidth + 1).map((b) => b.textContent ?? ''),
    )
  expect(clipped).toEqual([])
  // A second tap edits it.
  const again = await selectedNoteBox(pia)
  await pia.touchscreen.tap(again.x + again.width / 2, again.y + again.height / 2)
  await expect(pia.getByRole('textbox', { name: /^Note text/ })).toBeFocused()
  await pia.keyboard.type(' on Fridays')
  await expect(faysList.getByRole('listitem').filter({ hasText: 'Shared meals on Fridays' })).toHaveCount(1)

  // Voting by touch, from the selection bar.
  await fay.getByRole('button', { name: 'Start voting' }).click()
  await expect(pia.getByText('Votes left: 3')).toBeVisible()
  await pia.keyboard.press('Escape') // editing ends; the note stays selected, its bar shows the votes
  await bar.getByRole('button', { name: 'Vote for this note' }).tap()
  await expect(pia.getByText('Votes left: 2')).toBeVisible()
  expect(overlaps(await box(bar), await selectedNoteBox(pia))).toBe(false)

  // Reacting by touch.
  await bar.getByRole('button', { name: 'React' }).tap()
  await pia
    .getByRole('button', { name: /^Heart/ })
    .first()
    .tap()
  await expect(
    faysList
      .getByRole('listitem')
      .filter({ hasText: 'Shared meals' })
      .getByRole('button', { name: 'Heart (1)' }),
  ).toHaveCount(1)
})

/** Runs an action, then reads where the only note is from the list of objects on the canvas. */
async function selectedNoteBoxAfter(page: Page, action: () => Promise<void>) {
  await action()
  // Select it through the keyboard route once to learn its place, then let go.
  await canvas(page).focus()
  await page.keyboard.press('Control+a')
  const at = await selectedNoteBox(page)
  await page.keyboard.press('Escape')
  await expect(page.getByRole('group', { name: 'Selection' })).toHaveCount(0)
  return at
}
