import { type Browser, type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import {
  createSession,
  join,
  openAsNewPerson,
  openCanvas,
  openListView,
  expectConnected,
  moreActions,
} from './helpers'
import { redPng } from './png'

/** Ada and Grace in a new session; `open`: the facilitator first turns Protect contributions off. */
async function twoPeople(browser: Browser, title: string, open = false): Promise<[Page, Page]> {
  const home = await openAsNewPerson(browser, '/')
  const link = await createSession(home, title)
  if (open) {
    await home.goto(await home.getByRole('textbox', { name: 'Facilitator', exact: true }).inputValue())
    await join(home, 'Fay')
    await home.getByText('Session settings').click()
    await home.getByRole('checkbox', { name: 'Protect contributions' }).uncheck()
    await expectConnected(home)
  }
  await home.context().close()
  const ada = await openAsNewPerson(browser, link)
  const grace = await openAsNewPerson(browser, link)
  await join(ada, 'Ada')
  await join(grace, 'Grace')
  const protectedLine = grace.getByText('Protected: you can change only your own notes')
  await expect(protectedLine).toHaveCount(open ? 0 : 1)
  return [ada, grace]
}

const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Tools' })
const tool = (page: Page, name: string) => toolbar(page).getByRole('button', { name, exact: true })

/** Drags the mouse across the board through points given as fractions of its size. */
async function drawOnBoard(page: Page, points: readonly (readonly [number, number])[]) {
  const box = await page.getByTestId('board-canvas').boundingBox()
  if (!box) throw new Error('the board is not on the page')
  const at = ([fx, fy]: readonly [number, number]) =>
    [box.x + box.width * fx, box.y + box.height * fy] as const
  const [first, ...rest] = points
  await page.mouse.move(...at(first!))
  await page.mouse.down()
  for (const p of rest) await page.mouse.move(...at(p), { steps: 4 })
  await page.mouse.up()
}

async function pickFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser')
  await tool(page, 'Image').click()
  await (await chooser).setFiles(file)
}

test('every kind made with the toolbar reaches the other person', async ({ browser }) => {
  const [ada, grace] = await twoPeople(browser, 'All the kinds')
  const list = await openListView(grace)
  const rows = list.getByRole('listitem')

  await tool(ada, 'Pen').click()
  await expect(tool(ada, 'Pen')).toHaveAttribute('aria-pressed', 'true')
  await drawOnBoard(ada, [
    [0.15, 0.3],
    [0.2, 0.35],
    [0.25, 0.3],
    [0.3, 0.35],
  ])
  await expect(rows.filter({ hasText: 'Pen stroke' })).toHaveCount(1)

  await tool(ada, 'Shape').click()
  await ada.getByRole('group', { name: 'Shape options' }).getByRole('button', { name: 'Ellipse' }).click()
  await drawOnBoard(ada, [
    [0.35, 0.6],
    [0.45, 0.75],
  ])
  await expect(rows.filter({ hasText: 'Ellipse' })).toHaveCount(1)
  // A drawn shape ends the Shape tool: back to Select, with the shape selected.
  await expect(tool(ada, 'Select')).toHaveAttribute('aria-pressed', 'true')
  await expect(ada.getByRole('group', { name: 'Selection' })).toContainText('1 selected')

  await tool(ada, 'Frame').click()
  await drawOnBoard(ada, [
    [0.55, 0.15],
    [0.8, 0.45],
  ])
  const frameTitle = ada.getByRole('textbox', { name: 'Frame title' })
  await expect(frameTitle).toBeFocused()
  await ada.keyboard.type('Ideas corner')
  await ada.keyboard.press('Enter')
  await expect(rows.filter({ hasText: 'Ideas corner' })).toHaveCount(1)

  await tool(ada, 'Text').click()
  await expect(ada.getByRole('textbox', { name: /^Text/ })).toBeFocused()
  await ada.keyboard.type('Welcome, neighbours')
  await ada.keyboard.press('Escape')
  await expect(rows.filter({ hasText: 'Welcome, neighbours' })).toHaveCount(1)

  await tool(ada, 'Recipe card').click()
  const panel = ada.getByRole('complementary', { name: 'Recipe card' })
  const title = panel.getByRole('textbox', { name: 'Title' })
  await expect(title).toBeFocused()
  // a new card has no title yet (the card and the field say so), so what is typed is the whole title
  await expect(title).toHaveValue('')
  await expect(title).toHaveAttribute('placeholder', 'Untitled recipe')
  await ada.keyboard.type('Soup for all')
  await expect(title).toHaveValue('Soup for all')
  await panel.getByRole('button', { name: 'Add ingredient' }).click()
  await expect(panel.getByRole('textbox', { name: 'Ingredient 1' })).toBeFocused()
  await ada.keyboard.type('Leeks')
  await panel.getByRole('textbox', { name: 'Method' }).click()
  await ada.keyboard.type('Chop together, talk.')
  await panel.getByRole('checkbox', { name: /anonymous/ }).check()
  const recipe = rows.filter({ hasText: 'Soup for all' })
  await expect(recipe).toContainText('Recipe by anonymous')
  await panel.getByRole('button', { name: 'Close recipe' }).click()

  await pickFile(ada, { name: 'red.png', mimeType: 'image/png', buffer: redPng() })
  const dialog = ada.getByRole('dialog', { name: 'Describe this image' })
  await dialog.getByRole('textbox', { name: 'Description (alt text)' }).fill('A red rectangle')
  await dialog.getByRole('button', { name: 'Save description' }).click()
  await expect(dialog).toHaveCount(0)
  // Grace reads it (contributions are protected in this template: the picture is Ada's to describe)
  await expect(rows.filter({ hasText: /^Image 1/ })).toContainText('A red rectangle')
})

