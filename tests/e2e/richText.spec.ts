import { readFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import { type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { createLinks, expectConnected, openAsNewPerson, openListView } from './helpers'
import { pdfStreams } from './reportHelpers'

async function joinAs(page: Page, name: string) {
  await page.getByRole('textbox', { name: 'Your name' }).fill(name)
  await page.getByRole('button', { name: 'I agree' }).click()
  await expectConnected(page)
}

/** Types a note with bold, a bulleted list and a numbered list, the way a person does in the editor. */
async function typeRichNote(page: Page) {
  await page
    .getByRole('toolbar', { name: 'Tools' })
    .getByRole('button', { name: 'Sticky note', exact: true })
    .click()
  const editor = page.getByRole('textbox', { name: /^Note text/ })
  await expect(editor).toBeFocused()
  // formatting needs the rich editor itself: until its code has come, a plain text box stands in
  await expect(page.locator('.note-editor-content')).toBeFocused()
  await page.keyboard.type('Plan: ')
  await page.keyboard.press('Control+b')
  await page.keyboard.type('childcare first')
  await page.keyboard.press('Control+b')
  await page.keyboard.type(', ')
  await page.keyboard.press('Control+Shift+S')
  await page.keyboard.type('not Monday')
  await page.keyboard.press('Control+Shift+S')
  await page.keyboard.press('Enter')
  await page.keyboard.type('- ask parents')
  await page.keyboard.press('Enter')
  await page.keyboard.type('book the hall')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter') // an empty item ends the list
  await page.keyboard.type('1. call Sam')
  await page.keyboard.press('Enter')
  await page.keyboard.type('write it up')
  await expect(editor.locator('strong')).toHaveText('childcare first')
  await expect(editor.locator('s')).toHaveText('not Monday')
  await page.keyboard.press('Escape')
  await expect(editor).toHaveCount(0)
}

test('bold, strike-through and lists typed on a laptop show on a phone’s list view, in Markdown and PDF', async ({
  browser,
}) => {
  const links = await createLinks(browser, 'Rich notes')
  const laptop = await openAsNewPerson(browser, links.facilitator)
  await joinAs(laptop, 'Ada')
  const phoneContext = await browser.newContext({
    viewport: { width: 412, height: 915 },
    hasTouch: true,
    isMobile: true,
  })
  const phone = await phoneContext.newPage()
  await phone.goto(links.participant)
  await joinAs(phone, 'Grace')

  await laptop.getByRole('tab', { name: 'Individual reflections' }).click()
  await phone.getByRole('tab', { name: 'Individual reflections' }).click()
  await typeRichNote(laptop)
  await laptop.screenshot({ path: test.info().outputPath('laptop-board.png') })

  const notes = await openListView(phone)
  const note = notes.getByRole('listitem').filter({ hasText: 'Plan:' }).first()
  await expect(note.locator('strong')).toHaveText('childcare first')
  await expect(note.locator('s')).toHaveText('not Monday')
  const bullets = note.getByRole('list').first()
  await expect(bullets.getByRole('listitem')).toHaveText(['ask parents', 'book the hall'])
  await expect(note.locator('ol > li')).toHaveText(['call Sam', 'write it up'])
  await phone.screenshot({ path: test.info().outputPath('phone-list.png') })
  const axe = await new AxeBuilder({ page: phone }).include('.list-view').analyze()
  expect(axe.violations).toEqual([])

  // The laptop's list view edits the formatted note in the rich editor, which keeps the bold.
  const laptopNotes = await openListView(laptop)
  await laptopNotes.getByRole('button', { name: 'Edit note' }).click()
  const rowEditor = laptopNotes.getByRole('textbox', { name: /^Note 1/ })
  await expect(rowEditor).toBeFocused()
  await laptop.keyboard.press('Control+End')
  await laptop.keyboard.type('Done by Friday')
  await laptop.keyboard.press('Escape')
  await expect(laptopNotes.getByRole('button', { name: 'Edit note' })).toBeFocused()
  await expect(note).toContainText('Done by Friday')
  await expect(note.locator('strong')).toHaveText('childcare first')
  await expect(note.locator('ol > li')).toHaveText(['call Sam', 'write it up'])

  // Markdown keeps the formatting as Markdown.
  const download = laptop.waitForEvent('download')
  await laptop.getByRole('button', { name: 'Export', exact: true }).click()
  await laptop
    .getByRole('menu', { name: 'Export' })
    .getByRole('menuitem', { name: 'Markdown', exact: true })
    .click()
  const md = readFileSync((await (await download).path())!, 'utf8')
  expect(md).toContain('**childcare first**, ~~not Monday~~')
  expect(md).toMatch(/^\s+- ask parents$/m)
  expect(md).toMatch(/^\s+1\. call Sam$/m)

  // The PDF report prints the note's words with their formatting: the bold words in a bold font,
  // the list items with their bullets and numbers.
  const pdfDownload = laptop.waitForEvent('download')
  await laptop.getByRole('button', { name: 'Export', exact: true }).click()
  await laptop
    .getByRole('menu', { name: 'Export' })
    .getByRole('menuitem', { name: 'PDF', exact: true })
    .click()
  const dialog = laptop.getByRole('dialog', { name: 'Export PDF' })
  await dialog.getByRole('button', { name: 'Export PDF' }).click()
  const pdf = readFileSync((await (await pdfDownload).path())!)
  const text = pdfStreams(pdf)
  expect(fontOf(pdf, text, 'childcare first')).toBe('Helvetica-Bold')
  expect(fontOf(pdf, text, 'Plan: ')).toBe('Helvetica')
  // struck through: a line is drawn right after the words
  expect(text).toMatch(/\(not Monday\) Tj\nET\n[^\n]* RG\n[^\n]* w\n[^\n]* m\n[^\n]* l\nS/)
  for (const item of ['ask parents', 'book the hall', 'call Sam', 'write it up'])
    expect(text).toContain(`(${item}) Tj`)
  expect(text).toMatch(/\(1\.\) Tj[\s\S]*\(call Sam\) Tj[\s\S]*\(2\.\) Tj[\s\S]*\(write it up\) Tj/)
  // the note's own bullet and the two of its list (• is 0x95 in the PDF's WinAnsi text)
  expect(text.match(/\(\x95\) Tj/g)?.length).toBeGreaterThanOrEqual(3)
})

/** The base font a PDF draws `words` in (a text object holding them, its `Tf`, the font it names). */
function fontOf(pdf: Buffer, streams: string, words: string): string | undefined {
  const block = streams.split('BT\n').find((b) => b.includes(`(${words}) Tj`))
  const name = block?.match(/\/(F\d+) [\d.]+ Tf/)?.[1]
  const raw = pdf.toString('latin1')
  const ref = raw.match(new RegExp(`/${name} (\\d+) 0 R`))?.[1]
  return raw.match(new RegExp(`\\n${ref} 0 obj[\\s\\S]*?/BaseFont /([\\w-]+)`))?.[1]
}
