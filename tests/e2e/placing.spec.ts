import { devices, type Browser, type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { createLinks, createSession, join, openAsNewPerson, openListView, screenOf } from './helpers'

/**
 * Placing and typing as newcomers do it, with the habits of Miro, FigJam and Padlet: press a tool
 * and type (the note waits in the middle), or press it and click where it goes; shortcuts only arm
 * a tool; typing on a selected note edits it; a note left empty leaves no litter.
 */

const toolbar = (page: Page) => page.getByRole('toolbar', { name: /^(Tools|工具)$/ })
const tool = (page: Page, name: string) => toolbar(page).getByRole('button', { name, exact: true })
const canvas = (page: Page) => page.getByTestId('board-canvas')
const rows = (list: ReturnType<Page['getByRole']>) => list.getByRole('listitem')
const noteEditor = (page: Page) => page.getByRole('textbox', { name: /^(Note text|便签文字)/ })

/** A screen point a fraction of the way across the board, and the world point under it. */
async function boardPoint(page: Page, fx: number, fy: number) {
  const box = (await canvas(page).boundingBox())!
  const [cx, cy] = ((await canvas(page).getAttribute('data-center')) ?? '').split(',').map(Number)
  const scale = Number(await canvas(page).getAttribute('data-scale'))
  const screen = { x: box.x + box.width * fx, y: box.y + box.height * fy }
  const world = {
    x: cx! + (screen.x - box.x - box.width / 2) / scale,
    y: cy! + (screen.y - box.y - box.height / 2) / scale,
  }
  return { screen, world }
}

/** Where the one selected object's top-left corner is (world units). */
async function selectedAt(page: Page) {
  const at = await canvas(page).getAttribute('data-selection-at')
  const [x, y] = (at ?? 'NaN,NaN').split(',').map(Number)
  return { x: x!, y: y! }
}

/** A new session with Ada joined, and Bo (in a browser of his own) watching its list view. */
async function adaWithBo(browser: Browser, title: string) {
  const link = await session(browser, title)
  const ada = await openAsNewPerson(browser, link)
  const bo = await openAsNewPerson(browser, link)
  await join(ada, 'Ada')
  await join(bo, 'Bo')
  return { ada, list: await openListView(bo) }
}

async function session(browser: Browser, title: string) {
  const home = await openAsNewPerson(browser, '/')
  const link = await createSession(home, title)
  await home.context().close()
  return link
}

test('press and type, or press, click and type: exactly one note, where the person put it', async ({
  browser,
}) => {
  const link = await session(browser, 'Placing')
  const ada = await openAsNewPerson(browser, link)
  await join(ada, 'Ada')
  const phoneContext = await browser.newContext({ ...devices['Pixel 7'] })
  const pia = await phoneContext.newPage()
  await pia.goto(link)
  await join(pia, 'Pia')
  const adasList = await openListView(ada)

  // Miro's habit: press Sticky note, click a spot, type.
  await tool(ada, 'Sticky note').click()
  await expect(noteEditor(ada)).toBeFocused()
  await expect(ada.getByText('Type your note, or click or tap where it should go.')).toBeVisible()
  const spot = await boardPoint(ada, 0.8, 0.25)
  await ada.mouse.click(spot.screen.x, spot.screen.y)
  await expect(noteEditor(ada)).toBeFocused()
  await ada.keyboard.type('Over here')
  await ada.keyboard.press('Escape')
  await expect(rows(adasList)).toHaveCount(1)
  await expect(rows(adasList).first()).toContainText('Over here')
  // Centred on the click (a note is 200 by 200).
  const placed = await selectedAt(ada)
  expect(Math.abs(placed.x + 100 - spot.world.x)).toBeLessThan(3)
  expect(Math.abs(placed.y + 100 - spot.world.y)).toBeLessThan(3)

  // Padlet's habit: press it and type at once; it waits in the middle of the view.
  await tool(ada, 'Sticky note').click()
  await ada.keyboard.type('In the middle')
  await ada.keyboard.press('Escape')
  await expect(rows(adasList)).toHaveCount(2)
  await expect(rows(adasList).filter({ hasText: 'In the middle' })).toHaveCount(1)
  // Once typed into, the tool is Select again: a click selects, it adds nothing.
  await ada.mouse.click(spot.screen.x, spot.screen.y)
  await expect(rows(adasList)).toHaveCount(2)

  // On a phone: tap Sticky note, tap a spot, type.
  await tool(pia, 'Sticky note').tap()
  await expect(noteEditor(pia)).toBeFocused()
  const phoneSpot = await boardPoint(pia, 0.3, 0.3)
  await pia.touchscreen.tap(phoneSpot.screen.x, phoneSpot.screen.y)
  await expect(noteEditor(pia)).toBeFocused()
  await pia.keyboard.type('Tapped in place')
  await expect(rows(adasList).filter({ hasText: 'Tapped in place' })).toHaveCount(1)
  await expect(rows(adasList)).toHaveCount(3)
  const tapped = await selectedAt(pia)
  expect(Math.abs(tapped.x + 100 - phoneSpot.world.x)).toBeLessThan(3)
  expect(Math.abs(tapped.y + 100 - phoneSpot.world.y)).toBeLessThan(3)
})

test('a note made while looking at a frame waits in the middle of the view, inside the frame', async ({
  browser,
}) => {
  // The collage opens on its first frame, which fills the view: the note belongs there, not pushed
  // out past the frame's edge to where the toolbar or the page buttons cover it.
  const links = await createLinks(browser, 'Into the frame', 'collage')
  const ada = await openAsNewPerson(browser, links.participant)
  await join(ada, 'Ada')
  const pia = await openAsNewPerson(browser, links.participant, { ...devices['Pixel 7'] })
  await join(pia, 'Pia')
  // Each note goes in the middle of its writer's view; where that spot holds a note already (Pia's
  // phone looks at about the same place as Ada's laptop), just beside it (224 = a note and the gap
  // between notes), never on top of it
  let first: { x: number; y: number } | null = null
  for (const [page, words] of [
    [ada, 'Our corner shop'],
    [pia, 'The bus stop'],
  ] as const) {
    const middle = await boardPoint(page, 0.5, 0.5)
    const wanted = { x: middle.world.x - 100, y: middle.world.y - 100 }
    const taken = first !== null && Math.abs(wanted.x - first.x) < 200 && Math.abs(wanted.y - first.y) < 200
    if (page === pia) await tool(page, 'Sticky note').tap()
    else await tool(page, 'Sticky note').click()
    await page.keyboard.type(words)
    await page.keyboard.press('Escape')
    const at = await selectedAt(page)
    expect(Math.abs(at.x - (wanted.x + (taken ? 224 : 0)))).toBeLessThan(3)
    expect(Math.abs(at.y - wanted.y)).toBeLessThan(3)
    first ??= at
    await page.keyboard.press('Escape')
  }
  // both are in the frame: its count says so, in the list view
  const list = await openListView(ada)
  await expect(
    list.getByRole('listitem').filter({ hasText: /^Frame: A place that matters to me/ }),
  ).toContainText('(2 items)')
})

test('on a phone, text added where a drawing takes the middle appears on that phone’s screen', async ({
  browser,
}) => {
  // Pia looks at one flipchart page on her phone, draws through its middle, then presses Text: the
  // box goes to the nearest free spot she can see (below the drawing), not a box-width to the side,
  // past the edge of her screen (on the next page)
  const links = await createLinks(browser, 'Text by the drawing', 'flipchart')
  const pia = await openAsNewPerson(browser, links.participant, { ...devices['Pixel 7'] })
  await join(pia, 'Pia')
  await tool(pia, 'Pen').tap()
  const board = (await canvas(pia).boundingBox())!
  // a long line through the middle: in the way of the box there, of the slots around it and of
  // those a little further above and below; the first free slot by rings was two box-widths to the
  // right, past the phone's edge
  const [cx, cy] = ((await canvas(pia).getAttribute('data-center')) ?? '').split(',').map(Number)
  const along = async (t: number) => screenOf(pia, { x: cx! - 300 + 600 * t, y: cy! - 200 + 400 * t })
  const start = await along(0)
  await pia.mouse.move(start.x, start.y)
  await pia.mouse.down()
  for (let i = 1; i <= 12; i++) {
    const p = await along(i / 12)
    await pia.mouse.move(p.x, p.y)
  }
  await pia.mouse.up()
  await expect(tool(pia, 'Undo')).toBeEnabled() // the drawing is on the board
  await tool(pia, 'Text').tap()
  const text = pia.getByRole('textbox', { name: /^Text/ })
  await expect(text).toBeFocused()
  await pia.keyboard.type('Our street after the flood')
  const box = (await text.boundingBox())!

  expect(box.x).toBeGreaterThanOrEqual(board.x)
  expect(box.x + box.width).toBeLessThanOrEqual(board.x + board.width)
  expect(box.y).toBeGreaterThanOrEqual(board.y)
  expect(box.y + box.height).toBeLessThanOrEqual(board.y + board.height)
})

test('on a phone, a frame shown whole keeps its notes’ words and its title on the board', async ({
  browser,
}) => {
  // The collage opens on its first frame, which a phone shows at about 30 %: a note written there
  // is still drawn with its words once its editor closes (shapes only is for crowded views)
  const links = await createLinks(browser, 'Words at thirty per cent', 'collage')
  const pia = await openAsNewPerson(browser, links.participant, { ...devices['Pixel 7'] })
  await join(pia, 'Pia')
  await tool(pia, 'Sticky note').tap()
  await pia.keyboard.type('The bench by the river')
  await pia.keyboard.press('Escape')
  await expect(noteEditor(pia)).toHaveCount(0)
  expect(Number(await canvas(pia).getAttribute('data-scale'))).toBeLessThan(0.4)
  await expect(canvas(pia)).toHaveAttribute('data-detail', 'full')
})

test('Chinese typed into a new note stays exactly what was typed', async ({ browser }) => {
  const link = await session(browser, 'Two scripts')
  const context = await browser.newContext({ locale: 'zh-CN' })
  const mei = await context.newPage()
  await mei.goto(link)
  await mei.getByRole('textbox', { name: '你的名字' }).fill('美')
  await mei.getByRole('button', { name: '我同意' }).click()
  const ada = await openAsNewPerson(browser, link)
  await join(ada, 'Ada')
  const list = await openListView(ada)

  await tool(mei, '便签').click()
  await expect(noteEditor(mei)).toBeFocused()
  // What an input method delivers: whole characters, with no key presses behind them.
  await mei.keyboard.insertText('社区的声音')
  await mei.keyboard.press('Escape')
  await expect(rows(list)).toHaveCount(1)
  await expect(rows(list).first()).toContainText('社区的声音')

  // Placed with a click, then typed: still one note.
  await tool(mei, '便签').click()
  const spot = await boardPoint(mei, 0.7, 0.7)
  await mei.mouse.click(spot.screen.x, spot.screen.y)
  await expect(noteEditor(mei)).toBeFocused()
  await mei.keyboard.insertText('一起做饭')
  await mei.keyboard.press('Escape')
  await expect(rows(list)).toHaveCount(2)
  await expect(rows(list).filter({ hasText: '一起做饭' })).toHaveCount(1)
})

test('shortcut keys only arm a tool: typed words make nothing, open nothing', async ({ browser }) => {
  const { ada, list } = await adaWithBo(browser, 'Shortcuts')
  let choosers = 0
  ada.on('filechooser', () => choosers++)

  // Words typed at the board by someone who thinks a note is open (n, t, r, i, s, f, p are tools).
  await canvas(ada).click({ position: { x: 40, y: 40 } })
  await ada.keyboard.type('interesting first reply')
  await ada.keyboard.press('Escape')
  await expect(tool(ada, 'Select')).toHaveAttribute('aria-pressed', 'true')
  await expect(ada.getByRole('dialog')).toHaveCount(0)
  expect(choosers).toBe(0)
  await expect(rows(list)).toHaveCount(0)
  await expect(noteEditor(ada)).toHaveCount(0)

  // N arms the sticky note; a click puts it there, open for typing.
  await ada.keyboard.press('n')
  await expect(tool(ada, 'Sticky note')).toHaveAttribute('aria-pressed', 'true')
  await expect(ada.getByText(/^Click or tap where the sticky note goes/)).toBeVisible()
  await expect(rows(list)).toHaveCount(0)
  const spot = await boardPoint(ada, 0.25, 0.7)
  await ada.mouse.click(spot.screen.x, spot.screen.y)
  await ada.keyboard.type('Armed, then placed')
  await ada.keyboard.press('Escape')
  await expect(rows(list)).toHaveCount(1)
  await expect(rows(list).first()).toContainText('Armed, then placed')
  await expect(tool(ada, 'Select')).toHaveAttribute('aria-pressed', 'true')
  // (the note stays selected, and typing would go into it: Escape lets it go)
  await ada.keyboard.press('Escape')

  // I arms the picture tool without opening a file chooser; Escape disarms it.
  await ada.keyboard.press('i')
  await expect(tool(ada, 'Image')).toHaveAttribute('aria-pressed', 'true')
  expect(choosers).toBe(0)
  await ada.keyboard.press('Escape')
  await expect(tool(ada, 'Select')).toHaveAttribute('aria-pressed', 'true')

  // T then Enter: the keyboard's way to place, in the middle of the view.
  await canvas(ada).focus()
  await ada.keyboard.press('t')
  await ada.keyboard.press('Enter')
  await expect(ada.getByRole('textbox', { name: 'Text' })).toBeFocused()
  await ada.keyboard.type('Heading by keyboard')
  await ada.keyboard.press('Escape')
  await expect(rows(list)).toHaveCount(2)
})

test('typing with one note selected edits it; a note left empty leaves no litter and no undo step', async ({
  browser,
}) => {
  const { ada, list } = await adaWithBo(browser, 'Typing on a selection')

  await tool(ada, 'Sticky note').click()
  await ada.keyboard.type('Kitchen table')
  await ada.keyboard.press('Escape')
  await expect(rows(list).first()).toContainText('Kitchen table')
  // Selected after Escape: typing goes on in the note, the first key included.
  await ada.keyboard.type(', talks')
  await expect(noteEditor(ada)).toBeFocused()
  await ada.keyboard.press('Escape')
  await expect(rows(list).first()).toContainText('Kitchen table, talks')
  await expect(rows(list)).toHaveCount(1)

  // Pressed, then left empty: nothing stays, for anyone.
  await tool(ada, 'Sticky note').click()
  await expect(noteEditor(ada)).toBeFocused()
  await ada.keyboard.press('Escape')
  await expect(noteEditor(ada)).toHaveCount(0)
  await expect(rows(list)).toHaveCount(1)
  // Pressed, clicked somewhere, left empty by clicking away: nothing stays either.
  await tool(ada, 'Text').click()
  const spot = await boardPoint(ada, 0.2, 0.2)
  await ada.mouse.click(spot.screen.x, spot.screen.y)
  await expect(ada.getByRole('textbox', { name: 'Text' })).toBeFocused()
  const away = await boardPoint(ada, 0.8, 0.8)
  await ada.mouse.click(away.screen.x, away.screen.y)
  await expect(ada.getByRole('textbox', { name: 'Text' })).toHaveCount(0)
  await expect(rows(list)).toHaveCount(1)

  // The empty notes took their steps with them: Undo takes back the last real change (the typing),
  // and never brings back an empty note.
  await tool(ada, 'Undo').click()
  await expect(rows(list).first()).toContainText('Kitchen table')
  await expect(rows(list).first()).not.toContainText('talks')
  await expect(rows(list)).toHaveCount(1)
})

test('Shape and Frame are placed where clicked, or drawn where dragged', async ({ browser }) => {
  const { ada, list } = await adaWithBo(browser, 'Shapes')

  await tool(ada, 'Shape').click()
  const spot = await boardPoint(ada, 0.3, 0.4)
  await ada.mouse.click(spot.screen.x, spot.screen.y)
  await expect(rows(list)).toHaveCount(1)
  const shape = await selectedAt(ada)
  expect(Math.abs(shape.x - spot.world.x)).toBeLessThan(3)
  expect(Math.abs(shape.y - spot.world.y)).toBeLessThan(3)

  await tool(ada, 'Frame').click()
  const from = await boardPoint(ada, 0.55, 0.2)
  const to = await boardPoint(ada, 0.9, 0.8)
  await ada.mouse.move(from.screen.x, from.screen.y)
  await ada.mouse.down()
  await ada.mouse.move(to.screen.x, to.screen.y, { steps: 5 })
  await ada.mouse.up()
  await expect(rows(list)).toHaveCount(2)
  const frame = await selectedAt(ada)
  expect(Math.abs(frame.x - from.world.x)).toBeLessThan(3)
  const corner = await screenOf(ada, frame)
  expect(Math.abs(corner.y - from.screen.y)).toBeLessThan(3)
})