test('a picture whose description is skipped is listed as needing one', async ({ browser }) => {
  const [ada, grace] = await twoPeople(browser, 'Skipped description')
  const list = await openListView(grace)
  await pickFile(ada, { name: 'red.png', mimeType: 'image/png', buffer: redPng(30, 30) })
  await ada
    .getByRole('dialog', { name: 'Describe this image' })
    .getByRole('button', { name: 'Skip for now' })
    .click()
  await expect(list.getByRole('listitem').filter({ hasText: /needs a description/i })).toHaveCount(1)
})

test('a file that is not a picture gets a clear message, and nothing is added', async ({ browser }) => {
  const [ada, grace] = await twoPeople(browser, 'Wrong file')
  const list = await openListView(grace)
  await pickFile(ada, { name: 'minutes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') })
  const alert = ada.getByRole('alert').filter({ hasText: 'minutes.txt' })
  await expect(alert).toContainText('is not a picture the board can show')
  await expect(ada.getByRole('dialog')).toHaveCount(0)

  // bytes that claim to be a PNG but are not one are refused too
  await pickFile(ada, { name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('definitely text') })
  await expect(ada.getByRole('alert').filter({ hasText: 'fake.png' })).toBeVisible()
  await ada.getByRole('button', { name: 'Dismiss' }).click()
  await expect(ada.getByRole('alert').filter({ hasText: 'fake.png' })).toHaveCount(0)
  await expect(list.getByRole('listitem')).toHaveCount(0)
})

