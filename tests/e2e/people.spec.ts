import { type Browser, type BrowserContextOptions, type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { readFileSync } from 'node:fs'
import { violations } from './axe'
import {
  createLinks,
  expectConnected,
  noteRows,
  openListView,
  openMenuIfFolded,
  waitingHeading,
} from './helpers'

/**
 * People the server knows (issue #15), with several people: the lobby (a participant waits, the
 * facilitator sees the cue and admits them; Admit all), removing a person, and renewing a link.
 * One person is on a phone-sized touch screen and one reads the interface in Chinese.
 */

const PHONE: BrowserContextOptions = { viewport: { width: 412, height: 915 }, hasTouch: true, isMobile: true }
const CHINESE: BrowserContextOptions = { locale: 'zh-CN' }

async function open(browser: Browser, link: string, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage()
  await page.goto(link)
  return page
}

/** Fills the name and agrees, in English or Chinese; does not wait for the board. */
async function answer(page: Page, name: string) {
  await page.getByRole('textbox', { name: /^(Your name|你的名字)$/ }).fill(name)
  await page.getByRole('button', { name: /^(I agree|我同意)$/ }).click()
}

async function openPeople(page: Page) {
  await openMenuIfFolded(page)
  const toggle = page.getByRole('button', { name: 'People', exact: true })
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click()
  return page.getByRole('complementary', { name: 'People' })
}

const row = (panel: ReturnType<Page['getByRole']>, name: string) =>
  panel.getByRole('listitem').filter({ hasText: name })

test('the lobby: a participant waits, the facilitator sees and hears the cue, admits them; Admit all', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const links = await createLinks(browser, 'Lobby') // sense-making: Admit people is on
  const fay = await open(browser, links.facilitator)
  await answer(fay, 'Fay')
  await expect(fay.getByRole('status')).toHaveText('Connected') // facilitators never wait

  // Pat, on a phone, asks to join: a waiting page, said politely; no board.
  const pat = await open(browser, links.participant, PHONE)
  await answer(pat, 'Pat')
  await expect(waitingHeading(pat)).toBeVisible()
  await expect(pat.getByRole('status')).toHaveText(/You are waiting to be admitted, Pat/)
  await expect(pat.getByRole('status')).toHaveAttribute('aria-live', 'polite')
  await expect(pat.getByRole('toolbar', { name: 'Tools' })).toHaveCount(0)
  // the language select sits above the card, not over its edge
  const language = (await pat.getByRole('combobox').first().boundingBox())!
  const card = (await waitingHeading(pat).locator('xpath=..').boundingBox())!
  expect(language.y + language.height).toBeLessThanOrEqual(card.y)
  await pat.screenshot({ path: '/tmp/people-waiting-phone.png' })
  expect(await violations(pat)).toEqual([])

  // Fay sees a badge on People and hears "Pat is waiting to be admitted".
  const peopleButton = fay.getByRole('button', { name: 'People', exact: true })
  await expect(peopleButton).toContainText('1')
  await expect(peopleButton).toHaveAccessibleDescription('1 person is waiting to be admitted')
  await expect(fay.getByRole('log').filter({ hasText: 'Pat is waiting to be admitted' })).toBeAttached()
  const panel = await openPeople(fay)
  const waiting = panel.getByRole('region', { name: 'Waiting (1)' })
  await expect(waiting).toBeVisible()
  await fay.screenshot({ path: '/tmp/people-lobby-facilitator.png' })
  expect(await violations(fay)).toEqual([])
  await row(waiting, 'Pat').getByRole('button', { name: 'Admit', exact: true }).click()

  // Pat's board opens by itself; the cue is gone.
  await expectConnectedOnly(pat)
  await expect(pat.getByRole('toolbar', { name: 'Tools' })).toBeVisible()
  await expect(peopleButton).not.toContainText('1')
  await expect(panel.getByRole('region', { name: /^Waiting/ })).toHaveCount(0)
  // A reload goes straight back to the board: no second join, no second wait.
  await pat.reload()
  await expectConnectedOnly(pat)

  // Two more wait, one reading Chinese; Admit all lets both in.
  const li = await open(browser, links.participant, CHINESE)
  await answer(li, '李华')
  await expect(li.getByRole('heading', { name: '等待主持人准许加入' })).toBeVisible()
  await expect(li.getByRole('status')).toContainText('李华，你正在等待主持人准许加入')
  await li.screenshot({ path: '/tmp/people-waiting-zh.png' })
  const sam = await open(browser, links.participant)
  await answer(sam, 'Sam')
  await expect(waitingHeading(sam)).toBeVisible()
  await expect(panel.getByRole('region', { name: 'Waiting (2)' })).toBeVisible()
  await expect(peopleButton).toContainText('2')
  await expect(fay.getByRole('log').filter({ hasText: '李华 is waiting to be admitted' })).toBeAttached()
  await panel.getByRole('button', { name: 'Admit all' }).click()
  await expect(panel).toContainText('2 people admitted.')
  await expect(li.getByRole('status').filter({ hasText: '已连接' })).toBeVisible()
  await expectConnectedOnly(sam)
  await expect(row(panel, '李华')).toBeVisible()

  // A stranger in the lobby can be turned away: their waiting page then says they were removed.
  const troll = await open(browser, links.participant)
  await answer(troll, 'Troll')
  await expect(waitingHeading(troll)).toBeVisible()
  const lobby = panel.getByRole('region', { name: 'Waiting (1)' })
  await row(lobby, 'Troll').getByRole('button', { name: 'Remove from session' }).click()
  await expect(lobby.getByRole('checkbox')).toHaveCount(0) // nothing of theirs to hide
  await lobby.getByRole('button', { name: 'Remove Troll' }).click()
  await expect(troll.getByRole('alert')).toContainText('You were removed from this session by a facilitator.')
  await expect(panel.getByRole('region', { name: /^Waiting/ })).toHaveCount(0)
})

