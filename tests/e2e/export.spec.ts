import { readFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import { type Browser, type Download, type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { unzipSync } from 'fflate'
import sharp from 'sharp'
import { createLinks, join, openAsNewPerson } from './helpers'
import { pdfStreams } from './reportHelpers'

async function facilitatorOn(browser: Browser, template: string, title: string): Promise<Page> {
  const { facilitator } = await createLinks(browser, title, template)
  const page = await openAsNewPerson(browser, facilitator)
  await join(page, 'Ada')
  return page
}

const tool = (page: Page, name: string) =>
  page.getByRole('toolbar', { name: 'Tools' }).getByRole('button', { name, exact: true })
const exportButton = (page: Page) => page.getByRole('button', { name: 'Export', exact: true })
const menu = (page: Page) => page.getByRole('menu', { name: 'Export' })

async function addNote(page: Page, text: string) {
  await tool(page, 'Sticky note').click()
  await page.keyboard.type(text)
  await page.keyboard.press('Escape')
}

/** Chooses an export from the menu; `then` clicks through any dialog; resolves with the download. */
async function exportAs(page: Page, item: string, then?: () => Promise<void>): Promise<Download> {
  const download = page.waitForEvent('download')
  await exportButton(page).click()
  await menu(page).getByRole('menuitem', { name: item, exact: true }).click()
  if (then) await then()
  return download
}

const bytesOf = async (d: Download): Promise<Buffer> => readFileSync((await d.path())!)

interface SessionJson {
  session: { title: string }
  canvases: { id: string; name: string }[]
  objects: { canvas: string; x: number; y: number; props: { w: number; h: number } }[]
}

/** Page objects in a PDF (`/Type /Page`, not the `/Pages` tree). */
const pdfPageCount = (pdf: Buffer): number =>
  (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length

test('only a facilitator has the Export menu, and it works from the keyboard', async ({ browser }) => {
  const { facilitator, participant } = await createLinks(browser, 'Menu check')
  const guest = await openAsNewPerson(browser, participant)
  await join(guest, 'Grace')
  await expect(guest.getByRole('button', { name: 'List view' })).toBeVisible()
  await expect(exportButton(guest)).toHaveCount(0)

  const page = await openAsNewPerson(browser, facilitator)
  await join(page, 'Ada')
  await exportButton(page).focus()
  await page.keyboard.press('ArrowDown')
  const items = menu(page).getByRole('menuitem')
  await expect(items).toHaveText(['PNG', 'PDF', 'Markdown', 'CSV', 'JSON', 'Insight report'])
  await expect(items.first()).toBeFocused()
  await page.keyboard.press('ArrowUp')
  await expect(menu(page).getByRole('menuitem', { name: 'Insight report' })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(items.first()).toBeFocused()
  const axe = await new AxeBuilder({ page }).include('.export-menu-wrap').analyze()
  expect(axe.violations).toEqual([])
  await page.keyboard.press('Escape')
  await expect(menu(page)).toHaveCount(0)
  await expect(exportButton(page)).toBeFocused()
  await expect(exportButton(page)).toHaveAttribute('aria-expanded', 'false')
})

test('PNG: the canvas cropped to its content at 2× on white, with its pictures; Markdown, CSV, JSON', async ({
  browser,
}) => {
  const page = await facilitatorOn(browser, 'sense-making', 'Picture day')
  await page.getByRole('tab', { name: 'Individual reflections' }).click()
  await addNote(page, 'Shared gardens')
  await addNote(page, 'Bus routes')
  const red = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#c81e1e' } })
    .png()
    .toBuffer()
  const chooser = page.waitForEvent('filechooser')
  await tool(page, 'Image').click()
  await (await chooser).setFiles({ name: 'red.png', mimeType: 'image/png', buffer: red })
  const describe = page.getByRole('dialog', { name: 'Describe this image' })
  await describe.getByRole('textbox', { name: 'Description (alt text)' }).fill('A red rectangle')
  await describe.getByRole('button', { name: 'Save description' }).click()
  await expect(describe).toHaveCount(0)

  // The content's bounds, from the JSON export: the PNG must cover them at 2×.
  const json = await exportAs(page, 'JSON')
  expect(json.suggestedFilename()).toBe('Picture day.json')
  const session = JSON.parse((await bytesOf(json)).toString('utf8')) as SessionJson
  expect(session.session.title).toBe('Picture day')
  const canvas = session.canvases.find((c) => c.name === 'Individual reflections')!.id
  const content = session.objects.filter((o) => o.canvas === canvas)
  expect(content).toHaveLength(3)
  const contentW = Math.max(...content.map((o) => o.x + o.props.w)) - Math.min(...content.map((o) => o.x))
  const contentH = Math.max(...content.map((o) => o.y + o.props.h)) - Math.min(...content.map((o) => o.y))

  const png = await exportAs(page, 'PNG')
  expect(png.suggestedFilename()).toBe('Picture day - Individual reflections.png')
  const image = sharp(await bytesOf(png))
  const { width = 0, height = 0 } = await image.metadata()
  expect(width).toBeGreaterThanOrEqual(2 * contentW)
  expect(height).toBeGreaterThanOrEqual(2 * contentH)
  expect(width).toBeLessThanOrEqual(2 * (contentW + 200)) // cropped to the content, not the whole board
  const { data, info } = await image.removeAlpha().raw().toBuffer({ resolveWithObject: true })
  const at = (x: number, y: number) => [
    ...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3),
  ]
  expect(at(0, 0)).toEqual([255, 255, 255]) // white behind everything
  const stats = await sharp(await bytesOf(png)).stats()
  expect(stats.channels[0]!.stdev).toBeGreaterThan(5) // not blank
  let redPixels = 0
  for (let i = 0; i < data.length; i += 3)
    if (data[i]! > 180 && data[i + 1]! < 60 && data[i + 2]! < 60) redPixels++
  expect(redPixels).toBeGreaterThan(60 * 40) // the picture was drawn (at 2×), not its loading placeholder

  const md = await exportAs(page, 'Markdown')
  expect(md.suggestedFilename()).toBe('Picture day.md')
  expect((await bytesOf(md)).toString('utf8')).toContain('Shared gardens')
  const csv = await exportAs(page, 'CSV')
  expect(csv.suggestedFilename()).toBe('Picture day.csv')
  expect((await bytesOf(csv)).toString('utf8')).toContain('Bus routes')
})

test('PDF: a cover and one page per chosen canvas, with the notes as text', async ({ browser }) => {
  const page = await facilitatorOn(browser, 'sense-making', 'Report day')
  await page.getByRole('tab', { name: 'Individual reflections' }).click()
  await addNote(page, 'Listening circles')

  const download = page.waitForEvent('download')
  await exportButton(page).click()
  await menu(page).getByRole('menuitem', { name: 'PDF' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export PDF' })
  const boxes = dialog.getByRole('group', { name: 'Canvases to include' }).getByRole('checkbox')
  const canvases = await boxes.count()
  expect(canvases).toBeGreaterThan(1)
  for (const box of await boxes.all()) await expect(box).toBeChecked()
  const axe = await new AxeBuilder({ page }).include('.export-dialog').analyze()
  expect(axe.violations).toEqual([])
  await dialog.getByRole('button', { name: 'Export PDF' }).click()
  const all = await bytesOf(await download)
  expect(all.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  expect(pdfPageCount(all)).toBe(canvases + 1)
  const text = pdfStreams(all)
  expect(text).toContain('Listening circles')
  expect(text).toContain('Community Commitments')

  // Fewer canvases: untick one.
  const fewer = page.waitForEvent('download')
  await exportButton(page).click()
  await menu(page).getByRole('menuitem', { name: 'PDF' }).click()
  await dialog.getByRole('checkbox', { name: 'Commitments' }).uncheck()
  await dialog.getByRole('button', { name: 'Export PDF' }).click()
  expect(pdfPageCount(await bytesOf(await fewer))).toBe(canvases)
})

test('flipchart: one PNG per page, in a zip', async ({ browser }) => {
  const page = await facilitatorOn(browser, 'flipchart', 'Flip')
  await page.getByRole('tab', { name: 'Flipchart' }).click()
  await exportButton(page).click()
  await expect(menu(page).getByRole('menuitemcheckbox', { name: 'Each frame as a page' })).toHaveAttribute(
    'aria-checked',
    'true',
  )
  await page.keyboard.press('Escape')
  const zip = await exportAs(page, 'PNG')
  expect(zip.suggestedFilename()).toBe('Flip - Flipchart - pages.zip')
  const files = unzipSync(new Uint8Array(await bytesOf(zip)))
  const names = Object.keys(files)
  expect(names).toEqual([
    '01 What is working well.png',
    '02 What could be better.png',
    '03 Ideas to try.png',
    '04 Next steps.png',
  ])
  const { width = 0, height = 0 } = await sharp(Buffer.from(files[names[0]!]!)).metadata()
  // an 800×1000 page (and its title above it) at 2×
  expect(width).toBeGreaterThanOrEqual(1600)
  expect(height).toBeGreaterThanOrEqual(2000)
})

test('cook book: recipes with their credits, escaped, as a web page and a PDF', async ({ browser }) => {
  const page = await facilitatorOn(browser, 'recipe-wall', 'Kitchen table')
  await page.getByRole('tab', { name: 'Recipe wall' }).click()
  await tool(page, 'Recipe card').click()
  const panel = page.getByRole('complementary', { name: 'Recipe card' })
  await expect(panel.getByRole('textbox', { name: 'Title' })).toBeFocused()
  await page.keyboard.type('Soup <script>alert(1)</script> for all')
  await panel.getByRole('button', { name: 'Add ingredient' }).click()
  await page.keyboard.type('Leeks & time')
  await panel.getByRole('textbox', { name: 'Method' }).click()
  await page.keyboard.type('Chop together.')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Talk while it cooks.')
  await expect(panel).toContainText('Recipe by Ada')
  await panel.getByRole('button', { name: 'Close recipe' }).click()

  const html = await exportAs(page, 'Cook book', () =>
    page.getByRole('dialog', { name: 'Cook book' }).getByRole('button', { name: 'Web page (HTML)' }).click(),
  )
  expect(html.suggestedFilename()).toBe('Kitchen table - cook book.html')
  const text = (await bytesOf(html)).toString('utf8')
  expect(text).toContain('<h1>Kitchen table</h1>')
  expect(text).toContain('Soup &lt;script&gt;alert(1)&lt;/script&gt; for all')
  expect(text).not.toContain('<script>')
  expect(text).toContain('Recipe by Ada')
  expect(text).toContain('<li>Leeks &amp; time</li>')
  expect(text).toMatch(/<ol>\s*<li>Chop together\.<\/li>\s*<li>Talk while it cooks\.<\/li>/)
  expect(text).toMatch(/<span class="name">Ada<\/span>: <a href="#recipe-1">/)

  const pdf = await exportAs(page, 'Cook book', () =>
    page.getByRole('dialog', { name: 'Cook book' }).getByRole('button', { name: 'PDF' }).click(),
  )
  expect(pdf.suggestedFilename()).toBe('Kitchen table - cook book.pdf')
  const bytes = await bytesOf(pdf)
  expect(pdfPageCount(bytes)).toBe(4) // cover, contents, the recipe, contributors
  const streams = pdfStreams(bytes)
  expect(streams).toContain('Recipe by Ada')
  expect(streams).toContain('Talk while it cooks.')
})
