import { type Browser, type BrowserContextOptions, type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import type { WebSocketRoute } from '@playwright/test'
import { createLinks, expectConnected, openListView, moreActions } from './helpers'

/*
 * The board's rules as people meet them: the interface offers only what the server keeps, and a
 * change the server refuses anyway (the person had not heard of a lock or of protection yet) is
 * explained in one sentence, with nothing else of theirs lost.
 *
 * To make a person miss a change deterministically, their page's websockets go through a route that
 * can hold what the server sends (`holdable`): the facilitator changes something, the server relays
 * it, the route keeps it back, the person acts on what they see, then the route lets it all through.
 */

const PHONE: BrowserContextOptions = { viewport: { width: 412, height: 915 }, hasTouch: true, isMobile: true }

type Frame = string | Buffer
const isUpdate = (m: Frame) => typeof m !== 'string' && m[0] === 0 && m[1] === 2

/** A person whose page's websockets pass through a route that can hold what the server sends. */
async function holdablePerson(browser: Browser, link: string, options: BrowserContextOptions = {}) {
  const page = await (await browser.newContext(options)).newPage()
  const state = {
    on: false,
    held: [] as { ws: WebSocketRoute; message: Frame; room: string }[],
    sent: [] as { message: Frame; room: string }[],
  }
  await page.routeWebSocket(/\/ws\//, (ws) => {
    const room = decodeURIComponent(new URL(ws.url()).pathname.slice('/ws/'.length))
    const server = ws.connectToServer()
    ws.onMessage((message) => {
      if (state.on) state.sent.push({ message, room })
      server.send(message)
    })
    server.onMessage((message) => {
      if (state.on) state.held.push({ ws, message, room })
      else ws.send(message)
    })
  })
  await page.goto(link)
  const inRoom = (room: string, kind: 'board' | 'control') =>
    kind === 'board' ? !room.includes('/') : room.endsWith('/control')
  return {
    page,
    hold: () => {
      state.on = true
    },
    /** Document changes the server relayed to this page, in a room, while held. */
    heldUpdates: (kind: 'board' | 'control') =>
      state.held.filter((h) => inRoom(h.room, kind) && isUpdate(h.message)).length,
    /** Document changes this page sent to the board room while held. */
    sentUpdates: () => state.sent.filter((s) => inRoom(s.room, 'board') && isUpdate(s.message)).length,
    release: () => {
      state.on = false
      for (const { ws, message } of state.held.splice(0)) {
        try {
          ws.send(message)
        } catch {
          // that socket has closed meanwhile: its generation is gone
        }
      }
    },
  }
}

async function open(browser: Browser, link: string, options: BrowserContextOptions = {}) {
  const page = await (await browser.newContext(options)).newPage()
  await page.goto(link)
  return page
}

async function joinAs(page: Page, name: string) {
  await page.getByRole('textbox', { name: /^(Your name|你的名字)$/ }).fill(name)
  await page.getByRole('button', { name: /^(I agree|我同意)$/ }).click()
  await expectConnected(page)
}

/** Adds a note from the list view and types its text. */
async function addNote(page: Page, text: string) {
  await page.getByRole('button', { name: /^(Add note|添加便签)$/ }).click()
  await page.keyboard.type(text)
}

const row = (list: ReturnType<Page['getByRole']>, text: string) =>
  list.getByRole('listitem').filter({ hasText: text })

/** Clicks the board at a point of the canvas's own coordinates (read from the canvas's view). */
async function clickAt(page: Page, [x, y]: readonly [number, number]) {
  const canvas = page.getByTestId('board-canvas')
  const box = (await canvas.boundingBox())!
  const [cx, cy] = (await canvas.getAttribute('data-center'))!.split(',').map(Number) as [number, number]
  const scale = Number(await canvas.getAttribute('data-scale'))
  await page.mouse.click(box.x + box.width / 2 + (x - cx) * scale, box.y + box.height / 2 + (y - cy) * scale)
}

async function setProtect(fay: Page, on: boolean) {
  const box = fay.getByRole('checkbox', { name: 'Protect contributions' })
  if (!(await box.isVisible())) await fay.getByText('Session settings').click()
  if (on) await box.check()
  else await box.uncheck()
  // the settings float over the board: Escape closes them, as a person would before drawing
  await fay.keyboard.press('Escape')
  await expect(box).toBeHidden()
}

