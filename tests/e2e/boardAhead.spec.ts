import { expect, test } from './fixtures'
import { createLinks, expectConnected, join, noteRows, openAsNewPerson, openListView } from './helpers'

// The board's document is fetched (compressed, over HTTP) while a newcomer reads the join page; their
// websocket then brings only what changed since, and nothing written in between is missed.
test('a newcomer on a phone gets the board fetched while they read the join page, and what was added since', async ({
  browser,
}) => {
  const links = await createLinks(browser, 'Fetched ahead', 'collage')
  const ada = await openAsNewPerson(browser, links.facilitator)
  await join(ada, 'Ada')
  const notesOfAda = await openListView(ada)
  const add = async (text: string) => {
    await ada.getByRole('button', { name: 'Add note' }).click()
    await ada.keyboard.type(text)
    await ada.keyboard.press('Escape')
    await expect(noteRows(notesOfAda, text)).toHaveCount(1)
  }
  await add('Bring a dish to share')
  await add('Childcare on Saturdays')

  const phone = await browser.newContext({
    viewport: { width: 412, height: 915 },
    hasTouch: true,
    isMobile: true,
  })
  const ben = await phone.newPage()
  // what Ben's board room receives over its websocket, frame by frame
  const boardFrames: number[] = []
  ben.on('websocket', (ws) => {
    if (!/\/ws\/[\w-]{22}\?/.test(ws.url())) return // the board's room (not control or private)
    ws.on('framereceived', (frame) => boardFrames.push(frame.payload.length))
  })
  const fetched = ben.waitForResponse((res) => /\/api\/sessions\/[\w-]{22}\/board\?/.test(res.url()))
  await ben.goto(links.participant)
  const ahead = await fetched
  expect(ahead.status()).toBe(200)
  const aheadBytes = (await ahead.body()).byteLength

  // written while Ben is still on the join page
  await add('Meet at the library')

  await ben.getByRole('textbox', { name: 'Your name' }).fill('Ben')
  await ben.getByRole('button', { name: 'I agree' }).tap()
  await expectConnected(ben)
  const notesOfBen = await openListView(ben)
  await expect(notesOfBen.getByRole('listitem').filter({ hasText: /^Note \d/ })).toHaveText([
    /Bring a dish to share/,
    /Childcare on Saturdays/,
    /Meet at the library/,
  ])
  // the websocket carried what changed, not the board again
  expect(Math.max(...boardFrames)).toBeLessThan(aheadBytes / 2)
  await ben.screenshot({ path: '/tmp/board-ahead-phone.png' })
  await phone.close()
})
