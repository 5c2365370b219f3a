import { devices, type Browser, type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { createSession, join, openAsNewPerson, openCanvas, openListView } from './helpers'

/** Creates a session; returns its participant and facilitator links. */
async function newSession(browser: Browser, title: string) {
  const home = await openAsNewPerson(browser, '/')
  const participant = await createSession(home, title)
  const facilitator = await home.getByRole('textbox', { name: 'Facilitator', exact: true }).inputValue()
  await home.context().close()
  return { participant, facilitator }
}

const tabs = (page: Page) => page.getByRole('tablist', { name: 'Canvases' }).getByRole('tab')
/** Wide enough for every tab of these sessions in the row (narrower, some go into "More canvases"). */
const WIDE = { viewport: { width: 1920, height: 900 } }
const boardCanvas = (page: Page) => page.getByTestId('board-canvas')

/** The world point at the middle of a person's view, from the canvas's test hook. */
async function viewCenter(page: Page): Promise<{ x: number; y: number }> {
  const [x, y] = ((await boardCanvas(page).getAttribute('data-center')) ?? '').split(',').map(Number)
  return { x: x ?? NaN, y: y ?? NaN }
}

async function openPeople(page: Page) {
  const toggle = page.getByRole('button', { name: 'People', exact: true })
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click()
  return page.getByRole('complementary', { name: 'People' })
}

test('a facilitator adds, renames and reorders canvases; a participant sees it but cannot', async ({
  browser,
}) => {
  const links = await newSession(browser, 'Canvases')
  const fran = await openAsNewPerson(browser, links.facilitator, WIDE)
  await join(fran, 'Fran')
  const pat = await openAsNewPerson(browser, links.participant, WIDE)
  await join(pat, 'Pat')
  const start = ['Commitments', 'Individual reflections', 'Themes', 'Actions']
  await expect(tabs(pat)).toHaveText(start)
  for (const name of ['Add canvas', 'Canvas options']) {
    await expect(pat.getByRole('button', { name })).toHaveCount(0)
  }

  // Add, with the keyboard: the new canvas opens with its name selected, ready to type over.
  await fran.getByRole('button', { name: 'Add canvas' }).press('Enter')
  const nameField = fran.getByRole('textbox', { name: 'Canvas name' })
  await expect(nameField).toBeFocused()
  await fran.keyboard.type('Parking lot')
  await fran.keyboard.press('Enter')
  await expect(tabs(pat)).toHaveText([...start, 'Parking lot'])
  await expect(fran.getByRole('tab', { name: 'Parking lot' })).toHaveAttribute('aria-selected', 'true')

  // Reorder with the keyboard: two steps to the left.
  await fran.getByRole('button', { name: 'Canvas options' }).press('Enter')
  const left = fran.getByRole('button', { name: 'Move canvas left' })
  await left.press('Enter')
  await expect(tabs(pat)).toHaveText([
    'Commitments',
    'Individual reflections',
    'Themes',
    'Parking lot',
    'Actions',
  ])
  await left.press('Enter')
  await expect(tabs(pat)).toHaveText([
    'Commitments',
    'Individual reflections',
    'Parking lot',
    'Themes',
    'Actions',
  ])

  await fran.getByRole('button', { name: 'Rename canvas' }).click()
  await nameField.fill('Parked ideas')
  await nameField.press('Enter')
  const renamed = ['Commitments', 'Individual reflections', 'Parked ideas', 'Themes', 'Actions']
  await expect(tabs(pat)).toHaveText(renamed)
})

test('deleting a canvas asks first, and takes its objects with it for everyone', async ({ browser }) => {
  const links = await newSession(browser, 'Deleting canvases')
  const fran = await openAsNewPerson(browser, links.facilitator, WIDE)
  await join(fran, 'Fran')
  const pat = await openAsNewPerson(browser, links.participant, WIDE)
  await join(pat, 'Pat')
  const start = ['Commitments', 'Individual reflections', 'Themes', 'Actions']
  await fran.getByRole('button', { name: 'Add canvas' }).click()
  await fran.getByRole('textbox', { name: 'Canvas name' }).fill('Parked ideas')
  await fran.keyboard.press('Enter')
  const renamed = [...start, 'Parked ideas']
  await expect(tabs(pat)).toHaveText(renamed)

  // Something on it, which Pat sees there.
  await openListView(fran)
  await fran.getByRole('button', { name: 'Add note' }).click()
  await fran.keyboard.type('Later')
  await openCanvas(pat, 'Parked ideas')
  const patNotes = await openListView(pat)
  await expect(patNotes.getByRole('listitem').filter({ hasText: 'Later' })).toHaveCount(1)

  // Deleting asks first; keeping it changes nothing.
  await fran.getByRole('button', { name: 'Canvas options' }).click()
  await fran.getByRole('button', { name: 'Delete canvas' }).click()
  const dialog = fran.getByRole('alertdialog', { name: 'Delete “Parked ideas”?' })
  await expect(dialog).toContainText('the object on it')
  await expect(dialog.getByRole('button', { name: 'Keep it' })).toBeFocused()
  await fran.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(tabs(pat)).toHaveText(renamed)

  await fran.getByRole('button', { name: 'Delete canvas' }).click()
  await dialog.getByRole('button', { name: 'Delete' }).click()
  await expect(tabs(pat)).toHaveText(start)
  await expect(tabs(fran)).toHaveText(start)
  // Pat was on it: the board moves to a canvas that exists, and the note went with its canvas.
  await expect(pat.getByRole('tab', { selected: true })).toHaveCount(1)
  await expect(patNotes.getByRole('listitem').filter({ hasText: 'Later' })).toHaveCount(0)
})

test('a note added from the list view with the keyboard reaches the other, who hears of it politely', async ({
  browser,
}) => {
  const { participant } = await newSession(browser, 'Announcements')
  const ada = await openAsNewPerson(browser, participant)
  const grace = await openAsNewPerson(browser, participant)
  await join(ada, 'Ada')
  await join(grace, 'Grace')

  const listToggle = ada.getByRole('button', { name: 'List view' })
  await listToggle.focus()
  await ada.keyboard.press('Enter')
  await ada.getByRole('button', { name: 'Add note' }).focus()
  await ada.keyboard.press('Enter')
  await expect(ada.getByRole('list', { name: /^Notes on/ }).getByRole('textbox')).toBeFocused()
  await ada.keyboard.type('Ask about childcare')

  const notesOfGrace = await openListView(grace)
  await expect(notesOfGrace.getByRole('listitem').filter({ hasText: 'Ask about childcare' })).toHaveCount(1)
  const graceHears = grace.getByRole('log', { name: 'Board updates' })
  await expect(graceHears).toHaveAttribute('aria-live', 'polite')
  await expect(graceHears).toHaveText('Ada added a note: Ask about childcare')

  // Grace adds one: Ada hears of Grace's note, and never of her own.
  await grace.getByRole('button', { name: 'Add note' }).click()
  await grace.keyboard.type('Bring snacks')
  await expect(ada.getByRole('log', { name: 'Board updates' })).toHaveText('Grace added a note: Bring snacks')
})

/** A 1×1 PNG: enough for the server to accept and decode. */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
)