test('a facilitator on a phone sees who waits over the board and admits them there; Later puts it off', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const links = await createLinks(browser, 'Waiting room') // sense-making: Admit people is on
  // Fay runs the session from her phone, where People is behind Menu; Wen co-facilitates in Chinese
  const fay = await open(browser, links.facilitator, PHONE)
  await answer(fay, 'Fay')
  await expect(fay.getByRole('status')).toHaveText('Connected')
  const wen = await open(browser, links.facilitator, CHINESE)
  await answer(wen, '文')
  await expect(wen.getByRole('status')).toHaveText('已连接')
  const notice = (page: Page) => page.getByRole('region', { name: /waiting to join|正在等待加入/ })

  // Pat asks to join: over Fay's board, who waits, with Admit Pat, See who and Later
  const pat = await open(browser, links.participant)
  await answer(pat, 'Pat')
  await expect(waitingHeading(pat)).toBeVisible()
  await expect(notice(fay)).toHaveAccessibleName('Pat is waiting to join.')
  await expect(notice(fay).getByRole('button', { name: 'Admit Pat' })).toBeVisible()
  await expect(notice(wen)).toHaveAccessibleName('Pat正在等待加入。')
  await expect(notice(wen).getByRole('button', { name: '准许Pat' })).toBeVisible()
  await fay.screenshot({ path: '/tmp/people-lobby-notice-phone.png' })
  await wen.screenshot({ path: '/tmp/people-lobby-notice-zh.png' })
  expect(await violations(fay)).toEqual([])

  // Later: gone until someone else asks; then both are named, and Admit all lets both in
  await notice(fay).getByRole('button', { name: 'Later' }).tap()
  await expect(notice(fay)).toHaveCount(0)
  await expect(notice(wen)).toBeVisible() // Later is Fay's own
  const sam = await open(browser, links.participant, PHONE)
  await answer(sam, 'Sam')
  await expect(notice(fay)).toHaveAccessibleName('Pat and Sam are waiting to join.')
  await expect(notice(wen)).toHaveAccessibleName('Pat和Sam正在等待加入。')

  // See who opens People with its Waiting list; the notice leaves the telling to it
  await notice(fay).getByRole('button', { name: 'See who' }).tap()
  const panel = fay.getByRole('complementary', { name: 'People' })
  await expect(panel.getByRole('region', { name: 'Waiting (2)' })).toBeVisible()
  await expect(notice(fay)).toHaveCount(0)

  // Wen admits both from the notice; the notice goes for everyone
  await notice(wen).getByRole('button', { name: '全部准许' }).click()
  await expectConnectedOnly(pat)
  await expectConnectedOnly(sam)
  await expect(notice(wen)).toHaveCount(0)
  await expect(panel.getByRole('region', { name: /^Waiting/ })).toHaveCount(0)

  // four more: three are named, and "1 more"
  for (const name of ['Ada', 'Bo', 'Cy', 'Dee']) {
    const page = await open(browser, links.participant)
    await answer(page, name)
    await expect(waitingHeading(page)).toBeVisible()
  }
  await expect(notice(wen)).toHaveAccessibleName('Ada、Bo、Cy和另外 1 人正在等待加入。')
  await fay.getByRole('button', { name: /^Menu/ }).tap()
  await fay.getByRole('button', { name: 'People', exact: true }).tap()
  await expect(notice(fay)).toHaveAccessibleName('Ada, Bo, Cy and 1 more are waiting to join.')
})

