import { type APIRequestContext, type Browser, type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { expectConnected, noteRows, openListView, rememberLinks } from './helpers'

/**
 * The right place at each step: a session opens on its first step's canvas, Next step takes the
 * people following the facilitator to the next one (with its prompt), following keeps the
 * facilitator's place and zoom, flipchart pages, private writing that says what it is, and canvas
 * tabs that never run off the screen. A facilitator on a laptop, a participant on a phone and one
 * with the interface in Chinese.
 */

const PHONE = { viewport: { width: 412, height: 915 }, hasTouch: true, isMobile: true }

async function createLinks(request: APIRequestContext, template: string, title: string) {
  const res = await request.post('/api/sessions', { data: { template, title } })
  expect(res.status()).toBe(201)
  const { links } = (await res.json()) as { links: Record<'facilitator' | 'participant', string> }
  rememberLinks(links)
  return links
}

type Lang = 'en' | 'zh'
const WORDS = {
  en: { name: 'Your name', agree: 'I agree' },
  zh: { name: '你的名字', agree: '我同意' },
}

/** Opens a link as a new person (laptop, phone, or a Chinese browser) and joins as `name`. */
async function person(
  browser: Browser,
  link: string,
  name: string,
  how: { phone?: boolean; lang?: Lang } = {},
): Promise<Page> {
  const context = await browser.newContext({
    ...(how.phone ? PHONE : { viewport: { width: 1280, height: 800 } }),
    ...(how.lang === 'zh' ? { locale: 'zh-CN' } : {}),
  })
  const page = await context.newPage()
  await page.goto(link)
  const words = WORDS[how.lang ?? 'en']
  await page.getByRole('textbox', { name: words.name }).fill(name)
  await page.getByRole('button', { name: words.agree }).click()
  await expectConnected(page)
  return page
}

const selectedTab = (page: Page) => page.getByRole('tab', { selected: true })
/** Opens a canvas by its tab, or from the "More canvases" menu when its tab does not fit. */
async function openCanvas(page: Page, name: string) {
  const tab = page.getByRole('tab', { name })
  if ((await tab.count()) === 0) {
    await page.getByRole('button', { name: /^(More canvases|更多画布)$/ }).click()
    await page.getByRole('menuitem', { name }).click()
  } else await tab.click()
  await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true')
}
const button = (page: Page, name: string | RegExp) =>
  page.getByRole('button', typeof name === 'string' ? { name, exact: true } : { name })
const center = async (page: Page) =>
  ((await page.getByTestId('board-canvas').getAttribute('data-center')) ?? '').split(',').map(Number)
/** The zoom in percent, as the canvas says (on a phone the zoom buttons are behind Menu). */
async function zoom(page: Page): Promise<number> {
  return Math.round(Number(await page.getByTestId('board-canvas').getAttribute('data-scale')) * 100)
}

test('each built-in template opens on its first step’s canvas, the flipchart at page 1', async ({
  browser,
  request,
}) => {
  const first = {
    'sense-making': 'Individual reflections',
    collage: 'Collage',
    'recipe-wall': 'Recipe wall',
    flipchart: 'Flipchart',
  }
  for (const [template, canvas] of Object.entries(first)) {
    const links = await createLinks(request, template, `Opening ${template}`)
    const pia = await person(browser, links.participant, 'Pia', { phone: true })
    await expect(selectedTab(pia)).toHaveText(canvas)
    if (template === 'flipchart') {
      await expect(pia.getByRole('group', { name: 'Pages' })).toContainText('Page 1 of 4')
      await pia.screenshot({ path: '/tmp/steps-flipchart-phone.png' })
    }
    await pia.context().close()
  }
})

test('Next step takes followers to its canvas with its prompt; their notes land there; private writing says who started it', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000)
  const links = await createLinks(request, 'sense-making', 'Park futures')
  const fay = await person(browser, links.facilitator, 'Fay')
  const pia = await person(browser, links.participant, 'Pia', { phone: true })
  const li = await person(browser, links.participant, 'Li', { lang: 'zh' })
  for (const page of [fay, pia, li]) await expect(selectedTab(page)).toHaveText('Individual reflections')

  // Step 2 turns private writing on: everyone is told, and by whom; the control says what it will do.
  await expect(button(fay, 'Start private writing')).toBeVisible()
  await button(fay, 'Next step').click()
  await expect(pia.getByText('This step turns on private writing')).toBeVisible()
  await expect(pia.getByText('Private writing is on — started by Fay.')).toBeVisible()
  await expect(li.getByText('独立书写已开启——由 Fay 开启。')).toBeVisible()
  await expect(button(fay, 'End private writing')).toBeVisible()
  await expect(button(fay, 'Start private writing')).toHaveCount(0)

  // Pia writes privately; ending private writing reveals nothing, and says so.
  await button(pia, 'Sticky note').click()
  await pia.keyboard.type('A quiet corner')
  await pia.keyboard.press('Escape')
  await expect(fay.getByText(/1 person writing privately/)).toBeVisible()
  await pia.screenshot({ path: '/tmp/steps-private-phone.png' })
  await button(fay, 'End private writing').click()
  await expect(
    fay.getByText('Private writing ended. 1 private note stays private until you press Reveal.'),
  ).toBeVisible()
  await expect(pia.getByText('Private writing is off.')).toBeVisible()
  // the facilitator's strip says what waits for Reveal
  await expect(fay.getByText('1 note still private until you press Reveal.')).toBeVisible()
  await expect(
    pia.getByText(/Your 1 private note stays private until the facilitator reveals it/),
  ).toBeVisible()
  await expect(li.getByText('独立书写已关闭。')).toBeVisible()
  const faysNotes = await openListView(fay)
  await expect(faysNotes.getByRole('listitem').filter({ hasText: 'A quiet corner' })).toHaveCount(0)
  await button(fay, 'List view').click()

  // Steps 3 and 4: "Group into themes" happens on Themes; followers go there with its prompt.
  await button(fay, 'Next step').click()
  await button(fay, 'Next step').click()
  for (const page of [fay, pia, li]) await expect(selectedTab(page)).toHaveText('Themes')
  await expect(pia.getByText('Move notes that belong together into the same theme')).toBeVisible()
  await expect(li.getByText('第 4 步（共 6 步）')).toBeVisible()
  await li.screenshot({ path: '/tmp/steps-themes-zh.png' })

  // A note Li adds now lands on Themes, where Fay sees it.
  await button(li, '便签').click()
  await li.keyboard.type('Shade trees')
  await li.keyboard.press('Escape')
  const notes = await openListView(fay)
  await expect(fay.getByRole('list', { name: /^Notes on “?Themes/ })).toBeVisible()
  await expect(noteRows(notes, 'Shade trees')).toHaveCount(1)
})

