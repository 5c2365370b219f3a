import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join as joinPath } from 'node:path'
import { type Browser, type BrowserContextOptions, type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { axeLog } from './axe'
import { createdLinks, expectConnected, join, openListView, openMenuIfFolded } from './helpers'

/*
 * What a facilitator and the people in a session do in the page, without a terminal: delete a
 * session (everyone is told), import one on the home page, remove what they added from their own
 * entry in People, come back after a reload, and read what waits to be sent while offline.
 */

const PHONE: BrowserContextOptions = {
  viewport: { width: 412, height: 915 },
  hasTouch: true,
  isMobile: true,
}
const CHINESE: BrowserContextOptions = { locale: 'zh-CN' }

async function person(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext(options)
  return context.newPage()
}

/** Creates a session on the home page; returns its three links (full URLs). */
async function createSession(page: Page, title: string) {
  await page.goto('/')
  await page.getByRole('combobox', { name: 'Template' }).selectOption('sense-making')
  await page.getByRole('textbox', { name: 'Session title' }).fill(title)
  await page.getByRole('button', { name: 'Create session' }).click()
  return createdLinks(page)
}

async function joinInChinese(page: Page, name: string) {
  await page.getByRole('textbox', { name: '你的名字' }).fill(name)
  await page.getByRole('button', { name: '我同意' }).click()
  await expectConnected(page)
}

async function openPeople(page: Page, name = 'People') {
  await openMenuIfFolded(page) // on a phone the panel buttons are behind Menu
  const toggle = page.getByRole('button', { name, exact: true })
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click()
  return page.getByRole('complementary', { name })
}

async function addNote(page: Page, text: string, button = 'Add note') {
  await page.getByRole('button', { name: button }).click()
  await page.keyboard.type(text)
}

test('a facilitator deletes the session from the page; everyone in it is told', async ({ browser }) => {
  const fay = await person(browser)
  const { facilitator, participant } = await createSession(fay, 'Harbour walk')
  const mei = await person(browser, { ...PHONE, ...CHINESE })
  await mei.goto(participant)
  await joinInChinese(mei, '梅')
  await fay.goto(facilitator)
  await join(fay, 'Fay')
  // Ada's connection is down when the session is deleted: she finds out once it is back
  const ada = await person(browser)
  await ada.goto(participant)
  await join(ada, 'Ada')

  // the dialog names the session, starts on the safe choice, and Escape keeps the session
  const axe = axeLog(fay)
  await fay.getByRole('button', { name: 'Delete session' }).click()
  const dialog = fay.getByRole('dialog', { name: 'Delete “Harbour walk”?' })
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('notes, images, links')
  await expect(dialog.getByRole('button', { name: 'Keep the session' })).toBeFocused()
  await axe.check('delete session dialog')
  await fay.screenshot({ path: '/tmp/facil-delete-dialog.png' })
  // focus stays inside the modal dialog
  await fay.keyboard.press('Tab')
  await expect(dialog.getByRole('button', { name: 'Delete for everyone' })).toBeFocused()
  await fay.keyboard.press('Tab')
  await expect(dialog.getByRole('button', { name: 'Keep the session' })).toBeFocused()
  await fay.keyboard.press('Shift+Tab')
  await expect(dialog.getByRole('button', { name: 'Delete for everyone' })).toBeFocused()
  await fay.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(fay.getByRole('button', { name: 'Delete session' })).toBeFocused()
  await expectConnected(fay)

  await ada.context().setOffline(true)
  await expect(ada.getByRole('status')).toHaveText(/^(Offline|Reconnecting)/)
  await fay.getByRole('button', { name: 'Delete session' }).click()
  await dialog.getByRole('button', { name: 'Delete for everyone' }).click()
  await expect(fay.getByRole('alert')).toContainText('This session was deleted')
  await expect(fay.getByRole('alert')).toContainText('“Harbour walk” and everything in it')
  // the participant, on a phone and in Chinese, is told too instead of reconnecting for ever
  await expect(mei.getByRole('alert')).toContainText('此会议已被删除')
  await mei.screenshot({ path: '/tmp/facil-deleted-phone.png' })
  await axe.check('deleted page')
  expect(axe.found).toEqual({})
  await ada.context().setOffline(false)
  await expect(ada.getByRole('alert')).toContainText('This session was deleted')
  // and it is gone: the link no longer opens anything
  await mei.reload()
  await expect(mei.getByRole('alert')).toContainText('没有这个会议')
})

test('a session exported as JSON is imported from the home page, with its content', async ({
  browser,
  request,
}) => {
  const fay = await person(browser)
  const { facilitator } = await createSession(fay, 'Seed swap')
  await fay.goto(facilitator)
  await join(fay, 'Fay')
  await openListView(fay)
  await addNote(fay, 'Tomatoes from Nan')
  await fay.keyboard.press('Escape')
  const url = new URL(facilitator)
  const id = url.pathname.split('/').pop() ?? ''
  await expect
    .poll(async () =>
      (await request.get(`/api/sessions/${id}/export?format=json&${url.search.slice(1)}`)).text(),
    )
    .toContain('Tomatoes from Nan')
  const exported = await (
    await request.get(`/api/sessions/${id}/export?format=json&${url.search.slice(1)}`)
  ).text()

  const dir = tmpdir()
  const file = (name: string, content: string | Buffer) => {
    const path = joinPath(dir, `${Date.now()}-${name}`)
    writeFileSync(path, content)
    return path
  }
  // on a phone, in Chinese: what is wrong with a file is said before anything is sent
  const mei = await person(browser, { ...PHONE, ...CHINESE })
  await mei.goto('/')
  const input = mei.getByLabel('导入会议')
  await input.setInputFiles(file('notes.json', 'this is not json'))
  await expect(mei.getByRole('alert')).toContainText('不是 JSON 文件')
  await input.setInputFiles(file('other.json', '{"hello": "world"}'))
  await expect(mei.getByRole('alert')).toContainText('不是本应用导出的会议')
  await input.setInputFiles(file('huge.json', Buffer.alloc(64 * 1024 * 1024 + 1, 32)))
  await expect(mei.getByRole('alert')).toContainText('最大只能是 64 MB')
  // the server's own reason, for an export it cannot take
  await input.setInputFiles(file('broken.json', '{"format": "workshop-whiteboard/session", "version": 1}'))
  await expect(mei.getByRole('alert')).toContainText('无法导入')
  await expect(mei.getByRole('alert')).toContainText('malformed')
  await mei.screenshot({ path: '/tmp/facil-import-error.png' })

  // a real export, chosen with the keyboard's file field: the three links, as after creating
  await input.setInputFiles(file('seed-swap.json', exported))
  await expect(mei.getByRole('heading', { name: '会议已准备就绪' })).toBeFocused()
  await expect(mei.getByRole('alert')).toHaveCount(0)
  const imported = await mei.getByRole('textbox', { name: '参与者', exact: true }).inputValue()
  expect(imported).not.toContain(id)
  const axe = axeLog(mei)
  await axe.check('home page after an import')
  expect(axe.found).toEqual({})

  const ada = await person(browser)
  await ada.goto(imported)
  await join(ada, 'Ada')
  const notes = await openListView(ada)
  await expect(notes.getByRole('listitem').filter({ hasText: 'Tomatoes from Nan' })).toHaveCount(1)
})

test('a person removes everything they added from their own entry in People; others keep theirs', async ({
  browser,
}) => {
  const fay = await person(browser)
  const { participant } = await createSession(fay, 'Garden plans')
  const ada = await person(browser)
  const grace = await person(browser, PHONE)
  await ada.goto(participant)
  await join(ada, 'Ada')
  await grace.goto(participant)
  await join(grace, 'Grace')
  const notesOfAda = await openListView(ada)
  await addNote(ada, 'Ada keeps this')
  await ada.keyboard.press('Escape')
  await openListView(grace)
  await addNote(grace, 'Grace takes this back')
  await grace.keyboard.press('Escape')
  await addNote(grace, 'And this')
  await grace.keyboard.press('Escape')
  await expect(notesOfAda.getByRole('listitem')).toHaveCount(3)

  // on the phone: People, her own entry (marked "(you)"), Remove everything I added, confirm
  const people = await openPeople(grace)
  const own = people.getByRole('listitem').filter({ hasText: '(you)' })
  await expect(own).toContainText('Grace')
  await expect(own).toContainText('You agreed to the Community Commitments.')
  await expect(people.getByRole('listitem').filter({ hasText: 'Ada' })).not.toContainText(
    'Remove everything I added',
  )
  await own.getByRole('button', { name: 'Remove everything I added' }).tap()
  const confirm = own.getByRole('group', { name: 'Remove everything I added' })
  await expect(confirm).toContainText('Remove the 2 things you added')
  await grace.screenshot({ path: '/tmp/facil-remove-mine-phone.png' })
  const axe = axeLog(grace)
  await axe.check('own entry asking to remove')
  expect(axe.found).toEqual({})
  await confirm.getByRole('button', { name: 'Yes, remove them' }).tap()
  await expect(own).toContainText('2 removed.')

  await expect(notesOfAda.getByRole('listitem')).toHaveCount(1)
  await expect(notesOfAda.getByRole('listitem')).toContainText('Ada keeps this')
  const notesOfGrace = await openListView(grace)
  await expect(notesOfGrace.getByRole('listitem')).toHaveCount(1)
  await expect(notesOfGrace.getByRole('listitem')).toContainText('Ada keeps this')
})

test('a reload keeps a person in the session with their name and answer; offline changes are counted as notes', async ({
  browser,
}) => {
  const fay = await person(browser)
  const { facilitator, participant } = await createSession(fay, 'Bus routes')
  await fay.goto(facilitator)
  await join(fay, 'Fay')
  const mei = await person(browser, CHINESE)
  await mei.goto(participant)
  await mei.getByRole('textbox', { name: '你的名字' }).fill('梅')
  await mei.getByRole('button', { name: '我想讨论一下' }).click()
  await expectConnected(mei)

  // the facilitator sees one answer, and still one after Mei reloads (one per device)
  await fay.getByRole('button', { name: 'Commitments', exact: true }).click()
  await expect(fay.getByLabel('Answers so far')).toHaveText('0 agree · 1 would like to discuss')
  await mei.reload()
  await expectConnected(mei)
  await expect(mei.getByRole('textbox', { name: '你的名字' })).toHaveCount(0)
  // a new tab on this device too goes straight back to the board
  const tab = await mei.context().newPage()
  await tab.goto(participant)
  await expectConnected(tab)
  await tab.close()

  const people = await openPeople(mei, '参与者')
  const own = people.getByRole('listitem').filter({ hasText: '（你）' })
  await expect(own).toContainText('梅')
  await expect(own).toContainText('你表示想讨论社区约定。')
  // a way to change the name, which others see and a reload keeps
  await own.getByRole('button', { name: '修改名字' }).click()
  await expect(own.getByRole('textbox', { name: '你的名字' })).toBeFocused()
  const axe = axeLog(mei)
  await axe.check('changing the name in the own entry')
  expect(axe.found).toEqual({})
  await mei.screenshot({ path: '/tmp/facil-change-name.png' })
  await own.getByRole('textbox', { name: '你的名字' }).fill('梅 Mei')
  await own.getByRole('button', { name: '保存名字' }).click()
  const faysPeople = await openPeople(fay)
  await expect(faysPeople.getByRole('listitem').filter({ hasText: '梅 Mei' })).toHaveCount(1)
  await mei.reload()
  await expect(
    (await openPeople(mei, '参与者')).getByRole('listitem').filter({ hasText: '（你）' }),
  ).toContainText('梅 Mei')
  await fay.getByRole('button', { name: 'Commitments', exact: true }).click()
  await expect(fay.getByLabel('Answers so far')).toHaveText('0 agree · 1 would like to discuss')

  // offline: what waits is counted in notes, in Chinese
  await mei.getByRole('button', { name: '列表视图' }).click()
  await mei.context().setOffline(true)
  await expect(mei.getByRole('status')).toHaveText(/^离线/)
  await addNote(mei, '第一张', '添加便签')
  await mei.keyboard.type('，再写几个字')
  await expect(mei.getByRole('status')).toHaveText('离线 — 1 张便签等待发送')
  await mei.keyboard.press('Escape')
  await addNote(mei, '第二张', '添加便签')
  await expect(mei.getByRole('status')).toHaveText('离线 — 2 张便签等待发送')
  await mei.context().setOffline(false)
  await expectConnected(mei)
})
