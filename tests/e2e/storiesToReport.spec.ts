import { readFileSync, writeFileSync } from 'node:fs'
import { type BrowserContextOptions, type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { strFromU8, unzipSync } from 'fflate'
import { enter, groupOf, splitIntoGroups } from './groupsHelpers'
import { createLinks, openListView } from './helpers'
import { importCsv } from './materialHelpers'
import { exportReport, pdfStreams } from './reportHelpers'

/*
 * Issue #16's whole flow, once, with a facilitator and three participants (one on a phone-sized touch
 * screen, one reading the interface in Chinese): 30 stories in from a CSV file, three small groups
 * each writing in its own space (with a copy of the stories), the groups brought back onto the
 * report-back canvas, a vote, and the insight report made in the page as DOCX and PDF.
 */

const PHONE: BrowserContextOptions = { viewport: { width: 412, height: 915 }, hasTouch: true, isMobile: true }
const CHINESE: BrowserContextOptions = { locale: 'zh-CN' }
const TELLERS = ['Amina', 'Bilal', 'Grace Okafor', 'Tomasz', 'Rosa']

/** 30 stories as a spreadsheet gives them: title, story, storyteller. */
const CSV = [
  'title,story,storyteller',
  ...Array.from(
    { length: 30 },
    (_, i) =>
      `Story ${i + 1},"It began on a Tuesday in ${2000 + i}, and the lifts were broken.",${TELLERS[i % 5]}`,
  ),
].join('\r\n')

/** Adds a note from the list view's Add note (which is open: on a phone it covers the toolbar). */
async function addNote(page: Page, text: string) {
  await openListView(page)
  await page.getByRole('button', { name: /^(Add note|添加便签)$/ }).click()
  await page.keyboard.type(text)
  await page.keyboard.press('Tab')
}

/** Votes once for a note from its row in the list view (in English or Chinese). */
async function vote(page: Page, text: string) {
  const list = await openListView(page)
  const row = list.getByRole('listitem').filter({ hasText: text }).last()
  await row.getByRole('button', { name: /^(Vote for this note|给这张便签投票)$/ }).click()
}

/** Are these strings all in the text, in this order? */
function expectInOrder(text: string, strings: string[]) {
  const at = strings.map((s) => text.indexOf(s))
  expect(
    at.every((i) => i >= 0),
    `all found: ${strings.map((s, i) => `${s}@${at[i]}`).join(', ')}`,
  ).toBe(true)
  expect(
    [...at].sort((a, b) => a - b),
    strings.join(' < '),
  ).toEqual(at)
}

/** Story 3 is there with its credit and its text (up to the next story's title). */
function expectStory3(text: string) {
  const story = /Story 3\b(?:(?!Story \d)[\s\S])*/.exec(text)?.[0] ?? ''
  expect(story).toContain('Told by Grace Okafor')
  expect(story).toContain('It began on a Tuesday in 2002, and the lifts were broken.')
}

test('stories in, three small groups write, groups back, a vote, and the insight report as DOCX and PDF', async ({
  browser,
}) => {
  test.setTimeout(300_000)
  const links = await createLinks(browser, 'Estate stories')
  const fay = await enter(browser, links.facilitator, 'Fay')
  const ann = await enter(browser, links.participant, 'Ann')
  const pia = await enter(browser, links.participant, 'Pia', PHONE)
  const wen = await enter(browser, links.participant, 'Wen', CHINESE)

  // Fay brings in 30 stories from a spreadsheet's CSV file.
  const dialog = await importCsv(fay, CSV, 'estate stories.csv')
  await expect(dialog.getByRole('status')).toContainText('30 story cards and 0 notes will be added')
  await dialog.getByRole('button', { name: 'Add 30 items' }).click()
  await expect(dialog).toBeHidden()
  await expect((await openListView(pia)).locator('li.story-row')).toHaveCount(30)

  // Fay splits the three people into three groups; each opens on its group's space, stories and all.
  const panel = await splitIntoGroups(fay, { here: 3, how: 'count', groups: 3 })
  const people = [
    { page: ann, notes: ['Ann: we share meals', 'Ann: the hall is cold'] },
    { page: pia, notes: ['Pia: the bus is late'] },
    { page: wen, notes: ['文：邻居互相帮忙'] },
  ]
  const groups = await Promise.all(people.map((p) => groupOf(p.page)))
  expect([...groups].sort()).toEqual([1, 2, 3])
  for (const [i, p] of people.entries()) {
    await expect(p.page.getByRole('tab', { name: new RegExp(`^Group ${groups[i]} · `) })).toHaveAttribute(
      'aria-selected',
      'true',
    )
    await expect((await openListView(p.page)).locator('li.story-row')).toHaveCount(30)
  }

  // Each group writes in its own space.
  for (const p of people) for (const note of p.notes) await addNote(p.page, note)
  for (const p of people)
    for (const note of p.notes)
      await expect(
        (await openListView(p.page)).getByRole('listitem').filter({ hasText: note }),
      ).not.toHaveCount(0)
  await pia.screenshot({ path: '/tmp/flow-pia-group.png' })

  // Fay brings the groups back: every note on the report-back canvas, in its group's frame.
  await panel.getByRole('button', { name: 'Bring groups back' }).click()
  for (const page of [fay, ann, pia, wen])
    await expect(page.getByRole('tab', { name: /^(Report-back|汇报)$/ })).toHaveAttribute(
      'aria-selected',
      'true',
    )
  const list = await openListView(fay)
  await expect(fay.getByRole('list', { name: 'Notes on “Report-back”' })).toBeAttached()
  for (const [i, p] of people.entries()) {
    const frame = list.getByRole('list', { name: `Frame: Group ${groups[i]}`, exact: true })
    for (const note of p.notes)
      await expect(frame.getByRole('listitem').filter({ hasText: note })).not.toHaveCount(0)
  }
  await fay.screenshot({ path: '/tmp/flow-fay-back.png' })

  // A vote: the hall (written last) gets 2, the meals 1, the bus 1, Wen's note none.
  await fay.getByRole('button', { name: 'Start voting' }).click()
  await expect(ann.getByText('Votes left: 3')).toBeVisible()
  await vote(ann, 'Ann: the hall is cold')
  await vote(ann, 'Ann: the hall is cold')
  await expect(ann.getByText('Votes left: 1')).toBeVisible()
  await vote(pia, 'Ann: we share meals')
  await expect(pia.getByText('Votes left: 2')).toBeVisible()
  await vote(wen, 'Pia: the bus is late')
  await expect(wen.getByText('剩余票数：2')).toBeVisible()
  await fay.getByRole('button', { name: 'End voting' }).click()
  await expect(list.getByRole('listitem').filter({ hasText: 'Ann: the hall is cold' }).last()).toContainText(
    '2 votes',
  )

  // The insight report as DOCX: each group's notes under its name, most-voted first; a story, credited.
  const docx = await exportReport(fay, 'Word (DOCX)')
  expect(docx.suggestedFilename()).toBe('Estate stories - Insight report.docx')
  const docxBytes = readFileSync((await docx.path())!)
  writeFileSync('/tmp/flow-report.docx', docxBytes)
  const xml = strFromU8(unzipSync(new Uint8Array(docxBytes))['word/document.xml']!)
  writeFileSync('/tmp/flow-report.xml', xml)
  const text = xml.replace(/<[^>]+>/g, ' ')
  const byGroup = (n: number) => people[groups.indexOf(n)]!
  const annsGroup = groups[0]!
  for (const n of [1, 2, 3]) {
    const notes = n === annsGroup ? ['Ann: the hall is cold', 'Ann: we share meals'] : byGroup(n).notes
    expectInOrder(text.slice(text.indexOf(`Group ${n}`)), [`Group ${n}`, ...notes])
  }
  expectInOrder(text, ['Group 1', 'Group 2', 'Group 3', 'Story 30', 'Participation'])
  expectStory3(text)
  // each story once, though every group had a copy of it brought back
  expect(text.match(/Story 3\b/g)).toHaveLength(1)
  expect(text).toContain('4 notes, 30 stories, 0 recipes, 0 images.')

  // The same report as PDF, made in the page.
  const pdf = await exportReport(fay, 'PDF')
  expect(pdf.suggestedFilename()).toBe('Estate stories - Insight report.pdf')
  const pdfBytes = readFileSync((await pdf.path())!)
  writeFileSync('/tmp/flow-report.pdf', pdfBytes)
  expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-')
  const streams = pdfStreams(pdfBytes)
  expectInOrder(streams, ['Group 1', 'Group 2', 'Group 3', 'Story 30'])
  expectStory3(streams)
  expectInOrder(streams.slice(streams.indexOf(`Group ${annsGroup}`)), [
    'Ann: the hall is cold',
    'Ann: we share meals',
  ])
  expect(streams).toContain('Pia: the bus is late')
  expect(pdfBytes.toString('latin1')).toMatch(/NotoSansSC-0/) // Wen's note, as real text
})