test('the list view outlines frames with what they hold, images by their description, recipe cards', async ({
  browser,
}) => {
  const { participant } = await newSession(browser, 'Outline')
  const ada = await openAsNewPerson(browser, participant)
  const grace = await openAsNewPerson(browser, participant)
  await join(ada, 'Ada')
  await join(grace, 'Grace')
  const tools = ada.getByRole('toolbar', { name: 'Tools' })

  // A note in the middle of the view, then a frame drawn around it.
  await openListView(ada)
  await ada.getByRole('button', { name: 'Add note' }).click()
  await ada.keyboard.type('Inside the frame')
  const box = (await boardCanvas(ada).boundingBox())!
  const cx = box.x + box.width / 2
  const cy = box.y + box.height / 2
  await tools.getByRole('button', { name: 'Frame', exact: true }).click()
  await ada.mouse.move(cx - 300, cy - 200)
  await ada.mouse.down()
  await ada.mouse.move(cx, cy, { steps: 4 })
  await ada.mouse.move(cx + 300, cy + 250, { steps: 4 })
  await ada.mouse.up()

  // A picture, left without a description for now.
  const chooser = ada.waitForEvent('filechooser')
  await tools.getByRole('button', { name: 'Image', exact: true }).click()
  await (await chooser).setFiles({ name: 'garden.png', mimeType: 'image/png', buffer: TINY_PNG })
  await ada
    .getByRole('dialog', { name: 'Describe this image' })
    .getByRole('button', { name: 'Skip for now' })
    .click()

  await tools.getByRole('button', { name: 'Recipe card', exact: true }).click()

  const notes = await openListView(grace)
  const inFrame = notes.getByRole('list', { name: 'Frame: Frame 1' })
  await expect(inFrame.getByRole('listitem').filter({ hasText: 'Inside the frame' })).toHaveCount(1)
  const recipe = notes.getByRole('listitem').filter({ hasText: 'Recipe card 1' })
  await expect(recipe).toContainText('Untitled recipe')
  await expect(recipe).toContainText('Recipe by Ada')
  await expect(inFrame).not.toContainText('Recipe card') // it was placed beside the frame
  // The innermost item (the picture may have landed in the frame, whose item holds it too).
  const image = notes.getByRole('listitem').filter({ hasText: 'Image 1' }).last()
  await expect(image).toContainText('Needs a description')

  // Contributions are protected in this template: Grace reads it, Ada describes it from the list,
  // and everyone then reads the description.
  await expect(image.getByRole('textbox', { name: 'Description of image 1' })).toHaveCount(0)
  const adasImage = ada
    .getByRole('list', { name: /^Notes on/ })
    .getByRole('listitem')
    .filter({ hasText: 'Image 1' })
    .last()
  const field = adasImage.getByRole('textbox', { name: 'Description of image 1' })
  await field.fill('A hand-drawn map of the garden')
  await field.blur()
  await expect(image).toContainText('A hand-drawn map of the garden')
  await expect(image).not.toContainText('Needs a description')
})