test('a note locked while a participant moves it: the move is explained and undone, their next note is kept', async ({
  browser,
}) => {
  const links = await createLinks(browser, 'Locked while moving')
  const fay = await open(browser, links.facilitator)
  const pat = await holdablePerson(browser, links.participant)
  await joinAs(fay, 'Fay')
  await joinAs(pat.page, 'Pat')
  // anyone may move anyone's note here (the template protects contributions: turned off)
  await setProtect(fay, false)
  await fay.screenshot({ path: 'test-results/protect-setting.png' })

  await fay.getByRole('toolbar', { name: 'Tools' }).getByRole('button', { name: 'Sticky note' }).click()
  await fay.keyboard.type('Hold still')
  await fay.keyboard.press('Escape')
  const fayBar = fay.getByRole('group', { name: 'Selection' })
  await expect((await moreActions(fay)).getByRole('button', { name: 'Lock', exact: true })).toBeVisible()
  const where = await fay.getByTestId('board-canvas').getAttribute('data-selection-at')
  const [x, y] = where!.split(',').map(Number) as [number, number]
  const middle = [x + 100, y + 100] as const // a new note is 200 × 200

  // Pat selects the note in the middle of the board, and opens the list beside it
  const patList = await openListView(pat.page)
  const canvas = pat.page.getByTestId('board-canvas')
  await expect(async () => {
    await clickAt(pat.page, middle)
    await expect(canvas).toHaveAttribute('data-selection-at', where!, { timeout: 1000 })
  }).toPass()

  // the facilitator locks it; the server has the lock, Pat's page does not yet
  pat.hold()
  await (await moreActions(fay)).getByRole('button', { name: 'Lock', exact: true }).click()
  await expect(fayBar).toContainText('Locked')
  await expect.poll(() => pat.heldUpdates('board')).toBeGreaterThan(0)

  // Pat moves it, then adds a note of her own right after
  await pat.page.keyboard.press('ArrowRight')
  await expect(canvas).not.toHaveAttribute('data-selection-at', where!)
  await addNote(pat.page, 'Added right after')
  await expect.poll(() => pat.sentUpdates()).toBeGreaterThan(1)
  pat.release()

  const sentence = pat.page.getByText('Your change to this note was not kept: the facilitator locked it.')
  await expect(sentence).toBeVisible()
  await pat.page.screenshot({ path: 'test-results/refusal-laptop.png' })
  // the note is where the server has it, for Pat too; her own note is on everyone's board
  const fayList = await openListView(fay)
  await expect(fayList.getByRole('listitem').filter({ hasText: 'Added right after' })).toHaveCount(1)
  await expect(row(patList, 'Added right after')).toHaveCount(1)
  await expect(fay.getByTestId('board-canvas')).toHaveAttribute('data-selection-at', where!)
  await expect(async () => {
    await clickAt(pat.page, middle)
    await expect(canvas).toHaveAttribute('data-selection-at', where!, { timeout: 1000 })
  }).toPass()
  await expect(pat.page.getByRole('group', { name: 'Selection' })).toContainText('Locked')
  // the sentence is not the page's status (that is the connection's)
  await expectConnected(pat.page)
  await pat.page.screenshot({ path: 'test-results/refusal-laptop-after.png' })
})