test('turning Admit people off lets everyone waiting in at once, their boards open by themselves', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const links = await createLinks(browser, 'Open the doors') // sense-making: Admit people is on
  const fay = await open(browser, links.facilitator)
  await answer(fay, 'Fay')
  await expect(fay.getByRole('status')).toHaveText('Connected')

  // Pat on a phone and 李华 reading Chinese wait in the lobby.
  const pat = await open(browser, links.participant, PHONE)
  await answer(pat, 'Pat')
  await expect(waitingHeading(pat)).toBeVisible()
  const li = await open(browser, links.participant, CHINESE)
  await answer(li, '李华')
  await expect(li.getByRole('heading', { name: '等待主持人准许加入' })).toBeVisible()
  await expect(fay.getByRole('button', { name: 'People', exact: true })).toContainText('2')

  // Fay turns the setting off, and admits nobody by hand: the server lets both in.
  await fay.getByText('Session settings').click()
  const admit = fay.getByRole('checkbox', { name: 'Admit people' })
  await expect(admit).toBeChecked()
  await expect(admit).toHaveAccessibleDescription(/turning this off lets everyone waiting in/)
  await admit.uncheck()
  await fay.screenshot({ path: '/tmp/people-admit-off-settings.png' })
  await expectConnectedOnly(pat)
  await expect(pat.getByRole('toolbar', { name: 'Tools' })).toBeVisible()
  await expect(li.getByRole('status').filter({ hasText: '已连接' })).toBeVisible()
  await expect(li.getByRole('toolbar', { name: '工具' })).toBeVisible()
  await pat.screenshot({ path: '/tmp/people-admit-off-phone.png' })
  await li.screenshot({ path: '/tmp/people-admit-off-zh.png' })
  await expect(fay.getByRole('button', { name: 'People', exact: true })).not.toContainText('2')
  const panel = await openPeople(fay)
  await expect(panel.getByRole('region', { name: /^Waiting/ })).toHaveCount(0)
  await expect(row(panel, 'Pat')).toBeVisible()
  await expect(row(panel, '李华')).toBeVisible()
})

test('changing my name: everyone here sees the new one at once, and so does my own page', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const links = await createLinks(browser, 'Names')
  const fay = await open(browser, links.facilitator)
  await answer(fay, 'Fay')
  await expectConnected(fay)
  const pat = await open(browser, links.participant, PHONE)
  await answer(pat, 'Pat')
  await expectConnected(pat)
  const li = await open(browser, links.participant, CHINESE)
  await answer(li, '李华')
  await expectConnected(li)
  const hereFor = (page: Page) => page.getByRole('region', { name: /^(Who is here|谁在这里)$/ })
  await expect(hereFor(fay)).toContainText('Pat')

  // Pat, on her phone, changes her name in her own entry in People
  const panel = await openPeople(pat)
  await panel.getByRole('button', { name: 'Change name' }).click()
  await panel.getByRole('textbox', { name: 'Your name' }).fill('Pat Lee')
  // the server cannot be reached: the name stays as it was (notes are credited to the server's
  // name alone), she is told, and the form stays open to try again
  await pat.route('**/api/sessions/*/join?*', (route) => route.fulfill({ status: 503, body: '{}' }))
  await panel.getByRole('button', { name: 'Save name' }).click()
  await expect(panel.getByRole('alert')).toHaveText(/could not be saved/)
  await expect(hereFor(fay)).not.toContainText('Pat Lee')
  await pat.unroute('**/api/sessions/*/join?*')
  await panel.getByRole('button', { name: 'Save name' }).click()
  for (const page of [fay, li]) await expect(hereFor(page)).toContainText('Pat Lee')
  await expect(hereFor(pat)).toContainText('Pat Lee')
  await expect(hereFor(fay)).not.toContainText(/Pat(?! Lee)/)
  // a note she writes now, credited to her new name, is taken by the server and reaches everyone
  await panel.getByRole('button', { name: 'Close panel' }).click()
  await pat.getByRole('toolbar', { name: 'Tools' }).getByRole('button', { name: 'Sticky note' }).click()
  await pat.keyboard.type('Written as Pat Lee')
  await pat.keyboard.press('Escape')
  await openListView(fay)
  await expect(fay.getByRole('listitem').filter({ hasText: 'Written as Pat Lee' }).first()).toBeVisible()
  // and a reload keeps it (the server's name, by her token)
  await pat.reload()
  await expectConnectedOnly(pat)
  await expect(hereFor(fay)).toContainText('Pat Lee')
  await expect(hereFor(pat)).toContainText('Pat Lee')
})