test('the Hand tool and Space+drag pan over notes; the wheel pans; Ctrl+wheel and keys zoom', async ({
  browser,
}) => {
  const { participant } = await newSession(browser, 'Moving around')
  const ada = await openAsNewPerson(browser, participant)
  await join(ada, 'Ada')
  const tools = ada.getByRole('toolbar', { name: 'Tools' })
  await tools.getByRole('button', { name: 'Sticky note' }).click()
  await ada.keyboard.type('In the way')
  await ada.keyboard.press('Escape')
  const box = (await boardCanvas(ada).boundingBox())!
  const cx = box.x + box.width / 2
  const cy = box.y + box.height / 2
  /** Drags from the middle of the board (where the note is) by (dx, dy). */
  const drag = async (dx: number, dy: number) => {
    await ada.mouse.move(cx, cy)
    await ada.mouse.down()
    await ada.mouse.move(cx + dx / 2, cy + dy / 2, { steps: 3 })
    await ada.mouse.move(cx + dx, cy + dy, { steps: 3 })
    await ada.mouse.up()
  }
  const centerNow = async () => viewCenter(ada)

  await ada.keyboard.press('Escape') // let go of the note: a key typed on a selected note goes into it
  await ada.keyboard.press('h')
  await expect(tools.getByRole('button', { name: 'Hand' })).toHaveAttribute('aria-pressed', 'true')
  let before = await centerNow()
  await drag(-200, -100)
  await expect.poll(centerNow).toEqual({ x: before.x + 200, y: before.y + 100 })

  // Back to Select: Space held turns a drag over the note into a pan too.
  await tools.getByRole('button', { name: 'Select' }).click()
  // (Space on a focused button presses it; on the board it pans.)
  await ada.getByRole('group', { name: /^Canvas Individual reflections: / }).focus()
  before = await centerNow()
  await ada.keyboard.down(' ')
  await drag(100, 0)
  await ada.keyboard.up(' ')
  await expect.poll(centerNow).toEqual({ x: before.x - 100, y: before.y })

  before = await centerNow()
  await ada.mouse.wheel(0, 120)
  await expect.poll(centerNow).toEqual({ x: before.x, y: before.y + 120 })

  const zoom = ada.getByRole('button', { name: /^Zoom \d+%/ })
  await ada.keyboard.down('Control')
  await ada.mouse.wheel(0, -100)
  await ada.keyboard.up('Control')
  await expect(zoom).not.toHaveText('100%')
  await ada.keyboard.press('0')
  await expect(zoom).toHaveText('100%')
  await ada.keyboard.press('+')
  await expect(zoom).toHaveText('125%')
  await ada.getByRole('button', { name: 'Zoom out' }).click()
  await expect(zoom).toHaveText('100%')
})

