import { type Browser, type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { violations } from './axe'
import { createdLinks, expectConnected, openListView, openMenuIfFolded } from './helpers'

const PHONE = { viewport: { width: 412, height: 915 }, hasTouch: true, isMobile: true }
const LAPTOP = { viewport: { width: 1280, height: 800 } }

const FIRST_EN = /^We listen to understand/
const FIRST_ZH = /^我们用心倾听/

async function person(browser: Browser, options: Parameters<Browser['newContext']>[0]): Promise<Page> {
  const context = await browser.newContext(options)
  return context.newPage()
}

/** The home page's Create form with a second language; returns the facilitator and participant links. */
async function createTwoLanguageSession(page: Page) {
  await page.goto('/')
  await page.getByRole('combobox', { name: 'Template' }).selectOption('sense-making')
  await page.getByRole('textbox', { name: 'Session title' }).fill('Food stories · 食物故事')
  const languages = page.getByRole('group', { name: 'Languages' })
  await expect(languages.getByRole('combobox', { name: 'Main language' })).toHaveValue('en')
  await expect(languages.getByRole('combobox', { name: 'Second language' })).toHaveValue('')
  await languages.getByRole('combobox', { name: 'Second language' }).selectOption('zh-CN')
  await page.getByRole('button', { name: 'Create session' }).click()
  return createdLinks(page)
}

const commitmentLines = (page: Page) => page.locator('.commitments ol > li')

test('a session in English and 简体中文: each person agrees to the commitments in their own language', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const fay = await person(browser, LAPTOP)
  const links = await createTwoLanguageSession(fay)

  // Li Hua's phone is set to Chinese: the join page says the session has both languages, and shows
  // the commitments in Chinese, marked as Chinese.
  const li = await person(browser, { ...PHONE, locale: 'zh-CN' })
  await li.goto(links.participant)
  await expect(li.getByText('本次会议使用English和简体中文。')).toBeVisible()
  await expect(commitmentLines(li).first()).toHaveText(FIRST_ZH)
  await expect(commitmentLines(li).first()).toHaveAttribute('lang', 'zh-CN')
  await expect(commitmentLines(li)).toHaveCount(7)
  await expect(li.getByRole('button', { name: '我同意' })).toBeVisible()
  expect(await violations(li)).toEqual([])
  await li.screenshot({ path: '/tmp/langs-join-zh-phone.png', fullPage: true })

  // Sam reads English: the same commitments, in English; the other language is one press away.
  const sam = await person(browser, { ...LAPTOP, locale: 'en-GB' })
  await sam.goto(links.participant)
  await expect(sam.getByText('This session is in English and 简体中文.')).toBeVisible()
  await expect(commitmentLines(sam).first()).toHaveText(FIRST_EN)
  await expect(commitmentLines(sam).first()).toHaveAttribute('lang', 'en')
  const readIn = sam.getByRole('group', { name: 'Read the commitments in' })
  await readIn.getByRole('button', { name: '简体中文' }).click()
  await expect(commitmentLines(sam).first()).toHaveText(FIRST_ZH)
  await expect(sam.getByRole('button', { name: '我同意' })).toBeVisible()
  await sam
    .getByRole('group', { name: '用以下语言阅读约定' })
    .getByRole('button', { name: 'English' })
    .click()
  await expect(commitmentLines(sam).first()).toHaveText(FIRST_EN)
  await expect(readIn.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true')

  // Everyone joins; each answer is counted once, whatever language it was given in.
  await fay.goto(links.facilitator)
  await fay.getByRole('textbox', { name: 'Your name' }).fill('Fay')
  await fay.getByRole('button', { name: 'I agree' }).click()
  await expectConnected(fay)
  await li.getByRole('textbox', { name: '你的名字' }).fill('李华')
  await li.getByRole('button', { name: '我同意' }).click()
  await expectConnected(li)
  await sam.getByRole('textbox', { name: 'Your name' }).fill('王芳')
  await sam.getByRole('button', { name: 'I agree' }).click()
  await expectConnected(sam)

  // Fay's interface is English: Li Hua's avatar among the people here is still drawn in Noto Sans SC.
  const avatar = fay.locator('.presence-avatar', { hasText: '李' })
  await avatar.evaluate((el) => el.setAttribute('data-font-probe', ''))
  await expect
    .poll(async () => (await fontsDrawing(fay, '[data-font-probe]')).every((f) => /^Noto Sans SC/.test(f)))
    .toBe(true)

  // The step's title and prompt: Chinese for Li Hua, English for Sam.
  await expect(li.locator('.prompt-step [lang="zh-CN"]')).toHaveText(/\p{Script=Han}/u)
  await expect(sam.locator('.prompt-step [lang="en"]')).toHaveText(/[A-Za-z]/)

  // The facilitator corrects the Chinese of the first commitment; the English stays.
  await fay.getByRole('button', { name: 'Commitments', exact: true }).click()
  await expect(fay.getByText('2 agree · 0 would like to discuss')).toBeVisible()
  await fay.getByText('Edit the commitments').click()
  const zhField = fay.getByRole('textbox', { name: 'Commitment 1 (简体中文)' })
  await expect(zhField).toHaveValue(FIRST_ZH)
  await expect(fay.getByRole('textbox', { name: 'Commitment 1 (English)' })).toHaveValue(FIRST_EN)
  await zhField.fill('我们认真倾听，一次只有一个人发言。')
  await zhField.press('Tab')

  // Li Hua sees the new words in the commitments panel; Sam still reads the English.
  await openMenuIfFolded(li) // on a phone the panel buttons are behind 菜单 (Menu)
  await li.getByRole('button', { name: '约定', exact: true }).click()
  await expect(commitmentLines(li).first()).toHaveText('我们认真倾听，一次只有一个人发言。')
  await sam.getByRole('button', { name: 'Commitments', exact: true }).click()
  await expect(commitmentLines(sam).first()).toHaveText(FIRST_EN)
  await li.screenshot({ path: '/tmp/langs-board-zh-phone.png' })

  // The facilitator writes the step's Chinese title; Li Hua's step banner shows it, Sam's stays English.
  await fay.getByRole('button', { name: 'Commitments', exact: true }).click()
  await fay.getByRole('button', { name: 'Agenda', exact: true }).click()
  await fay.getByRole('button', { name: 'Edit', exact: true }).first().click()
  await expect(fay.getByRole('textbox', { name: 'Title (English)' })).toHaveValue('Welcome and commitments')
  await fay.getByRole('textbox', { name: 'Title (简体中文)' }).fill('欢迎大家')
  await expect(li.locator('.prompt-step [lang="zh-CN"]')).toHaveText('欢迎大家')
  await expect(sam.locator('.prompt-step [lang="en"]')).toHaveText('Welcome and commitments')
  await fay.getByRole('button', { name: 'Agenda', exact: true }).click()
  await fay.getByRole('button', { name: 'Commitments', exact: true }).click()

  // 王芳's pointer on the facilitator's board carries her name, drawn in Noto Sans SC (its glyphs,
  // not merely its file loaded: with a system font first, the name was drawn as boxes)
  await sam.getByRole('button', { name: 'Commitments', exact: true }).click()
  await fay.getByRole('button', { name: 'Commitments', exact: true }).click()
  const canvas = (await sam.getByTestId('board-canvas').boundingBox())!
  await sam.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2, { steps: 3 })
  await sam.mouse.move(canvas.x + canvas.width / 2 + 20, canvas.y + canvas.height / 2 + 10, { steps: 3 })
  await expect
    .poll(() => fontsDrawing(fay, '.cursor-name', 'after'))
    .toEqual([expect.stringMatching(/^Noto Sans SC/)])
  await fay.screenshot({ path: '/tmp/langs-board-fay.png' })

  // Reactions are drawn icons named by their labels, never emoji (boxes without an emoji font).
  const samNotes = await openListView(sam)
  await sam.getByRole('button', { name: 'Add note' }).click()
  await expect(samNotes.getByRole('textbox')).toBeFocused()
  await sam.keyboard.type('Dumplings at New Year')
  const thumbs = samNotes.getByRole('button', { name: 'Thumbs up (0)' })
  await expect(thumbs.locator('svg')).toHaveCount(1)
  await thumbs.click()
  await expect(samNotes.getByRole('button', { name: 'Thumbs up (1)' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  const reactions = samNotes.getByRole('group', { name: 'Reactions' })
  expect(await reactions.innerText()).not.toMatch(/\p{Extended_Pictographic}/u)
  await expect(reactions.locator('svg')).toHaveCount(5)
  await sam.screenshot({ path: '/tmp/langs-reactions.png' })
})

test('a session begun in English alone gets 简体中文 for a newcomer; the join page follows at once', async ({
  browser,
}) => {
  const fay = await person(browser, LAPTOP)
  await fay.goto('/')
  await fay.getByRole('combobox', { name: 'Template' }).selectOption('sense-making')
  await fay.getByRole('textbox', { name: 'Session title' }).fill('Street party')
  await fay.getByRole('button', { name: 'Create session' }).click()
  const participant = await fay.getByRole('textbox', { name: 'Participant', exact: true }).inputValue()
  await fay.goto(await fay.getByRole('textbox', { name: 'Facilitator', exact: true }).inputValue())
  await fay.getByRole('textbox', { name: 'Your name' }).fill('Fay')
  await fay.getByRole('button', { name: 'I agree' }).click()
  await expectConnected(fay)

  // Mei's phone is in Chinese: she is told the session is in English, and is not asked to agree yet.
  const mei = await person(browser, { ...PHONE, locale: 'zh-CN' })
  await mei.goto(participant)
  await expect(mei.getByText('本次会议使用English。')).toBeVisible()
  await expect(commitmentLines(mei).first()).toHaveText(FIRST_EN)
  await expect(commitmentLines(mei).first()).toHaveAttribute('lang', 'en')

  // The facilitator adds Chinese: the built-in commitments come in Chinese at once.
  await fay.getByRole('button', { name: 'Commitments', exact: true }).click()
  await fay.getByText('Edit the commitments').click()
  await fay.getByRole('combobox', { name: 'Second language of this session' }).selectOption('zh-CN')
  await expect(fay.getByRole('textbox', { name: 'Commitment 1 (简体中文)' })).toHaveValue(FIRST_ZH)
  await expect(mei.getByText('本次会议使用English和简体中文。')).toBeVisible()
  await expect(commitmentLines(mei).first()).toHaveText(FIRST_ZH)
  await expect(commitmentLines(mei).first()).toHaveAttribute('lang', 'zh-CN')
})

/**
 * The fonts Chromium actually drew an element's text with (not what CSS asked for); with `pseudo`,
 * the text of that pseudo-element of it (e.g. 'after': generated content).
 */
async function fontsDrawing(page: Page, selector: string, pseudo?: 'before' | 'after'): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('DOM.enable')
    await cdp.send('CSS.enable')
    const { root } = await cdp.send('DOM.getDocument', {})
    let { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector })
    if (nodeId === 0) return []
    if (pseudo) {
      const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1 })
      const generated = node.pseudoElements?.find((p) => p.pseudoType === pseudo)
      if (!generated) return []
      const { nodeIds } = await cdp.send('DOM.pushNodesByBackendIdsToFrontend', {
        backendNodeIds: [generated.backendNodeId],
      })
      nodeId = nodeIds[0]!
    }
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId })
    return fonts.map((f) => f.familyName)
  } finally {
    await cdp.detach()
  }
}