/** The board is live without anyone's help (unlike expectConnected, which would admit). */
async function expectConnectedOnly(page: Page) {
  await expect(page.getByRole('status').filter({ hasText: /^Connected$/ })).toBeVisible()
}

test('removing a person: their page says so, a reload does not bring them back, their notes are hidden', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const links = await createLinks(browser, 'Removing')
  const fay = await open(browser, links.facilitator)
  await answer(fay, 'Fay')
  await expectConnected(fay)
  const ann = await open(browser, links.participant, PHONE)
  await answer(ann, 'Ann')
  await expectConnected(ann) // admitted by the facilitator (helper)
  const ben = await open(browser, links.participant, CHINESE)
  await answer(ben, '王芳')
  await expectConnected(ben)

  // Ann adds a note; everyone sees it.
  const notesOfAnn = await openListView(ann)
  await ann.getByRole('button', { name: 'Add note' }).click()
  await ann.keyboard.type('A note by Ann')
  await ann.keyboard.press('Escape')
  const notesOfBen = ben.getByRole('list', { name: /“.*”上的便签/ })
  await openMenuIfFolded(ben)
  await ben.getByRole('button', { name: '列表视图' }).click()
  await expect(notesOfBen.getByRole('listitem').filter({ hasText: 'A note by Ann' })).toHaveCount(1)
  await expect(notesOfAnn.getByRole('listitem').filter({ hasText: 'A note by Ann' })).toHaveCount(1)

  // Fay removes Ann, confirming, with "Also hide everything they added" on (the default).
  const panel = await openPeople(fay)
  const annRow = row(panel, 'Ann')
  await annRow.getByRole('button', { name: 'Remove from session' }).click()
  const confirm = annRow.getByRole('group', { name: /^Remove Ann from this session\?/ })
  await expect(confirm.getByRole('checkbox', { name: 'Also hide everything they added' })).toBeChecked()
  await fay.screenshot({ path: '/tmp/people-remove-confirm.png' })
  expect(await violations(fay)).toEqual([])
  await confirm.getByRole('button', { name: 'Remove Ann' }).click()
  await expect(panel).toContainText('Ann was removed from the session. 1 thing they added is now hidden.')

  // Ann is told in one sentence; a reload does not bring her back.
  const sentence = 'You were removed from this session by a facilitator.'
  await expect(ann.getByRole('alert')).toContainText(sentence)
  await expect(ann.getByRole('toolbar', { name: 'Tools' })).toHaveCount(0)
  await ann.screenshot({ path: '/tmp/people-removed-phone.png' })
  expect(await violations(ann)).toEqual([])
  await ann.reload()
  await expect(ann.getByRole('alert')).toContainText(sentence)
  await expect(ann.getByRole('textbox', { name: 'Your name' })).toHaveCount(0)
  expect(
    await ann.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('wb:person-token:'))),
  ).toEqual([])

  // Her note is hidden from participants; she is gone from People.
  await expect(notesOfBen.getByRole('listitem').filter({ hasText: 'A note by Ann' })).toHaveCount(0)
  await expect(row(panel, 'Ann')).toHaveCount(0)

  // Someone who has left can be removed too: they cannot come back with their link.
  const benContext = ben.context()
  await ben.close()
  const away = panel.getByRole('region', { name: 'Not here now (1)' })
  await row(away, '王芳').getByRole('button', { name: 'Remove from session' }).click()
  await away.getByRole('button', { name: 'Remove 王芳' }).click()
  await expect(panel).toContainText('王芳 was removed from the session.')
  await expect(panel.getByRole('region', { name: /^Not here now/ })).toHaveCount(0)
  const benAgain = await benContext.newPage()
  await benAgain.goto(links.participant)
  await expect(benAgain.getByRole('alert')).toContainText('主持人已将你移出此会议。')
})