test('"Go to" takes me to someone’s cursor on their canvas', async ({ browser }) => {
  const { participant } = await newSession(browser, 'Go to')
  const ada = await openAsNewPerson(browser, participant)
  const grace = await openAsNewPerson(browser, participant)
  await join(ada, 'Ada')
  await join(grace, 'Grace')

  await openCanvas(grace, 'Themes')
  // (Themes opens on its first frame, zoomed to fit: back to 100%, where screen and world agree)
  await grace.getByRole('button', { name: /^Zoom \d+%/ }).click()
  await expect(grace.getByRole('button', { name: /^Zoom \d+%/ })).toHaveText('100%')
  const box = (await boardCanvas(grace).boundingBox())!
  // Somewhere away from the middle of Grace's view, so that landing there means something.
  await grace.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.8)
  const center = await viewCenter(grace)
  const pointedAt = { x: center.x + box.width * 0.3, y: center.y + box.height * 0.3 }

  const people = await openPeople(ada)
  await expect(people.getByRole('listitem').filter({ hasText: 'Grace' })).toContainText('on “Themes”')
  await people.getByRole('button', { name: 'Go to Grace' }).click()
  await expect(ada.getByRole('tab', { name: 'Themes' })).toHaveAttribute('aria-selected', 'true')
  await expect
    .poll(async () => {
      const mine = await viewCenter(ada)
      return Math.hypot(mine.x - pointedAt.x, mine.y - pointedAt.y)
    })
    .toBeLessThan(2)
})

test('"Hide my cursor" stops others seeing my cursor, and is remembered on this device', async ({
  browser,
}) => {
  const { participant } = await newSession(browser, 'Cursors')
  const ada = await openAsNewPerson(browser, participant)
  const grace = await openAsNewPerson(browser, participant)
  await join(ada, 'Ada')
  await join(grace, 'Grace')
  const cursorsAdaSees = boardCanvas(ada)

  const box = (await boardCanvas(grace).boundingBox())!
  await grace.mouse.move(box.x + 200, box.y + 150)
  await grace.mouse.move(box.x + 220, box.y + 160)
  await expect(cursorsAdaSees).toHaveAttribute('data-cursors', 'Grace')

  const people = await openPeople(grace)
  const hide = people.getByRole('button', { name: 'Hide my cursor' })
  await expect(hide).toHaveAttribute('aria-pressed', 'false')
  await hide.click()
  await expect(hide).toHaveAttribute('aria-pressed', 'true')
  await expect(cursorsAdaSees).toHaveAttribute('data-cursors', '')

  // Moving over the board sends nothing. To know Ada has heard all Grace sent since, Grace then
  // switches canvas from the keyboard, and the cursor would have gone out with that news.
  await grace.mouse.move(box.x + 150, box.y + 120)
  await grace.mouse.move(box.x + 160, box.y + 140)
  // (a session opens on its first step's canvas, Individual reflections; the next tab is Themes)
  await grace.getByRole('tab', { name: 'Individual reflections' }).press('ArrowRight')
  const adaPeople = await openPeople(ada)
  await expect(adaPeople.getByRole('listitem').filter({ hasText: 'Grace' })).toContainText('on “Themes”')
  await expect(cursorsAdaSees).toHaveAttribute('data-cursors', '')

  await grace.reload()
  const again = await openPeople(grace)
  await expect(again.getByRole('button', { name: 'Hide my cursor' })).toHaveAttribute('aria-pressed', 'true')
})

