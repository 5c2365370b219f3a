import { type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import {
  createSession,
  join,
  openListView,
  openMenuIfFolded,
  expectConnected,
  rememberLinks,
} from './helpers'

const SWITCHER = 'Language / 语言'

/**
 * Words that stay in Latin letters in a Chinese interface, and why: file formats and key caps are
 * named as they are printed, and so are units (MB). The language switcher itself is skipped (each language is named in
 * itself, and its label is bilingual so anyone can find it). Single letters are keyboard shortcuts.
 */
const ALLOWED = ['PNG', 'PDF', 'CSV', 'JSON', 'HTML', 'Markdown', 'Word', 'DOCX', 'Ctrl', 'Shift', 'MB']

/**
 * Every piece of interface text on the page that still has a run of Latin letters: visible text, the
 * selected option of each select, and the names and hints assistive technology reads out.
 */
async function englishLeft(page: Page): Promise<string[]> {
  return page.evaluate((allowed) => {
    const strip = new RegExp(`\\b(${allowed.join('|')})\\b`, 'g')
    const latin = (text: string) => /[A-Za-z]{2,}/.test(text.replace(strip, ''))
    const found: string[] = []
    const describe = (el: Element) => `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}>`
    const skip = (el: Element | null) => !el || el.closest('[data-language-switcher]') !== null
    if (latin(document.title)) found.push(`title: ${document.title}`)
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement
      const text = node.textContent?.trim() ?? ''
      if (!text || skip(parent) || !parent) continue
      if (parent.closest('option, script, style, noscript')) continue
      if (!parent.checkVisibility() && !parent.closest('[aria-live], [role="status"], [role="alert"]'))
        continue
      if (latin(text)) found.push(`${describe(parent)} text: ${text}`)
    }
    for (const select of document.querySelectorAll('select')) {
      const text = select.selectedOptions[0]?.textContent ?? ''
      if (!skip(select) && latin(text)) found.push(`${describe(select)} selected: ${text}`)
    }
    const attributes = ['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription']
    for (const el of document.querySelectorAll('*')) {
      if (skip(el)) continue
      for (const name of attributes) {
        const value = el.getAttribute(name)
        if (value && latin(value)) found.push(`${describe(el)} ${name}: ${value}`)
      }
    }
    return found
  }, ALLOWED)
}

/** Fails with every English leftover listed, so one run shows all there is to translate. */
async function expectNoEnglish(page: Page, where: string): Promise<void> {
  expect(await englishLeft(page), `English left on ${where}`).toEqual([])
}

test('switching to Chinese leaves no English on the home page, the join page and the board', async ({
  page,
}) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Workshop whiteboard')
  // the check sees English where there is English
  expect(await englishLeft(page)).toEqual(expect.arrayContaining([expect.stringContaining('Create session')]))
  await page.getByRole('combobox', { name: SWITCHER }).selectOption('zh-CN')
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('工作坊白板')
  // the templates come again, in Chinese
  await expect(page.getByRole('combobox', { name: '模板' })).toContainText('共同梳理会')
  await expectNoEnglish(page, 'the home page')

  await page.getByRole('combobox', { name: '模板' }).selectOption('sense-making')
  await page.getByRole('textbox', { name: '会议标题' }).fill('邻里故事')
  await page.getByRole('button', { name: '创建会议' }).click()
  await expect(page.getByRole('heading', { name: '会议已准备就绪' })).toBeFocused()
  await expectNoEnglish(page, 'the home page with its links')

  await page.getByRole('link', { name: '以主持人身份打开白板' }).click()
  await expect(page.getByRole('heading', { name: '邻里故事' })).toBeVisible()
  // the session was created in Chinese: its commitments are Chinese too
  await expect(page.getByRole('listitem').first()).toContainText('倾听')
  await expectNoEnglish(page, 'the join page')

  await page.getByRole('textbox', { name: '你的名字' }).fill('小明')
  await page.getByRole('button', { name: '我同意' }).click()
  await expectConnected(page)
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await expectNoEnglish(page, 'the board')

  // a note, selected: the selection bar with its language choice
  await page.getByRole('button', { name: '便签', exact: true }).click()
  await page.keyboard.type('大家好')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('group', { name: '所选内容' })).toBeVisible()
  await expectNoEnglish(page, 'the board with a note selected')

  await page.getByRole('button', { name: '列表视图' }).click()
  const list = page.getByRole('list', { name: /上的便签/ })
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await page.getByRole('button', { name: '添加便签' }).click()
  await page.keyboard.type('第二张便签')
  await expectNoEnglish(page, 'the list view')

  for (const panel of ['议程', '参与者', '约定']) {
    await page.getByRole('button', { name: panel, exact: true }).click()
    await expect(page.getByRole('complementary', { name: panel })).toBeVisible()
    await expectNoEnglish(page, `the ${panel} panel`)
  }
  await page.getByText('会议设置').click()
  await expectNoEnglish(page, 'the facilitator controls with the session settings')

  await page.getByRole('button', { name: '导出' }).click()
  await expect(page.getByRole('menu')).toBeVisible()
  await expectNoEnglish(page, 'the export menu')
  await page.getByRole('menuitem', { name: /PDF/ }).click()
  await expect(page.getByRole('dialog', { name: '导出 PDF 报告' })).toBeVisible()
  await expectNoEnglish(page, 'the PDF export dialog')
})

