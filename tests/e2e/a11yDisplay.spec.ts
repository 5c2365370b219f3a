import { type Browser, type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { axeLog } from './axe'
import { createSession, expectConnected, openMenuIfFolded, rememberLinks } from './helpers'

// How the board looks to people who see it differently: high contrast, less motion, phones,
// 200% zoom, a laptop-sized window.

/** Creates a session and returns its facilitator link. */
async function facilitatorLink(browser: Browser): Promise<string> {
  const page = await browser.newPage()
  await createSession(page, 'Display checks')
  const link = await page.getByRole('textbox', { name: 'Facilitator', exact: true }).inputValue()
  rememberLinks({ facilitator: link })
  await page.context().close()
  return link
}

async function joinAs(page: Page, name: string) {
  await page.getByRole('textbox', { name: 'Your name' }).fill(name)
  await page.getByRole('button', { name: 'I agree' }).click()
  await expectConnected(page)
}

const css = (page: Page, selector: string, property: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property)

/** Whether the page scrolls sideways (it must not: WCAG 1.4.10 Reflow). */
const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)

test('high contrast: a toggle on the home page and the board, remembered, and the system setting honoured', async ({
  browser,
}) => {
  const link = await facilitatorLink(browser)
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto('/')
  const toggle = page.getByRole('button', { name: 'High contrast' })
  await expect(toggle).toHaveAttribute('aria-pressed', 'false')
  expect(await css(page, 'body', 'color')).not.toBe('rgb(0, 0, 0)')
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-pressed', 'true')
  await expect(page.locator('html')).toHaveAttribute('data-contrast', 'more')
  expect(await css(page, 'body', 'color')).toBe('rgb(0, 0, 0)')
  expect(await css(page, 'html', 'background-color')).toBe('rgb(255, 255, 255)')
  const axe = axeLog(page)
  await axe.check('home page in high contrast')

  // Remembered: the board, opened later in the same browser, is in high contrast too.
  await page.goto(link)
  await joinAs(page, 'Hana')
  await openMenuIfFolded(page) // on a 1280 px laptop the contrast toggle waits behind Menu
  const boardToggle = page.getByRole('button', { name: 'High contrast' })
  await expect(boardToggle).toHaveAttribute('aria-pressed', 'true')
  expect(await css(page, '.board-canvas', 'background-color')).toBe('rgb(255, 255, 255)')
  await axe.check('board in high contrast')
  expect(axe.found).toEqual({})
  await boardToggle.click()
  await expect(page.locator('html')).not.toHaveAttribute('data-contrast', 'more')
  await context.close()

  // A system asking for more contrast (or forcing colours) gets it without touching anything.
  for (const media of [{ contrast: 'more' }, { forcedColors: 'active' }] as const) {
    const other = await browser.newContext(media)
    const fresh = await other.newPage()
    await fresh.goto('/')
    await expect(fresh.locator('html')).toHaveAttribute('data-contrast', 'more')
    await expect(fresh.getByRole('button', { name: 'High contrast' })).toHaveAttribute('aria-pressed', 'true')
    await other.close()
  }
})

test('reduced motion: no transitions when the system asks for less motion', async ({ page }) => {
  await page.goto('/')
  const button = page.getByRole('button', { name: 'Create session' })
  await expect(button).toBeVisible()
  const duration = () => button.evaluate((el) => getComputedStyle(el).transitionDuration)
  await page.emulateMedia({ reducedMotion: 'no-preference' })
  expect(await duration()).not.toMatch(/^0s(, 0s)*$/) // buttons ease their colours normally ...
  await page.emulateMedia({ reducedMotion: 'reduce' })
  expect(await duration()).toMatch(/^0s(, 0s)*$/) // ... and not at all with reduced motion
  expect(await css(page, 'html', 'scroll-behavior')).toBe('auto')
})

test('phones: toolbar and header buttons are at least 44 × 44 px, and nothing runs off the side', async ({
  browser,
}) => {
  const link = await facilitatorLink(browser)
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  })
  const page = await context.newPage()
  await page.goto('/')
  for (const b of await page.getByRole('button').all()) {
    const box = (await b.boundingBox())!
    expect(Math.min(box.width, box.height), await b.innerText()).toBeGreaterThanOrEqual(44)
  }
  await page.goto(link)
  await joinAs(page, 'Pat')
  await openMenuIfFolded(page) // the header's buttons and the facilitator's bar fold into Menu
  const targets = [
    ...(await page.getByRole('toolbar', { name: 'Tools' }).getByRole('button').all()),
    ...(await page.locator('.board-header').getByRole('button').all()),
    ...(await page.getByRole('group', { name: 'Facilitation' }).getByRole('button').all()),
  ]
  expect(targets.length).toBeGreaterThan(15)
  for (const target of targets) {
    const box = (await target.boundingBox())!
    const name = (await target.getAttribute('aria-label')) ?? (await target.innerText())
    expect(box.width, `${name} width`).toBeGreaterThanOrEqual(44)
    expect(box.height, `${name} height`).toBeGreaterThanOrEqual(44)
  }
  expect(await scrollsSideways(page)).toBe(false)
  await context.close()
})

