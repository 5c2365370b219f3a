import { type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { readFileSync } from 'node:fs'
import { violations } from './axe'
import { createLinks, expectConnected, join, openAsNewPerson, openListView, moreActions } from './helpers'
import { importCsv, openImport } from './materialHelpers'

const PHONE = { viewport: { width: 412, height: 915 }, hasTouch: true, isMobile: true }

/** 30 stories as a facilitator might paste them: Markdown bullets, a bold title, then the story. */
const PASTED = [
  '# Stories from the estate',
  '',
  ...Array.from(
    { length: 30 },
    (_, i) =>
      `- **Story ${i + 1}** — It began on a Tuesday in the year ${2000 + i}, and it is longer than its title.`,
  ),
].join('\n')

/** A spreadsheet's CSV: quoted fields with commas and a line break, a content note, a story in Chinese. */
const CSV = [
  'title,story,storyteller,content note,language',
  '"The bus, at last","We waited, and waited.\nThen it came.",Amina,,en',
  'The night they shouted,They shouted at us in the street.,,describes racist abuse,en',
  '回家的路,我们走了很久，终于到家了。,李华,,zh-CN',
].join('\r\n')

const storyRows = (page: Page) => page.locator('li.story-row')

test('a facilitator imports 30 stories and a CSV file; people on a phone and in Chinese read them; a content note hides the text until Show text', async ({
  browser,
}) => {
  test.setTimeout(180_000)
  const links = await createLinks(browser, 'Stories from the estate')
  const fay = await openAsNewPerson(browser, links.facilitator)
  await join(fay, 'Fay')

  // Pasted: the preview lists all 30 before anything is added, and adding is one Undo step
  let dialog = await openImport(fay)
  await dialog.getByRole('textbox', { name: 'Paste a list' }).fill(PASTED)
  await expect(dialog.getByRole('status')).toHaveText(
    /^30 story cards and 0 notes will be added in a new frame on “.+”\.$/,
  )
  await expect(dialog.getByRole('listitem')).toHaveCount(30)
  await expect(dialog.getByRole('textbox', { name: 'Frame title' })).toHaveValue('Stories from the estate')
  await fay.screenshot({ path: '/tmp/material-preview.png' })
  expect(await violations(fay), 'the import dialog with its preview').toEqual([])
  await expect(storyRows(fay)).toHaveCount(0) // nothing is added by the preview
  await dialog.getByRole('button', { name: 'Add 30 items' }).click()
  await expect(dialog).toBeHidden()
  await openListView(fay)
  await expect(storyRows(fay)).toHaveCount(30)
  await expect(fay.getByRole('listitem').filter({ hasText: 'Frame: Stories from the estate' })).toHaveCount(1)
  await expect(storyRows(fay).first()).toContainText('Story 1')
  await expect(storyRows(fay).first()).toContainText('It began on a Tuesday in the year 2000')
  await fay.screenshot({ path: '/tmp/material-imported.png' })
  await fay.getByRole('button', { name: 'Undo' }).click()
  await expect(storyRows(fay)).toHaveCount(0)
  await fay.getByRole('button', { name: 'Redo' }).click()
  await expect(storyRows(fay)).toHaveCount(30)

  // Too many: said clearly, and nothing can be added
  dialog = await openImport(fay)
  const tooMany = Array.from({ length: 301 }, (_, i) => `Idea ${i}`).join('\n')
  await dialog.getByRole('textbox', { name: 'Paste a list' }).fill(tooMany)
  await expect(dialog.getByRole('alert')).toHaveText(
    'This list has 301 items; at most 300 can be imported at once. Split it into smaller lists. Nothing has been added.',
  )
  await expect(dialog.getByRole('button', { name: /^Add/ })).toBeDisabled()
  await dialog.getByRole('button', { name: 'Cancel' }).click()

  // A CSV file: quoted fields, a content note, a story in Chinese
  dialog = await importCsv(fay, CSV)
  await expect(dialog.getByRole('status')).toContainText('3 story cards and 0 notes will be added')
  await expect(dialog.getByRole('listitem').nth(1)).toContainText('Content note: describes racist abuse')
  await expect(dialog.getByRole('textbox', { name: 'Frame title' })).toHaveValue('stories')
  await dialog.getByRole('button', { name: 'Add 3 items' }).click()
  await expect(storyRows(fay)).toHaveCount(33)
  const noted = storyRows(fay).filter({ hasText: 'The night they shouted' })
  await expect(noted).toContainText('Content note: describes racist abuse')
  await expect(noted).not.toContainText('They shouted at us in the street.')

  // On the canvas (the view is on the new frame): the middle card is the one with the content note
  const box = (await fay.getByTestId('board-canvas').boundingBox())!
  await fay.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
  const selection = fay.getByRole('group', { name: 'Selection' })
  await expect(selection.getByRole('button', { name: 'Show text' })).toBeVisible()
  await fay.screenshot({ path: '/tmp/material-canvas-hidden.png' })
  await selection.getByRole('button', { name: 'Show text' }).click()
  await expect(selection.getByRole('button', { name: 'Hide text' })).toBeVisible()
  await expect(noted).toContainText('They shouted at us in the street.') // the list follows the same choice
  await fay.screenshot({ path: '/tmp/material-canvas-shown.png' })
  // the whole story in the story panel, the content note first
  await selection.getByRole('button', { name: 'Read story' }).click()
  const panel = fay.getByRole('complementary', { name: 'Story card' })
  await expect(panel.getByRole('textbox', { name: 'Title' })).toHaveValue('The night they shouted')
  await expect(panel.getByRole('note')).toContainText('Content note: describes racist abuse')
  await expect(panel).toContainText('They shouted at us in the street.')
  await fay.screenshot({ path: '/tmp/material-story-panel.png' })
  await panel.getByRole('button', { name: 'Close story' }).click()
  await expect(panel).toBeHidden()
  await fay.mouse.click(box.x + box.width / 2, box.y + box.height / 2)

  // Pat, on a phone: every story is there; the noted one is hidden for Pat until Pat chooses
  const pat = await openAsNewPerson(browser, links.participant, PHONE)
  await join(pat, 'Pat')
  await openListView(pat)
  await expect(storyRows(pat)).toHaveCount(33)
  const patNoted = storyRows(pat).filter({ hasText: 'The night they shouted' })
  await expect(patNoted).toContainText('Content note: describes racist abuse')
  await expect(patNoted).not.toContainText('They shouted at us in the street.')
  await expect(storyRows(pat).filter({ hasText: 'The bus, at last' })).toContainText('Told by Amina')
  await pat.screenshot({ path: '/tmp/material-phone.png' })
  await patNoted.getByRole('button', { name: 'Show text' }).click()
  await expect(patNoted).toContainText('They shouted at us in the street.')

  // Xiao, in Chinese: the same stories, the note said first, the text behind 显示文字
  const zh = await browser.newContext({ locale: 'zh-CN' })
  const xiao = await zh.newPage()
  await xiao.goto(links.participant)
  await xiao.getByRole('textbox', { name: '你的名字' }).fill('小明')
  await xiao.getByRole('button', { name: '我同意' }).click()
  await expectConnected(xiao)
  await xiao.getByRole('button', { name: '列表视图' }).click()
  await expect(storyRows(xiao)).toHaveCount(33)
  const home = storyRows(xiao).filter({ hasText: '回家的路' })
  await expect(home).toContainText('讲述者：李华')
  await expect(home).toContainText('我们走了很久，终于到家了。')
  await expect(home.locator('[lang="zh-CN"]').first()).toBeVisible()
  const xiaoNoted = storyRows(xiao).filter({ hasText: 'The night they shouted' })
  await expect(xiaoNoted).toContainText('内容提示：describes racist abuse')
  await expect(xiaoNoted).not.toContainText('They shouted at us in the street.')
  await xiao.screenshot({ path: '/tmp/material-zh.png' })
  await xiaoNoted.getByRole('button', { name: '显示文字' }).click()
  await expect(xiaoNoted).toContainText('They shouted at us in the street.')
  // Fay's choice and Pat's are their own: Fay hides it again, Xiao still reads it
  await selection.getByRole('button', { name: 'Hide text' }).click()
  await expect(noted).not.toContainText('They shouted at us in the street.')
  await expect(xiaoNoted).toContainText('They shouted at us in the street.')

  // Fay changes the note from the selection bar (hers to change: she added the card); everyone sees it
  await (await moreActions(fay)).getByRole('button', { name: 'Content note' }).click()
  const noteDialog = fay.getByRole('dialog', { name: 'Content note' })
  await expect(noteDialog.getByRole('textbox', { name: 'Content note' })).toHaveValue(
    'describes racist abuse',
  )
  expect(await violations(fay), 'the content note dialog').toEqual([])
  await noteDialog.getByRole('textbox', { name: 'Content note' }).fill('describes a violent attack')
  await noteDialog.getByRole('button', { name: 'Save content note' }).click()
  await expect(patNoted).toContainText('Content note: describes a violent attack')
  // every export says the note before the text: Markdown (and a PNG, looked at)
  const exportAs = async (format: string) => {
    const download = fay.waitForEvent('download')
    await fay.getByRole('button', { name: 'Export' }).click()
    await fay.getByRole('menuitem', { name: format, exact: true }).click()
    return download
  }
  const md = await (await exportAs('Markdown')).path()
  const markdown = readFileSync(md, 'utf8')
  const warning = markdown.indexOf('> **Content note:** describes a violent attack')
  expect(warning).toBeGreaterThan(markdown.indexOf('#### Story: The night they shouted'))
  expect(warning).toBeLessThan(markdown.indexOf('They shouted at us in the street.'))
  await (await exportAs('PNG')).saveAs('/tmp/material-export.png')
  await (await moreActions(fay)).getByRole('button', { name: 'Content note' }).click()
  await noteDialog.getByRole('button', { name: 'Remove content note' }).click()
  await expect(patNoted).not.toContainText('Content note')
  await expect(xiaoNoted).not.toContainText('内容提示')
  await expect(selection.getByRole('button', { name: 'Show text' })).toBeHidden()
})

test('the import goes to the canvas chosen in the dialog, and the view follows it there', async ({
  browser,
}) => {
  const links = await createLinks(browser, 'Choosing the canvas', 'collage')
  const fay = await openAsNewPerson(browser, links.facilitator)
  await join(fay, 'Fay')
  const dialog = await openImport(fay)
  await dialog.getByRole('textbox', { name: 'Paste a list' }).fill('Bring chairs\n\nAsk about childcare\n')
  await expect(dialog.getByRole('combobox', { name: 'Format' })).toHaveValue('auto')
  await expect(dialog.getByRole('status')).toContainText('0 story cards and 2 notes will be added')
  const canvas = dialog.getByRole('combobox', { name: 'Canvas' })
  // another canvas than the one in view (the dialog starts on that one)
  const current = await canvas.inputValue()
  const other = canvas.locator(`option:not([value="${current}"])`).first()
  const target = (await other.textContent())!
  await canvas.selectOption({ label: target })
  await expect(dialog.getByRole('status')).toContainText(`on “${target}”`)
  await dialog.getByRole('button', { name: 'Add 2 items' }).click()
  await expect(fay.getByRole('tab', { name: target, exact: true })).toHaveAttribute('aria-selected', 'true')
  await openListView(fay)
  await expect(fay.getByRole('heading', { name: `Notes on “${target}”` })).toBeVisible()
  await expect(fay.getByRole('textbox', { name: /^Note 1/ })).toHaveValue('Bring chairs')
  await expect(fay.getByRole('textbox', { name: /^Note 2/ })).toHaveValue('Ask about childcare')
})