test('protected contributions: others’ notes are not offered for change, a change made unknowingly is explained (Chinese, phone)', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const links = await createLinks(browser, 'Protected')
  const fay = await open(browser, links.facilitator)
  const ann = await holdablePerson(browser, links.participant, { locale: 'zh-CN' })
  const ben = await holdablePerson(browser, links.participant, PHONE)
  await joinAs(fay, 'Fay')
  await joinAs(ann.page, '安')
  await joinAs(ben.page, 'Ben')
  // the sense-making template protects contributions; participants are told in one line
  await expect(ben.page.getByText('Protected: you can change only your own notes')).toBeVisible()
  await expect(ann.page.getByText('内容受保护：你只能修改自己的便签')).toBeVisible()
  await setProtect(fay, false)
  await expect(ben.page.getByText('Protected: you can change only your own notes')).toBeHidden()

  const annList = await openListView(ann.page)
  const benList = await openListView(ben.page)
  await addNote(ann.page, '安的想法')
  await addNote(ben.page, 'Ben’s idea')
  await expect(row(annList, 'Ben’s idea')).toHaveCount(1)
  await expect(row(benList, '安的想法')).toHaveCount(1)

  // protection comes back on while neither has heard: Ann rewrites Ben's note, Ben deletes Ann's
  ann.hold()
  ben.hold()
  await setProtect(fay, true)
  await expect.poll(() => ann.heldUpdates('control')).toBeGreaterThan(0)
  await expect.poll(() => ben.heldUpdates('control')).toBeGreaterThan(0)
  await row(annList, 'Ben’s idea').getByRole('textbox').fill('安改过了')
  await row(benList, '安的想法').getByRole('button', { name: 'Delete note' }).click()
  await expect(row(benList, '安的想法')).toHaveCount(0)
  await ann.page.keyboard.press('Tab') // the field saves its draft and shows the document again
  await expect.poll(() => ann.sentUpdates()).toBeGreaterThan(0)
  await expect.poll(() => ben.sentUpdates()).toBeGreaterThan(0)
  ann.release()
  ben.release()

  await expect(
    ann.page.getByText('你对这张便签的修改未被保留：只有添加它的人（或主持人）可以修改它。'),
  ).toBeVisible()
  await expect(
    ben.page.getByText(
      'Your change to this note was not kept: only the person who added it (or a facilitator) can change it.',
    ),
  ).toBeVisible()
  await ann.page.screenshot({ path: 'test-results/refusal-chinese.png' })
  await ben.page.screenshot({ path: 'test-results/refusal-phone.png' })
  // both notes are as their authors left them
  await expect(row(annList, 'Ben’s idea')).toHaveCount(1)
  await expect(row(benList, '安的想法')).toHaveCount(1)

  // now the interface knows: Ben may change and delete his own note, not Ann's
  const bensOwn = row(benList, 'Ben’s idea')
  const annsNote = row(benList, '安的想法')
  await expect(annsNote.getByRole('textbox')).not.toBeEditable()
  await expect(annsNote.getByRole('button', { name: 'Delete note' })).toHaveCount(0)
  await expect(bensOwn.getByRole('button', { name: 'Delete note' })).toBeVisible()
  await bensOwn.getByRole('textbox').fill('Ben’s better idea')
  const fayList = await openListView(fay)
  await expect(fayList.getByRole('listitem').filter({ hasText: 'Ben’s better idea' })).toHaveCount(1)
  await expect(row(annList, 'Ben’s better idea').getByRole('textbox')).not.toBeEditable()
  await expect(row(annList, '安的想法').getByRole('textbox')).toBeEditable()

  // the facilitator may delete anyone's
  await fayList
    .getByRole('listitem')
    .filter({ hasText: '安的想法' })
    .getByRole('button', { name: 'Delete note' })
    .click()
  await expect(row(benList, '安的想法')).toHaveCount(0)
  await expect(row(annList, '安的想法')).toHaveCount(0)
})

test('consent to exports is offered on one’s own notes only', async ({ browser }) => {
  const links = await createLinks(browser, 'Consent')
  const ada = await open(browser, links.participant)
  const bea = await open(browser, links.participant)
  await joinAs(ada, 'Ada')
  await joinAs(bea, 'Bea')
  const adaList = await openListView(ada)
  const beaList = await openListView(bea)
  await addNote(ada, 'Ada writes')
  await addNote(bea, 'Bea writes')
  await expect(row(adaList, 'Bea writes')).toHaveCount(1)
  await expect(row(beaList, 'Ada writes')).toHaveCount(1)

  const consent = { name: 'Include in exports' }
  await expect(row(adaList, 'Ada writes').getByRole('checkbox', consent)).toBeChecked()
  await expect(row(adaList, 'Bea writes').getByRole('checkbox', consent)).toHaveCount(0)
  await expect(row(beaList, 'Ada writes').getByRole('checkbox', consent)).toHaveCount(0)
  // Ada withdraws hers; the server keeps it (it is hers), and Bea still cannot touch it
  await row(adaList, 'Ada writes').getByRole('checkbox', consent).uncheck()
  await ada.reload()
  await expect(row(await openListView(ada), 'Ada writes').getByRole('checkbox', consent)).not.toBeChecked()
  await expect(row(beaList, 'Bea writes').getByRole('checkbox', consent)).toBeChecked()
})