test('on a phone, a participant adds and edits a note, pans and pinches; controls are finger-sized', async ({
  browser,
}) => {
  const { participant } = await newSession(browser, 'Phones')
  const desk = await openAsNewPerson(browser, participant)
  await join(desk, 'Desk')
  const phoneContext = await browser.newContext({ ...devices['Pixel 7'] })
  const phone = await phoneContext.newPage()
  await phone.goto(participant)
  await join(phone, 'Pia')

  // Every control on the board is at least 44 by 44 CSS pixels.
  const sizes = await phone.locator('.board-screen button:visible').evaluateAll((buttons) =>
    buttons.map((b) => ({
      name: b.getAttribute('aria-label') ?? b.textContent,
      ...b.getBoundingClientRect().toJSON(),
    })),
  )
  expect(sizes.length).toBeGreaterThan(5)
  for (const s of sizes) expect.soft(Math.min(s.width, s.height), String(s.name)).toBeGreaterThanOrEqual(44)

  // One finger on empty space pans; two fingers pinch to zoom.
  const box = (await boardCanvas(phone).boundingBox())!
  const cdp = await phoneContext.newCDPSession(phone)
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: [number, number][]) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: points.map(([x, y], id) => ({ x: box.x + x, y: box.y + y, id })),
    })
  const before = await viewCenter(phone)
  await touch('touchStart', [[100, 150]])
  for (let i = 1; i <= 5; i++) await touch('touchMove', [[100 + i * 20, 150 + i * 10]])
  await touch('touchEnd', [])
  await expect.poll(async () => (await viewCenter(phone)).x).toBeLessThan(before.x - 50)

  // (the zoom buttons are behind Menu on a phone: the canvas says its scale)
  const zoom = boardCanvas(phone)
  await expect(zoom).toHaveAttribute('data-scale', '1')
  await touch('touchStart', [
    [150, 200],
    [200, 200],
  ])
  for (let i = 1; i <= 5; i++) {
    await touch('touchMove', [
      [150 - i * 10, 200],
      [200 + i * 10, 200],
    ])
  }
  await touch('touchEnd', [])
  await expect(zoom).toHaveAttribute('data-scale', '3')

  // Add a note with the toolbar, then edit it in the list view.
  await phone.getByRole('toolbar', { name: 'Tools' }).getByRole('button', { name: 'Sticky note' }).tap()
  await expect(phone.getByRole('textbox', { name: /^Note text/ })).toBeFocused()
  await phone.keyboard.type('From my phone')
  const deskNotes = await openListView(desk)
  await expect(deskNotes.getByRole('listitem').filter({ hasText: 'From my phone' })).toHaveCount(1)

  const phoneNotes = await openListView(phone)
  await phoneNotes.getByRole('textbox').fill('From my phone, edited')
  await phoneNotes.getByRole('textbox').blur()
  await expect(deskNotes.getByRole('textbox')).toHaveValue('From my phone, edited')
})