test('two people typing in the same note at once both keep their words', async ({ browser }) => {
  // contributions left open: anyone may write in anyone's note
  const [ada, grace] = await twoPeople(browser, 'Same note', true)
  await tool(ada, 'Sticky note').click()
  const adaEditor = ada.getByRole('textbox', { name: /^Note text/ })
  await expect(adaEditor).toBeFocused()
  await ada.keyboard.type('Ada: ')

  // Grace opens the same note: both views start at the same place, so it is under the same point.
  const box = await grace.getByTestId('board-canvas').boundingBox()
  if (!box) throw new Error('no board')
  const graceEditor = grace.getByRole('textbox', { name: /^Note text/ })
  // the note may not have reached Grace yet: try again until her editor opens
  await expect(async () => {
    await grace.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2)
    await expect(graceEditor).toBeFocused({ timeout: 1000 })
  }).toPass()
  await grace.keyboard.press('Control+End')
  await grace.keyboard.press('Enter')

  await Promise.all([ada.keyboard.type('tea and biscuits'), grace.keyboard.type('Grace: a big pot of soup')])
  for (const editor of [adaEditor, graceEditor]) {
    await expect(editor).toContainText('tea and biscuits')
    await expect(editor).toContainText('a big pot of soup')
  }
  await ada.keyboard.press('Escape')
  await grace.keyboard.press('Escape')
  const note = (await openListView(ada)).getByRole('listitem')
  await expect(note).toContainText('tea and biscuits')
  await expect(note).toContainText('a big pot of soup')
})

test('undo takes back my drawing, never the other person’s', async ({ browser }) => {
  const [ada, grace] = await twoPeople(browser, 'Undo drawings')
  const adaList = await openListView(ada)
  const graceList = await openListView(grace)

  await tool(grace, 'Pen').click()
  await drawOnBoard(grace, [
    [0.2, 0.2],
    [0.3, 0.3],
  ])
  await expect(adaList.getByRole('listitem').filter({ hasText: 'Pen stroke' })).toHaveCount(1)

  await tool(ada, 'Shape').click()
  await drawOnBoard(ada, [
    [0.3, 0.5],
    [0.45, 0.7],
  ])
  await expect(graceList.getByRole('listitem').filter({ hasText: 'Rectangle' })).toHaveCount(1)

  await tool(ada, 'Undo').click()
  await expect(graceList.getByRole('listitem').filter({ hasText: 'Rectangle' })).toHaveCount(0)
  await expect(graceList.getByRole('listitem').filter({ hasText: 'Pen stroke' })).toHaveCount(1)
  await expect(adaList.getByRole('listitem').filter({ hasText: 'Pen stroke' })).toHaveCount(1)
})

test('duplicate, copy and paste onto another canvas, and the eraser', async ({ browser }) => {
  const [ada, grace] = await twoPeople(browser, 'Copy and paste')
  const graceList = await openListView(grace)

  await tool(ada, 'Sticky note').click()
  await ada.keyboard.type('Share the recipe')
  await ada.keyboard.press('Escape') // editing ends; the note stays selected
  await ada.keyboard.press('Control+D')
  await expect(graceList.getByRole('listitem').filter({ hasText: 'Share the recipe' })).toHaveCount(2)

  await ada.keyboard.press('Control+C')
  await openCanvas(ada, 'Actions')
  await ada.getByTestId('board-canvas').click({ position: { x: 5, y: 5 } })
  await ada.keyboard.press('Control+V')
  await openCanvas(grace, 'Actions')
  // (the note may land in one of the canvas's frames, which lists it nested: count its field)
  await expect(graceList.getByRole('textbox', { name: /^Note/ })).toHaveValue('Share the recipe')

  // a stroke, then the eraser drawn across it
  await tool(ada, 'Pen').click()
  await drawOnBoard(ada, [
    [0.2, 0.3],
    [0.4, 0.3],
  ])
  const strokes = graceList.getByRole('listitem').filter({ hasText: /^Pen stroke/ })
  await expect(strokes).toHaveCount(1)
  await ada.getByRole('group', { name: 'Pen options' }).getByRole('button', { name: 'Eraser' }).click()
  await drawOnBoard(ada, [
    [0.3, 0.2],
    [0.3, 0.4],
  ])
  await expect(strokes).toHaveCount(0)
})