test('following the facilitator keeps their place and zoom (a phone sees the same area); moving away stops it', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000)
  const links = await createLinks(request, 'sense-making', 'Follow me')
  const fay = await person(browser, links.facilitator, 'Fay')
  const pia = await person(browser, links.participant, 'Pia', { phone: true })
  const li = await person(browser, links.participant, 'Li', { lang: 'zh' })
  await expect(button(pia, 'Follow facilitator')).toHaveAttribute('aria-pressed', 'true')
  await expect(button(li, '跟随主持人')).toHaveAttribute('aria-pressed', 'true')

  await openCanvas(fay, 'Actions')
  await fay.locator('.canvas-focus').focus()
  for (let i = 0; i < 3; i++) await fay.keyboard.press('ArrowRight')
  await button(fay, 'Zoom in').click()
  await button(fay, 'Zoom in').click()
  const faysZoom = await zoom(fay)
  const faysCenter = await center(fay)
  for (const page of [pia, li]) {
    await expect(selectedTab(page)).toHaveText('Actions')
    await expect.poll(() => center(page)).toEqual(faysCenter)
  }
  // the same width of board on a laptop: the same zoom; a phone shows the same area, smaller
  await expect.poll(() => zoom(li)).toBe(faysZoom)
  await expect.poll(() => zoom(pia)).toBeLessThan(faysZoom)
  const faysArea = (await fay.getByTestId('board-canvas').boundingBox())!
  const piasArea = (await pia.getByTestId('board-canvas').boundingBox())!
  // fitted to the same area, but never below half size while the facilitator is closer in
  const fitted = (faysZoom * piasArea.width) / faysArea.width
  expect(Math.abs((await zoom(pia)) - Math.max(fitted, Math.min(faysZoom, 50)))).toBeLessThanOrEqual(2)
  await pia.screenshot({ path: '/tmp/steps-follow-phone.png' })

  // Li zooms away: she stops following, and can follow again.
  await button(li, '放大').click()
  await expect(button(li, '跟随主持人')).toHaveAttribute('aria-pressed', 'false')
  await button(fay, 'Zoom out').click()
  const piaBefore = await zoom(pia)
  const faysNow = await zoom(fay)
  await expect.poll(() => zoom(pia)).toBeLessThanOrEqual(piaBefore)
  expect(await zoom(pia)).toBeGreaterThanOrEqual(Math.min(faysNow, 50) - 1)
  expect(await zoom(li)).toBeGreaterThan(faysZoom)
  await button(li, '跟随主持人').click()
  await expect.poll(() => zoom(li)).toBe(await zoom(fay))
})