test('a Chinese name on a cursor is drawn in Noto Sans SC on an English board, never as boxes', async ({
  browser,
}) => {
  const fay = await person(browser, LAPTOP)
  await fay.goto('/')
  await fay.getByRole('combobox', { name: 'Template' }).selectOption('collage')
  await fay.getByRole('textbox', { name: 'Session title' }).fill('Cursors')
  await fay.getByRole('button', { name: 'Create session' }).click()
  const { participant } = await createdLinks(fay)
  await fay.goto(participant)
  await fay.getByRole('textbox', { name: 'Your name' }).fill('Fay')
  await fay.getByRole('button', { name: 'I agree' }).click()
  await expectConnected(fay)
  const li = await person(browser, { ...LAPTOP, locale: 'zh-CN' })
  await li.goto(participant)
  await li.getByRole('textbox', { name: '你的名字' }).fill('李')
  await li.getByRole('button', { name: '我同意' }).click()
  await expectConnected(li)

  const board = li.getByTestId('board-canvas')
  const box = (await board.boundingBox())!
  await li.mouse.move(box.x + 300, box.y + 200)
  await li.mouse.move(box.x + 320, box.y + 210)
  await expect(fay.getByTestId('board-canvas')).toHaveAttribute('data-cursors', '李')
  // the name is the label's generated content: drawn in the web font, as the page's other Chinese
  await expect
    .poll(() => fontsDrawing(fay, '.cursor-name', 'after'))
    .toEqual([expect.stringMatching(/^Noto Sans SC/)])
})

test('Chinese headings, buttons and names are drawn in Noto Sans SC, on a machine without a Chinese system font', async ({
  browser,
}) => {
  // (check: `fc-list :lang=zh` lists nothing here) every Chinese glyph must come from the web font
  const page = await person(browser, { ...LAPTOP, locale: 'zh-CN' })
  await page.goto('/')
  await expect(page.getByRole('combobox', { name: '模板' })).toBeVisible()
  // all-Chinese text: every glyph from Noto Sans SC, none from a system font (which draws boxes)
  for (const selector of ['h1', 'h2', 'button.primary']) {
    await expect
      .poll(async () => (await fontsDrawing(page, selector)).every((f) => /^Noto Sans SC/.test(f)), {
        message: selector,
      })
      .toBe(true)
  }
  // "Language / 语言": the Latin in the system font, the Chinese in Noto Sans SC
  await expect
    .poll(() => fontsDrawing(page, '.language-select label'))
    .toEqual(
      expect.arrayContaining([expect.stringMatching(/^Noto Sans SC/), expect.not.stringMatching(/^Noto/)]),
    )
  await page.screenshot({ path: '/tmp/langs-home-zh.png', fullPage: true })
})