test('a facilitator locks an object; participants cannot delete it until it is unlocked', async ({
  browser,
}) => {
  const home = await openAsNewPerson(browser, '/')
  const link = await createSession(home, 'Locking')
  const facilitatorLink = await home.getByRole('textbox', { name: 'Facilitator', exact: true }).inputValue()
  await home.context().close()
  const fran = await openAsNewPerson(browser, facilitatorLink)
  const pat = await openAsNewPerson(browser, link)
  await join(fran, 'Fran')
  await join(pat, 'Pat')

  await tool(fran, 'Sticky note').click()
  await fran.keyboard.type('Ground rules')
  await fran.keyboard.press('Escape')
  const franBar = fran.getByRole('group', { name: 'Selection' })
  await (await moreActions(fran)).getByRole('button', { name: 'Lock' }).click()
  await expect(franBar).toContainText('Locked')
  // the board's rules let facilitators remove what they locked (a moderation tool); nobody else
  await expect(franBar.getByRole('button', { name: 'Delete' })).not.toHaveAttribute('aria-disabled', 'true')

  // Pat selects it on the canvas (same view, same place): no Lock button, and Delete does nothing.
  const box = await pat.getByTestId('board-canvas').boundingBox()
  if (!box) throw new Error('no board')
  const patBar = pat.getByRole('group', { name: 'Selection' })
  await expect(async () => {
    await pat.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
    await expect(patBar).toContainText('Locked', { timeout: 1000 })
  }).toPass()
  await expect((await moreActions(pat)).getByRole('button', { name: /^(Lock|Unlock)$/ })).toHaveCount(0)
  await pat.keyboard.press('Delete')
  const notes = await openListView(pat)
  await expect(notes.getByRole('listitem').filter({ hasText: 'Ground rules' })).toHaveCount(1)

  await (await moreActions(fran)).getByRole('button', { name: 'Unlock' }).click()
  await expect(franBar).not.toContainText('Locked')
  await franBar.getByRole('button', { name: 'Delete' }).click()
  await expect(notes.getByRole('listitem').filter({ hasText: 'Ground rules' })).toHaveCount(0)
})

test('previous and next page move the view through the frames in order', async ({ browser }) => {
  const [ada] = await twoPeople(browser, 'Pages')
  await openCanvas(ada, 'Themes')
  const pages = ada.getByRole('group', { name: 'Pages' })
  await expect(pages).toContainText(/of 4|4 pages/)
  const next = pages.getByRole('button', { name: 'Next page' })
  // however the view starts, Next steps through to the last page, where it stops
  await expect(async () => {
    if ((await next.getAttribute('aria-disabled')) !== 'true') await next.click()
    await expect(pages).toContainText('Page 4 of 4 · Theme 4', { timeout: 500 })
  }).toPass()
  await expect(next).toHaveAttribute('aria-disabled', 'true')
  await pages.getByRole('button', { name: 'Previous page' }).click()
  await expect(pages).toContainText('Page 3 of 4 · Theme 3')
})

test('pictures can be pasted and dropped onto the board', async ({ browser }) => {
  const [ada, grace] = await twoPeople(browser, 'Paste and drop')
  const list = await openListView(grace)
  const bytes = [...redPng(24, 24)]
  const skip = ada
    .getByRole('dialog', { name: 'Describe this image' })
    .getByRole('button', { name: 'Skip for now' })

  await ada.getByTestId('board-canvas').click({ position: { x: 300, y: 200 } })
  await ada.evaluate((data) => {
    const clipboard = new DataTransfer()
    clipboard.items.add(new File([new Uint8Array(data)], 'pasted.png', { type: 'image/png' }))
    const target = document.activeElement ?? document.body
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true }))
  }, bytes)
  await skip.click()
  await expect(list.getByRole('listitem').filter({ hasText: /^Image 1/ })).toHaveCount(1)

  const files = await ada.evaluateHandle((data) => {
    const transfer = new DataTransfer()
    transfer.items.add(new File([new Uint8Array(data)], 'dropped.png', { type: 'image/png' }))
    return transfer
  }, bytes)
  const area = ada.getByRole('tabpanel')
  await area.dispatchEvent('dragover', { dataTransfer: files })
  await area.dispatchEvent('drop', { dataTransfer: files, clientX: 500, clientY: 400 })
  await skip.click()
  await expect(list.getByRole('listitem').filter({ hasText: /^Image 2/ })).toHaveCount(1)
})