test('renewing a link: the old participant link is not valid, people already in keep working', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const links = await createLinks(browser, 'New links')
  const fay = await open(browser, links.facilitator)
  await answer(fay, 'Fay')
  await expectConnected(fay)

  // Fay turns Admit people off: from now on participants come straight in.
  await fay.getByText('Session settings').click()
  const admit = fay.getByRole('checkbox', { name: 'Admit people' })
  await expect(admit).toBeChecked()
  await admit.uncheck()
  await expect(fay.getByRole('checkbox', { name: 'Protect contributions' })).toBeVisible()
  const pat = await open(browser, links.participant, PHONE)
  await answer(pat, 'Pat')
  await expectConnectedOnly(pat)

  // A new participant link replaces the old one at once.
  await fay.getByRole('button', { name: 'New participant link' }).click()
  const fresh = fay.getByRole('textbox', { name: 'Participant link' })
  await expect(fresh).toHaveValue(/\/s\/[\w-]{22}\?key=/)
  await expect(fay.getByRole('button', { name: 'Copy' })).toBeVisible()
  await fay.screenshot({ path: '/tmp/people-new-link.png' })
  expect(await violations(fay)).toEqual([])
  const newLink = await fresh.inputValue()
  expect(newLink).not.toBe(new URL(links.participant, newLink).href)

  const stranger = await open(browser, links.participant, CHINESE)
  await expect(stranger.getByRole('alert')).toContainText('此链接无效')
  await expect(stranger.getByRole('textbox', { name: '你的名字' })).toHaveCount(0)

  // Pat, already in with the old link in the address bar, keeps working after a reload.
  await pat.reload()
  await expectConnectedOnly(pat)
  await openListView(pat)
  await pat.getByRole('button', { name: 'Add note' }).click()
  await pat.keyboard.type('Still here')
  await pat.keyboard.press('Escape')
  const notesOfFay = await openListView(fay)
  await expect(notesOfFay.getByRole('listitem').filter({ hasText: 'Still here' })).toHaveCount(1)

  // The new link lets a newcomer in.
  const quinn = await open(browser, newLink)
  await answer(quinn, 'Quinn')
  await expectConnectedOnly(quinn)

  // The facilitator's own page keeps working after renewing the facilitator link, reload included.
  await fay.getByRole('button', { name: 'New facilitator link' }).click()
  await expect(fay.getByRole('textbox', { name: 'Facilitator link' })).toHaveValue(/\?key=/)
  await fay.reload()
  await expectConnectedOnly(fay)
  const old = await open(browser, links.facilitator)
  await expect(old.getByRole('alert')).toContainText('This link is not valid')
})

test('exports leave a removed person unnamed unless the facilitator chooses to name them', async ({
  browser,
}) => {
  test.setTimeout(90_000)
  const links = await createLinks(browser, 'Unnamed', 'collage')
  const fay = await open(browser, links.facilitator)
  await answer(fay, 'Fay')
  await expectConnectedOnly(fay)
  const bea = await open(browser, links.participant)
  await answer(bea, 'Bea')
  await expectConnectedOnly(bea)
  await openListView(bea)
  await bea.getByRole('button', { name: 'Add note' }).click()
  await bea.keyboard.type('Bea was here')
  await bea.keyboard.press('Escape')
  const notesOfFay = await openListView(fay)
  await expect(noteRows(notesOfFay, 'Bea was here')).toHaveCount(1)

  // Nobody removed yet: no choice to make.
  const exportButton = fay.getByRole('button', { name: 'Export', exact: true })
  const menu = fay.getByRole('menu', { name: 'Export' })
  await exportButton.click()
  await expect(menu.getByRole('menuitemcheckbox', { name: 'Name removed people' })).toHaveCount(0)
  await fay.keyboard.press('Escape')

  // Fay removes Bea, keeping what she added on the board.
  const panel = await openPeople(fay)
  await row(panel, 'Bea').getByRole('button', { name: 'Remove from session' }).click()
  await panel.getByRole('checkbox', { name: 'Also hide everything they added' }).uncheck()
  await panel.getByRole('button', { name: 'Remove Bea' }).click()
  await expect(panel).toContainText('Bea was removed from the session.')
  await expect(bea.getByRole('alert')).toContainText('You were removed from this session by a facilitator.')

  const markdown = async () => {
    const download = fay.waitForEvent('download')
    await menu.getByRole('menuitem', { name: 'Markdown', exact: true }).click()
    return readFileSync((await (await download).path())!, 'utf8')
  }
  await exportButton.click()
  const choice = menu.getByRole('menuitemcheckbox', { name: 'Name removed people' })
  await expect(choice).toHaveAttribute('aria-checked', 'false')
  const unnamed = await markdown()
  expect(unnamed).toContain('Bea was here')
  expect(unnamed).toContain('Removed person')
  expect(unnamed).not.toContain('*Bea*')

  await exportButton.click()
  await choice.click()
  await expect(choice).toHaveAttribute('aria-checked', 'true')
  const named = await markdown()
  expect(named).toContain('*Bea*')
  expect(named).not.toContain('Removed person')
})