test('flipchart pages: one page at a time, the label follows, in English and Chinese', async ({
  browser,
  request,
}) => {
  const links = await createLinks(request, 'flipchart', 'Flip through')
  const fay = await person(browser, links.facilitator, 'Fay')
  const li = await person(browser, links.participant, 'Li', { lang: 'zh' })
  const pages = fay.getByRole('group', { name: 'Pages' })
  await expect(pages).toContainText('Page 1 of 4 · What is working well?')
  await expect(button(fay, /Previous page/)).toHaveAttribute('aria-disabled', 'true')
  await button(fay, /Next page/).click()
  await expect(pages).toContainText('Page 2 of 4 · What could be better?')
  await button(fay, /Next page/).click()
  await expect(pages).toContainText('Page 3 of 4')
  await button(fay, /Previous page/).click()
  await expect(pages).toContainText('Page 2 of 4')
  // Li follows Fay's page and reads it in Chinese
  await expect(li.getByRole('group', { name: '页面' })).toContainText('第 2 页（共 4 页）')
  await li
    .getByRole('group', { name: '页面' })
    .getByRole('button', { name: /下一页/ })
    .click()
  await expect(li.getByRole('group', { name: '页面' })).toContainText('第 3 页（共 4 页）')
  await li.screenshot({ path: '/tmp/steps-pages-zh.png' })
})

/** A sense-making session with twelve canvases, made by importing an edited export. */
async function twelveCanvases(request: APIRequestContext) {
  const created = await request.post('/api/sessions', { data: { template: 'sense-making', title: 'Many' } })
  const { id, links } = (await created.json()) as { id: string; links: { facilitator: string } }
  const key = new URL(links.facilitator, 'http://x').searchParams.get('key')!
  const exported = (await (
    await request.get(`/api/sessions/${id}/export?format=json&key=${key}`)
  ).json()) as {
    canvases: { id: string; name: string }[]
  }
  for (let i = exported.canvases.length + 1; i <= 12; i++)
    exported.canvases.push({ id: `extra-canvas-${i}`, name: `Breakout group ${i}` })
  const imported = await request.post('/api/sessions/import', { data: exported })
  expect(imported.status()).toBe(201)
  const many = ((await imported.json()) as { links: Record<'facilitator' | 'participant', string> }).links
  rememberLinks(many)
  return many
}

