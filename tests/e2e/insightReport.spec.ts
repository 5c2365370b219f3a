import { readFileSync, writeFileSync } from 'node:fs'
import { type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { strFromU8, unzipSync } from 'fflate'
import { createLinks, expectConnected, join, openAsNewPerson, openListView, moreActions } from './helpers'
import { importCsv } from './materialHelpers'
import { exportReport, pdfStreams } from './reportHelpers'

const PHONE = { viewport: { width: 412, height: 915 }, hasTouch: true, isMobile: true }

/** Two stories, one with a content note, as a spreadsheet would give them. */
const CSV = [
  'title,story,storyteller,content note,language',
  'The bus at last,We waited and waited. Then it came.,Amina,,en',
  'The night they shouted,They shouted at us in the street.,,describes racist abuse,en',
].join('\r\n')

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true })
const row = (list: ReturnType<Page['getByRole']>, text: string) =>
  list.getByRole('listitem').filter({ hasText: text }).last()

async function addNote(page: Page, text: string) {
  await page
    .getByRole('toolbar', { name: 'Tools' })
    .getByRole('button', { name: 'Sticky note', exact: true })
    .click()
  await page.keyboard.type(text)
  await page.keyboard.press('Escape')
}

/** Selects everything on the board: a click on empty board (right of the notes), then Ctrl+A. */
async function selectAll(page: Page) {
  const box = (await page.getByTestId('board-canvas').boundingBox())!
  await page.mouse.click(box.x + box.width * 0.92, box.y + box.height * 0.6)
  await page.keyboard.press('Control+a')
}

test('a facilitator exports the insight report from the page as DOCX and PDF: themes by votes, a quote apart, a story with its content note first', async ({
  browser,
}) => {
  test.setTimeout(240_000)
  const links = await createLinks(browser, 'Estate voices')
  const fay = await openAsNewPerson(browser, links.facilitator)
  await join(fay, 'Fay')
  const pat = await openAsNewPerson(browser, links.participant, PHONE)
  await join(pat, 'Pat')
  const zh = await browser.newContext({ locale: 'zh-CN' })
  const li = await zh.newPage()
  await li.goto(links.participant)
  await li.getByRole('textbox', { name: '你的名字' }).fill('李华')
  await li.getByRole('button', { name: '我同意' }).click()
  await expectConnected(li)

  // Notes from Fay, then a theme around them
  for (const text of ['Buses are late', 'Small gardens', 'We were never asked']) await addNote(fay, text)
  await selectAll(fay)
  const selection = fay.getByRole('group', { name: 'Selection' })
  await expect(selection).toContainText('3 selected')
  // her own notes: the selection bar offers to mark them as quotes
  await expect((await moreActions(fay)).getByRole('button', { name: 'Mark as quote' })).toHaveAttribute(
    'aria-pressed',
    'false',
  )
  await button(fay, 'Group').click()
  const title = fay.getByRole('textbox', { name: 'Frame title' })
  await title.fill('Being heard')
  await title.press('Enter')

  // Li writes in Chinese; Pat, on a phone, writes too
  await li.getByRole('button', { name: '列表视图' }).click()
  await li.getByRole('button', { name: '添加便签' }).click()
  await li.keyboard.type('我们需要更多的公园')
  await li.keyboard.press('Tab')
  const patList = await openListView(pat)
  await button(pat, 'Add note').click()
  await pat.keyboard.type('More benches please')
  await pat.keyboard.press('Tab')

  // Quotes: Fay marks one of hers; Pat may mark only his own (the relay refuses more: hostileQuote.test.ts)
  const fayList = await openListView(fay)
  const quote = row(fayList, 'We were never asked').getByRole('button', { name: 'Mark as quote' })
  await quote.click()
  await expect(quote).toHaveAttribute('aria-pressed', 'true')
  await fay.screenshot({ path: '/tmp/insight-quote.png' })
  await expect(
    row(patList, 'More benches please').getByRole('button', { name: 'Mark as quote' }),
  ).toBeVisible()
  await expect(
    row(patList, 'We were never asked').getByRole('button', { name: 'Mark as quote' }),
  ).toHaveCount(0)

  // A story with a content note, brought in from a CSV file
  const dialog = await importCsv(fay, CSV)
  await dialog.getByRole('button', { name: 'Add 2 items' }).click()
  await expect(dialog).toBeHidden()

  // Votes: Pat gives two to "Buses are late", Fay one to "Small gardens"
  await button(fay, 'Start voting').click()
  await expect(pat.getByText('Votes left: 3')).toBeVisible()
  for (let i = 0; i < 2; i++)
    await row(patList, 'Buses are late').getByRole('button', { name: 'Vote for this note' }).click()
  await expect(pat.getByText('Votes left: 1')).toBeVisible()
  await row(fayList, 'Small gardens').getByRole('button', { name: 'Vote for this note' }).click()
  await expect(fay.getByText('Votes left: 2')).toBeVisible()
  await button(fay, 'End voting').click()
  await expect(row(fayList, 'Buses are late')).toContainText('2 votes')

  // DOCX: headings and paragraphs in reading order
  const docx = await exportReport(fay, 'Word (DOCX)')
  expect(docx.suggestedFilename()).toBe('Estate voices - Insight report.docx')
  const docxBytes = readFileSync((await docx.path())!)
  writeFileSync('/tmp/insight-report.docx', docxBytes)
  const xml = strFromU8(unzipSync(new Uint8Array(docxBytes))['word/document.xml']!)
  const text = xml.replace(/<[^>]+>/g, ' ')
  const order = [
    'Estate voices',
    'Community Commitments',
    'Being heard',
    'We were never asked',
    'Buses are late',
    'Small gardens',
    'The night they shouted',
    'Content note: describes racist abuse',
    'They shouted at us in the street.',
    'Participation',
    'Agenda as it ran',
  ].map((s) => text.indexOf(s))
  expect(
    order.every((i) => i >= 0),
    `all found: ${order.join(', ')}`,
  ).toBe(true)
  expect([...order].sort((a, b) => a - b)).toEqual(order)
  expect(xml).toMatch(/InsightQuote"\/>(?:(?!<\/w:p>).)*We were never asked/)
  expect(text).toContain('我们需要更多的公园')
  expect(text).toContain('Told by Amina')
  expect(text).toContain('Pat: 1 contribution')

  // PDF: the same, built in the page (progress shown while it runs)
  const pdf = await exportReport(fay, 'PDF')
  expect(pdf.suggestedFilename()).toBe('Estate voices - Insight report.pdf')
  await expect(
    fay.getByRole('status').filter({ hasText: /^Saved Estate voices - Insight report\.pdf\.$/ }),
  ).toBeVisible()
  const pdfBytes = readFileSync((await pdf.path())!)
  writeFileSync('/tmp/insight-report.pdf', pdfBytes)
  expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-')
  const streams = pdfStreams(pdfBytes)
  for (const s of [
    'Being heard',
    'Buses are late',
    'We were never asked',
    'Content note: describes racist abuse',
  ])
    expect(streams).toContain(s)
  expect(streams.indexOf('Content note: describes racist abuse')).toBeLessThan(
    streams.indexOf('They shouted at us in the street.'),
  )
  // Chinese is real text in an embedded Noto Sans SC subset
  expect(pdfBytes.toString('latin1')).toMatch(/NotoSansSC-0/)
})
