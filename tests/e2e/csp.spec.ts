import { type BrowserContext, type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { expectConnected, openMenuIfFolded, rememberLinks } from './helpers'
import { redPng } from './png'

/** Records every Content-Security-Policy violation the page reports (and CSP console errors). */
async function watchPolicy(context: BrowserContext): Promise<() => Promise<string[]>> {
  await context.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { __csp: string[] }).__csp = seen
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    )
  })
  const console: string[] = []
  context.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) console.push(m.text())
  })
  const pages = (): Page[] => context.pages()
  return async () => [
    ...console,
    ...(
      await Promise.all(
        pages().map((p) => p.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])),
      )
    ).flat(),
  ]
}

test('the board works under the strict Content-Security-Policy: a laptop and a phone in Chinese, notes typed in the editor', async ({
  browser,
}) => {
  const laptop = await browser.newContext()
  const phone = await browser.newContext({
    viewport: { width: 412, height: 915 },
    hasTouch: true,
    isMobile: true,
    locale: 'zh-CN',
  })
  const laptopViolations = await watchPolicy(laptop)
  const phoneViolations = await watchPolicy(phone)

  const home = await laptop.newPage()
  const answer = await home.goto('/')
  expect(answer?.headers()['content-security-policy']).toMatch(/default-src 'self'.*frame-ancestors 'none'/)
  await home.getByRole('combobox', { name: 'Template' }).selectOption('sense-making')
  await home.getByRole('textbox', { name: 'Session title' }).fill('Policy check')
  await home.getByRole('button', { name: 'Create session' }).click()
  const link = (name: string) => home.getByRole('textbox', { name, exact: true })
  await expect(link('Participant')).toHaveValue(/\/s\/[\w-]{22}\?key=/)
  const facilitatorLink = await link('Facilitator').inputValue()
  const participantLink = await link('Participant').inputValue()

  const ada = await laptop.newPage()
  const page = await ada.goto(facilitatorLink)
  expect(page?.headers()['cache-control']).toBe('no-store')
  await ada.getByRole('textbox', { name: 'Your name' }).fill('Ada')
  await ada.getByRole('button', { name: 'I agree' }).click()
  await expectConnected(ada)

  const mei = await phone.newPage()
  await mei.goto(participantLink)
  await mei.getByRole('textbox', { name: '你的名字' }).fill('美')
  await mei.getByRole('button', { name: '我同意' }).click()
  // sense-making admits people: the facilitator lets Mei in
  rememberLinks({ facilitator: facilitatorLink })
  await expectConnected(mei)

  // Ada types a note with bold in the rich-text editor (Tiptap, its CSS from a stylesheet)
  await ada
    .getByRole('toolbar', { name: 'Tools' })
    .getByRole('button', { name: 'Sticky note', exact: true })
    .click()
  const editor = ada.getByRole('textbox', { name: /^Note text/ })
  await expect(editor).toBeFocused()
  // formatting needs the rich editor itself: until its code has come, a plain text box stands in
  await expect(ada.locator('.note-editor-content')).toBeFocused()
  await ada.keyboard.type('Childcare ')
  await ada.keyboard.press('Control+b')
  await ada.keyboard.type('first')
  await expect(editor.locator('strong')).toHaveText('first')
  // the editor's own CSS is in effect: spaces are kept as typed (break-spaces)
  expect(await editor.evaluate((el) => getComputedStyle(el).whiteSpace)).toMatch(/break-spaces|pre-wrap/)
  await ada.keyboard.press('Escape')
  await expect(editor).toHaveCount(0)

  // the phone sees it over the websocket the policy allows
  await openMenuIfFolded(mei)
  await mei.getByRole('button', { name: '列表视图' }).click()
  const list = mei.getByRole('list', { name: /上的便签/ })
  await expect(list.getByRole('listitem').filter({ hasText: 'Childcare first' })).toHaveCount(1)

  // a picture pasted on the laptop: uploaded, drawn on the board from the app's own origin
  await ada.getByTestId('board-canvas').click({ position: { x: 300, y: 500 } })
  await ada.evaluate(
    (data) => {
      const clipboard = new DataTransfer()
      clipboard.items.add(new File([new Uint8Array(data)], 'pasted.png', { type: 'image/png' }))
      const target = document.activeElement ?? document.body
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true }))
    },
    [...redPng(24, 24)],
  )
  await ada
    .getByRole('dialog', { name: 'Describe this image' })
    .getByRole('button', { name: 'Skip for now' })
    .click()
  await expect(list.getByRole('listitem').filter({ hasText: /^图片 1/ })).toHaveCount(1)

  expect(await laptopViolations()).toEqual([])
  expect(await phoneViolations()).toEqual([])
  await mei.screenshot({ path: '/tmp/csp-phone.png' })
  await ada.screenshot({ path: '/tmp/csp-laptop.png' })
  await laptop.close()
  await phone.close()
})