test('canvas tabs that do not fit go into a “More canvases” menu, at 1280 px and on a phone', async ({
  browser,
  request,
}) => {
  const links = await twelveCanvases(request)
  const fay = await person(browser, links.facilitator, 'Fay')
  const pia = await person(browser, links.participant, 'Pia', { phone: true })
  for (const page of [pia, fay]) {
    const width = page.viewportSize()!.width
    const tabs = page.getByRole('tablist', { name: 'Canvases' }).getByRole('tab')
    const more = button(page, 'More canvases')
    await expect(more).toHaveAttribute('aria-haspopup', 'menu')
    const shown = await tabs.count()
    expect(shown).toBeGreaterThan(0)
    expect(shown).toBeLessThan(12)
    // every tab in the row and the menu button are wholly on the screen
    for (const box of [
      ...(await Promise.all((await tabs.all()).map((t) => t.boundingBox()))),
      await more.boundingBox(),
    ])
      expect(box!.x + box!.width).toBeLessThanOrEqual(width)
    await page.screenshot({ path: `/tmp/steps-tabs-${width}.png` })

    // keyboard: open the menu, move to the last canvas, choose it
    await more.focus()
    await page.keyboard.press('Enter')
    const menu = page.getByRole('menu', { name: 'More canvases' })
    await expect(menu.getByRole('menuitem')).toHaveCount(12 - shown)
    await expect(menu.getByRole('menuitem').first()).toBeFocused()
    await page.keyboard.press('End')
    await expect(menu.getByRole('menuitem', { name: 'Breakout group 12' })).toBeFocused()
    await page.screenshot({ path: `/tmp/steps-tabs-menu-${width}.png` })
    await page.keyboard.press('Enter')
    await expect(menu).toHaveCount(0)
    const chosen = page.getByRole('tab', { name: 'Breakout group 12' })
    await expect(chosen).toHaveAttribute('aria-selected', 'true')
    await expect(chosen).toBeFocused()
    const box = (await chosen.boundingBox())!
    expect(box.x + box.width).toBeLessThanOrEqual(width)
    // Escape closes the menu and gives focus back to its button
    await more.click()
    await expect(menu).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(menu).toHaveCount(0)
    await expect(more).toBeFocused()
    // the tabs' own keys reach every canvas too, those in the menu included
    await chosen.focus()
    await page.keyboard.press('Home')
    await expect(page.getByRole('tab', { name: 'Commitments' })).toBeFocused()
    await expect(page.getByRole('tab', { name: 'Breakout group 12' })).toHaveCount(0)
    await page.keyboard.press('End')
    await expect(page.getByRole('tab', { name: 'Breakout group 12' })).toBeFocused()
    await expect(page.getByRole('tab', { name: 'Breakout group 12' })).toHaveAttribute(
      'aria-selected',
      'true',
    )
  }
})

test('a facilitator sets where a step happens; going to it takes followers to that canvas and frame', async ({
  browser,
  request,
}) => {
  const links = await createLinks(request, 'sense-making', 'Places')
  const fay = await person(browser, links.facilitator, 'Fay')
  const li = await person(browser, links.participant, 'Li', { lang: 'zh' })
  await button(fay, 'Agenda').click()
  const agenda = fay.getByRole('complementary', { name: 'Agenda' })
  const last = agenda.getByRole('listitem').last()
  await expect(last).toContainText('on “Actions”')
  await last.getByRole('button', { name: 'Edit' }).click()
  await last.getByRole('combobox', { name: 'Canvas' }).selectOption({ label: 'Themes' })
  await last.getByRole('combobox', { name: 'Frame' }).selectOption({ label: 'Theme 2' })
  await last.getByRole('button', { name: 'Done' }).click()
  await expect(last).toContainText('on “Themes”, “Theme 2”')
  await last.getByRole('button', { name: 'Go to this step' }).click()
  await expect(selectedTab(li)).toHaveText('Themes')
  await expect(li.getByRole('group', { name: '页面' })).toContainText('第 2 页（共 4 页） · Theme 2')
  await expect(li.getByText('第 6 步（共 6 步）：Agree actions')).toBeVisible()
})
