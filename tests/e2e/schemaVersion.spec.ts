import { type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { violations } from './axe'
import { createLinks, expectConnected, join, openAsNewPerson, openListView } from './helpers'

/**
 * A tab opened before a deploy: this page is built with the server's schema version, so the test
 * plays the older tab by rewriting the `schema` parameter of the sockets it opens, once armed
 * (window.__pretendSchema), the way a page built before the deploy would send its own. The reload
 * the person agrees to loads a fresh page, unarmed: the new build.
 */
const PRETEND_OLDER = `(() => {
  const Native = window.WebSocket
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      const pretend = window.__pretendSchema
      super(pretend === undefined ? url : String(url).replace(/([?&]schema=)[^&]*/, '$1' + pretend), protocols)
    }
  }
})()`

const PHONE = { viewport: { width: 412, height: 915 }, hasTouch: true, isMobile: true }

async function notesOf(page: Page, heading: RegExp) {
  return page.getByRole('list', { name: heading })
}

test('a tab older than the server is asked to reload, and what it had not sent is kept', async ({
  browser,
}) => {
  const links = await createLinks(browser, 'Schema versions')
  // Ada on a phone, with the tab opened "before the deploy"
  const adaContext = await browser.newContext(PHONE)
  await adaContext.addInitScript(PRETEND_OLDER)
  const ada = await adaContext.newPage()
  await ada.goto(links.participant)
  await join(ada, 'Ada')
  // Grace reads the board in Chinese
  const grace = await openAsNewPerson(browser, links.participant, { locale: 'zh-CN' })
  await grace.getByRole('textbox', { name: '你的名字' }).fill('Grace')
  await grace.getByRole('button', { name: '我同意' }).click()
  await expectConnected(grace)
  const notesOfAda = await openListView(ada)
  await openListViewZh(grace)
  const notesOfGrace = await notesOf(grace, /上的便签/)

  await ada.getByRole('button', { name: 'Add note' }).click()
  await ada.keyboard.type('Sent before the deploy')
  await expect(notesOfGrace.getByRole('listitem').filter({ hasText: 'Sent before the deploy' })).toHaveCount(
    1,
  )

  // the server goes away (a deploy); Ada goes on writing
  await adaContext.setOffline(true)
  await expect(ada.getByRole('status')).toHaveText(/^Offline/)
  await ada.getByRole('button', { name: 'Add note' }).click()
  await ada.keyboard.type('Written during the deploy')
  await expect(ada.getByRole('status')).toHaveText('Offline — 1 note waits to be sent')

  // the server is back with a newer schema: Ada's tab now speaks an older one
  await ada.evaluate(() => ((window as unknown as { __pretendSchema: string }).__pretendSchema = '1'))
  await adaContext.setOffline(false)
  const notice = ada.getByRole('alert').filter({ hasText: 'reload to carry on' })
  await expect(notice).toHaveText(
    /^This board was updated to a newer version while this page was open: reload to carry on, and your unsent changes will be kept\./,
  )
  await ada.screenshot({ path: test.info().outputPath('older-tab.png') })
  // kept in this tab for after the reload
  expect(
    await ada.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('wb:unsent:'))),
  ).toHaveLength(1)
  expect(await violations(ada)).toEqual([])
  // refused before anything was taken: Grace has not got the note, and the tab still holds it
  await expect(notesOfAda.getByRole('listitem').filter({ hasText: 'Written during the deploy' })).toHaveCount(
    1,
  )
  await expect(notesOfGrace.getByRole('listitem').filter({ hasText: 'Sent before the deploy' })).toHaveCount(
    1,
  )
  await expect(
    notesOfGrace.getByRole('listitem').filter({ hasText: 'Written during the deploy' }),
  ).toHaveCount(0)

  // Ada agrees: the page reloads (the new build) and the note written during the deploy arrives
  await notice.getByRole('button', { name: 'Reload' }).click()
  await expectConnected(ada)
  await expect(
    notesOfGrace.getByRole('listitem').filter({ hasText: 'Written during the deploy' }),
  ).toHaveCount(1)
  const afterReload = await openListView(ada)
  await expect(
    afterReload.getByRole('listitem').filter({ hasText: 'Written during the deploy' }),
  ).toHaveCount(1)
  await expect(afterReload.getByRole('listitem')).toHaveCount(2)
  await expect(ada.getByRole('alert').filter({ hasText: 'reload to carry on' })).toHaveCount(0)
})

test('a tab newer than the server is refused and says so, in the person’s language', async ({ browser }) => {
  const links = await createLinks(browser, 'Newer tab')
  const context = await browser.newContext({ locale: 'zh-CN' })
  await context.addInitScript(`window.__pretendSchema = '999'; ${PRETEND_OLDER}`)
  const page = await context.newPage()
  await page.goto(links.participant)
  const notice = page.getByRole('alert').filter({ hasText: '此页面比服务器的版本更新' })
  await expect(notice).toBeVisible()
  await expect(notice.getByRole('button', { name: '重新加载' })).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('newer-tab.png') })
})

async function openListViewZh(page: Page): Promise<void> {
  const menu = page.getByRole('button', { name: '菜单' })
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) === 'false') await menu.click()
  const toggle = page.getByRole('button', { name: '列表视图' })
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click()
  await expect(page.getByRole('list', { name: /上的便签/ })).toBeAttached()
}
