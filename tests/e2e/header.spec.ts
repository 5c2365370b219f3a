import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { createLinks, join, openAsNewPerson } from './helpers'

/**
 * The bar above the board on the screens facilitators run sessions from: a tablet, a small laptop,
 * a common laptop. Every control is on screen (or behind Menu), and the canvas everyone is on keeps
 * its name readable: on a 1280 px laptop it used to be squeezed to one letter and an ellipsis, on
 * a 1024 px tablet the language and contrast controls were past the right edge of the page, and on a
 * 1366 px laptop the session settings opened half off the screen.
 */

const header = (page: Page) => page.getByRole('banner')
const currentTab = (page: Page) => page.getByRole('tab', { selected: true })

/** Whether every control of the header lies inside the window (none cut off or past its edge). */
async function controlsOnScreen(page: Page): Promise<string[]> {
  return header(page)
    .locator('button:visible, select:visible')
    .evaluateAll((elements) =>
      elements
        .filter((e) => {
          const r = e.getBoundingClientRect()
          return r.left < 0 || r.right > window.innerWidth + 0.5 || r.top < 0 || r.bottom > window.innerHeight
        })
        .map((e) => e.getAttribute('aria-label') ?? e.textContent ?? e.tagName),
    )
}

/** How much of the current tab's name shows (1 = all of it). */
const nameShown = (page: Page) =>
  currentTab(page).evaluate((tab) => Math.min(1, tab.clientWidth / Math.max(1, tab.scrollWidth)))

for (const width of [1024, 1280, 1366, 1440]) {
  test(`a facilitator's header at ${width} px: every control on screen, the canvas's name readable`, async ({
    browser,
  }) => {
    const { facilitator, participant } = await createLinks(
      browser,
      'Community voices on housing, spring 2027',
    )
    const fay = await openAsNewPerson(browser, facilitator, { viewport: { width, height: 800 } })
    await join(fay, 'Fay')
    // with others here (their faces take room on the bar too)
    for (const name of ['Ada', 'Bo']) await join(await openAsNewPerson(browser, participant), name)
    await expect(header(fay).getByRole('listitem')).toHaveCount(3)
    await expect(currentTab(fay)).toHaveAccessibleName('Individual reflections')
    // the tab shows most of "Individual reflections" (up to 12rem), not "I…"
    await expect.poll(() => nameShown(fay)).toBeGreaterThan(0.75)
    // and the session's title is not cut down to its first letters
    expect(
      await header(fay)
        .getByRole('heading')
        .evaluate((h) => h.clientWidth),
    ).toBeGreaterThan(100)
    expect(await controlsOnScreen(fay)).toEqual([])

    // the panel buttons are on the bar, or behind Menu on a narrower screen
    const menu = header(fay).getByRole('button', { name: 'Menu' })
    const commitments = header(fay).getByRole('button', { name: 'Commitments', exact: true })
    // on a laptop the panel buttons are on the bar and the language waits behind Menu; narrower,
    // the panel buttons wait there too
    const language = header(fay).getByRole('combobox', { name: 'Language' })
    if (width >= 1440) {
      // room for everything: no Menu
      await expect(menu).toBeHidden()
      await expect(language).toBeVisible()
      await commitments.click()
    } else {
      await expect(language).toBeHidden()
      if (width < 1200) await expect(commitments).toBeHidden()
      else await expect(commitments).toBeVisible()
      await menu.click()
      await expect(menu).toHaveAttribute('aria-expanded', 'true')
      await expect(language).toBeVisible()
      expect(await controlsOnScreen(fay)).toEqual([])
      await commitments.click()
      await expect(menu).toHaveAttribute('aria-expanded', 'false')
      // with a panel open, Menu's row still pushes the board down (it slid under the facilitator's
      // bar, which then took the clicks meant for its buttons)
      await expect(fay.getByRole('heading', { name: 'Community Commitments' })).toBeVisible()
      const agenda = header(fay).getByRole('button', { name: 'Agenda', exact: true })
      if (width < 1200) await menu.click()
      await agenda.click()
      await expect(fay.getByRole('heading', { name: 'Agenda', exact: true })).toBeVisible()
      await menu.click()
      await header(fay).getByRole('button', { name: 'People', exact: true }).click({ timeout: 5000 })
      await expect(fay.getByRole('heading', { name: /^People here/ })).toBeVisible()
      if (width >= 1200) await commitments.click()
      else await menu.click().then(() => commitments.click())
    }
    await expect(fay.getByRole('heading', { name: 'Community Commitments' })).toBeVisible()

    // the session settings open within the window, wherever the facilitator's bar puts them
    await fay.getByText('Session settings', { exact: true }).click()
    for (const control of [
      fay.getByRole('checkbox', { name: 'Anonymous: hide author names' }),
      fay.getByRole('button', { name: 'New participant link' }),
      fay.getByRole('button', { name: 'New facilitator link' }),
    ]) {
      const box = (await control.boundingBox())!
      expect(box.x).toBeGreaterThanOrEqual(0)
      expect(box.x + box.width).toBeLessThanOrEqual(width)
    }
    await fay.keyboard.press('Escape')

    // connected: a green dot, with its word for screen readers and the tooltip
    const status = fay.getByRole('status').filter({ hasText: /^Connected$/ })
    await expect(status).toHaveCount(1)
    expect(await status.evaluate((e) => e.getBoundingClientRect().width)).toBeLessThanOrEqual(1)
  })
}

test('a full room: a few faces and "+N" on the bar, Menu on the first row, on an iPad, a laptop and a phone', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const { facilitator, participant } = await createLinks(browser, 'Living on the estate')
  // three facilitators (one per screen) and five participants: eight people here
  const screens = [
    { name: 'iPad', options: { viewport: { width: 810, height: 1080 }, hasTouch: true }, faces: 4 },
    { name: 'laptop', options: { viewport: { width: 1280, height: 800 } }, faces: 4 },
    {
      name: 'phone',
      options: { viewport: { width: 412, height: 915 }, hasTouch: true, isMobile: true },
      faces: 2,
    },
  ]
  const pages: Page[] = []
  for (const s of screens) {
    const page = await openAsNewPerson(browser, facilitator, s.options)
    await join(page, `Fay ${s.name}`)
    pages.push(page)
  }
  for (const name of ['Ada', 'Bo', 'Cy', 'Dee', 'Eli'])
    await join(await openAsNewPerson(browser, participant), name)
  for (const [i, s] of screens.entries()) {
    const page = pages[i]!
    // everyone is still in the list for a screen reader; a few are drawn, the rest are "+N"
    await expect(header(page).getByRole('listitem')).toHaveCount(8)
    await expect(header(page).locator('.presence-avatar:visible')).toHaveCount(s.faces)
    await expect(header(page).getByText(`+${8 - s.faces}`, { exact: true })).toBeVisible()
    // no control cut off or past the edge (at 1280 px eight faces pushed Menu half off the page)
    expect(await controlsOnScreen(page)).toEqual([])
    if (s.name === 'iPad') {
      // Menu stays on the first row (it wrapped onto a row of its own, pushing the board down)
      const menu = (await header(page).getByRole('button', { name: 'Menu' }).boundingBox())!
      const title = (await header(page).getByRole('heading').boundingBox())!
      expect(menu.y).toBeLessThan(title.y + title.height)
    }
    await page.screenshot({ path: `/tmp/header-full-room-${s.name}.png` })
  }
})