test('the language chosen is remembered on reload and on the next visit; a Chinese browser starts in Chinese', async ({
  page,
  browser,
}) => {
  await page.goto('/')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await page.getByRole('combobox', { name: SWITCHER }).selectOption('zh-CN')
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await expect(page.getByRole('button', { name: '创建会议' })).toBeVisible()
  await expect(page.getByRole('combobox', { name: SWITCHER })).toHaveValue('zh-CN')

  // the choice holds on the join page and the board too, and switching back is remembered as well
  const link = await createSessionInChinese(page)
  await page.goto(link)
  await expect(page.getByRole('textbox', { name: '你的名字' })).toBeVisible()
  await page.getByRole('combobox', { name: SWITCHER }).selectOption('en')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await page.reload()
  await join(page, 'Mei')
  await expect(page.getByRole('button', { name: 'List view' })).toBeVisible()
  await openMenuIfFolded(page) // on a 1280 px laptop the language waits behind Menu
  await page.getByRole('combobox', { name: SWITCHER }).selectOption('zh-CN')
  await expect(page.getByRole('button', { name: '列表视图' })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('button', { name: '列表视图' })).toBeVisible()

  const chinese = await browser.newContext({ locale: 'zh-CN' })
  const fresh = await chinese.newPage()
  await fresh.goto('/')
  await expect(fresh.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await expect(fresh.getByRole('heading', { level: 1 })).toHaveText('工作坊白板')
  await chinese.close()
})

test('a note’s language is set from the list view and marks its text for screen readers', async ({
  page,
}) => {
  const link = await createSession(page, 'Languages')
  await page.goto(link)
  await join(page, 'Ann')
  await openListView(page)
  await page.getByRole('button', { name: 'Add note' }).click()
  await page.keyboard.type('hola a todos')
  const field = page.getByRole('textbox', { name: 'Note 1 — Ann' })
  await expect(field).toHaveValue('hola a todos')
  await page.getByRole('combobox', { name: 'Language of Note 1 — Ann' }).selectOption('es')
  await expect(field).toHaveAttribute('lang', 'es')
  // the canvas's selection bar shows the same tag, and "Same as the board" takes it off
  await page.getByRole('combobox', { name: 'Language of Note 1 — Ann' }).selectOption('')
  await expect(field).not.toHaveAttribute('lang', /.+/)
})

async function createSessionInChinese(page: Page): Promise<string> {
  await page.getByRole('textbox', { name: '会议标题' }).fill('周末聚会')
  await page.getByRole('button', { name: '创建会议' }).click()
  const participant = page.getByRole('textbox', { name: '参与者', exact: true })
  await expect(participant).toHaveValue(/\/s\/[\w-]{22}\?key=.+/)
  rememberLinks({
    facilitator: await page.getByRole('textbox', { name: '主持人', exact: true }).inputValue(),
  })
  return participant.inputValue()
}