test('200% zoom (a 1280 × 800 laptop is 640 × 400 CSS px): no sideways scroll; header and tools reachable', async ({
  browser,
}) => {
  const link = await facilitatorLink(browser)
  const context = await browser.newContext({ viewport: { width: 640, height: 400 } })
  const page = await context.newPage()
  await page.goto('/')
  expect(await scrollsSideways(page)).toBe(false)
  await page.goto(link)
  expect(await scrollsSideways(page)).toBe(false)
  await joinAs(page, 'Zoe')
  expect(await scrollsSideways(page)).toBe(false)
  for (const bar of ['.board-header', '.facilitator-bar', '.facilitation-strip']) {
    const sideways = await page
      .locator(bar)
      .evaluate((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
    expect(sideways, `${bar} scrolls sideways`).toBe(false)
  }
  // Every header, facilitation and tool button can be brought into view and stays inside the width.
  const buttons = [
    ...(await page.locator('.board-header-end').getByRole('button').all()),
    ...(await page.getByRole('group', { name: 'Facilitation' }).getByRole('button').all()),
    ...(await page.getByRole('toolbar', { name: 'Tools' }).getByRole('button').all()),
  ]
  for (const b of buttons) {
    await b.scrollIntoViewIfNeeded()
    await expect(b).toBeInViewport()
    const box = (await b.boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(640)
  }
  // The board itself keeps a usable size.
  const canvas = (await page.getByTestId('board-canvas').boundingBox())!
  expect(canvas.height).toBeGreaterThanOrEqual(250)
  // Keys still work: a note added from the toolbar opens for typing.
  await page.getByRole('toolbar', { name: 'Tools' }).getByRole('button', { name: 'Sticky note' }).click()
  await expect(page.getByRole('textbox', { name: /^Note text/ })).toBeFocused()
  await context.close()
})

test('a 1280 px laptop: the facilitator bar fits without scrolling sideways', async ({ browser }) => {
  const link = await facilitatorLink(browser)
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  await page.goto(link)
  await joinAs(page, 'Fay')
  const bar = page.getByRole('group', { name: 'Facilitation' })
  await page.getByRole('button', { name: 'Start timer' }).click()
  await expect(page.getByRole('button', { name: 'Add a minute' })).toBeVisible()
  for (const b of await bar.getByRole('button').all()) await expect(b).toBeInViewport({ ratio: 1 })
  expect(await bar.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
  expect(await scrollsSideways(page)).toBe(false)
  await context.close()
})

/** The tools (and Undo, Redo) drawn outside the toolbar's visible box, or outside the board. */
const toolsOutOfView = (page: Page) =>
  page.getByRole('toolbar', { name: 'Tools' }).evaluate((bar) => {
    const area = bar.closest('.board-area')!.getBoundingClientRect()
    const box = bar.getBoundingClientRect()
    return Array.from(bar.querySelectorAll('button'))
      .filter((b) => {
        const r = b.getBoundingClientRect()
        return r.top < Math.max(box.top, area.top) - 0.5 || r.bottom > Math.min(box.bottom, area.bottom) + 0.5
      })
      .map((b) => b.getAttribute('aria-label'))
  })

test('a 1366 × 768 laptop under a facilitator’s bar: every tool in view, by its icon; taller boards keep the words', async ({
  browser,
}) => {
  const link = await facilitatorLink(browser)
  // 1366 × 768 less the browser's own bars; the step's private writing adds a row to the strip
  const context = await browser.newContext({ viewport: { width: 1366, height: 650 } })
  const page = await context.newPage()
  await page.goto(link)
  await joinAs(page, 'Fay')
  await page.getByRole('button', { name: 'Next step' }).click()
  await expect(page.getByText(/^Private writing is on/)).toBeVisible()
  // the toolbar ran under the bars above and past the board's foot: Select and Redo were cut
  await expect.poll(() => toolsOutOfView(page)).toEqual([])
  const toolbar = page.getByRole('toolbar', { name: 'Tools' })
  await expect(toolbar.getByText('Sticky note')).toBeHidden() // icons only, named for screen readers
  await expect(toolbar.getByRole('button', { name: 'Sticky note' })).toHaveAttribute('title', /Sticky note/)
  await page.screenshot({ path: '/tmp/toolbar-short-laptop.png' })
  // a 1280 × 800 laptop has room for the words
  await page.setViewportSize({ width: 1280, height: 800 })
  await expect(toolbar.getByText('Sticky note')).toBeVisible()
  await expect.poll(() => toolsOutOfView(page)).toEqual([])
  await context.close()
})

/**
 * Tabs through the page and returns, for each control that takes focus, why its focus would not
 * show (no outline, or one too thin or too faint against the page); empty when all show.
 */
async function unseenFocus(page: Page, stops: number): Promise<string[]> {
  const problems: string[] = []
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press('Tab')
    const problem = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      if (!el || el === document.body) return null
      const style = getComputedStyle(el)
      const name = `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}"`
      if (!el.matches(':focus-visible')) return `${name}: not :focus-visible`
      if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) return `${name}: no outline`
      // the ring's colour against white (the page behind it is white or near-white)
      const [r, g, b] = (style.outlineColor.match(/\d+/g) ?? []).map(Number) as [number, number, number]
      const lin = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
      const lum = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
      if (1.05 / (lum + 0.05) < 3) return `${name}: outline ${style.outlineColor} below 3:1`
      return null
    })
    if (problem) problems.push(problem)
  }
  return problems
}

test('visible focus: every control reached with Tab shows a ring of at least 3:1', async ({ browser }) => {
  const link = await facilitatorLink(browser)
  const page = await browser.newPage()
  await page.goto('/')
  await expect(page.getByRole('button', { name: 'Create session' })).toBeEnabled()
  expect(await unseenFocus(page, 6)).toEqual([])
  await page.goto(link)
  await joinAs(page, 'Fran')
  await page.getByRole('button', { name: 'List view' }).click()
  await page.getByRole('button', { name: 'Add note' }).click()
  await page.keyboard.type('A note to tab past')
  await page.locator('body').evaluate((b) => (document.activeElement as HTMLElement | null)?.blur?.() ?? b)
  expect(await unseenFocus(page, 45)).toEqual([])
  await page.context().close()
})
