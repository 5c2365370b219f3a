import { readFileSync } from 'node:fs'
import { type Download, type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { unzlibSync } from 'fflate'
import sharp from 'sharp'
import { createSession, join } from './helpers'

// Chinese on the board and in its pictures and PDFs: real glyphs (Noto Sans SC), never boxes.

const NOTES = ['社区花园', '公交路线'] as const

const tool = (page: Page, name: string) =>
  page.getByRole('toolbar', { name: 'Tools' }).getByRole('button', { name, exact: true })
const menu = (page: Page) => page.getByRole('menu', { name: 'Export' })

async function exportAs(page: Page, item: string, then?: () => Promise<void>): Promise<Buffer> {
  const download: Promise<Download> = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  await menu(page).getByRole('menuitem', { name: item, exact: true }).click()
  if (then) await then()
  return readFileSync((await (await download).path())!)
}

async function boardWithChineseNotes(page: Page): Promise<void> {
  await createSession(page, '中文 session')
  await page.goto(await page.getByRole('textbox', { name: 'Facilitator', exact: true }).inputValue())
  await join(page, 'Ada')
  await page.getByRole('tab', { name: 'Individual reflections' }).click()
  for (const text of NOTES) {
    await tool(page, 'Sticky note').click()
    await expect(page.getByRole('textbox', { name: /^Note text/ })).toBeFocused()
    await page.keyboard.insertText(text)
    await page.keyboard.press('Escape')
  }
}

/** Every stream of a PDF, inflated where it was deflated. */
function pdfStreams(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1')
  return [...raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].map((m) => {
    const bytes = new Uint8Array(Buffer.from(m[1]!, 'latin1'))
    try {
      return Buffer.from(unzlibSync(bytes)).toString('latin1')
    } catch {
      return Buffer.from(bytes).toString('latin1')
    }
  })
}

/** The code points a PDF's ToUnicode CMaps map glyphs to (bfchar entries and bfrange starts). */
function toUnicodeCodePoints(streams: readonly string[]): Set<number> {
  const codes = new Set<number>()
  for (const s of streams.filter((s) => s.includes('begincmap'))) {
    for (const m of s.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]{4,8})>/g)) codes.add(parseInt(m[2]!, 16))
    for (const m of s.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]{4,8})>/g)) {
      const [lo, hi, first] = [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)]
      for (let i = 0; i <= hi - lo; i++) codes.add(first + i)
    }
  }
  return codes
}

test('a PDF shows Chinese notes as real text in an embedded font', async ({ page }) => {
  await boardWithChineseNotes(page)
  const pdf = await exportAs(page, 'PDF', () =>
    page.getByRole('dialog', { name: 'Export PDF' }).getByRole('button', { name: 'Export PDF' }).click(),
  )
  const raw = pdf.toString('latin1')
  expect(raw).toMatch(/\/FontFile2/) // a TrueType font is embedded ...
  expect(raw).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+NotoSansSC|\/BaseFont\s*\/NotoSansSC/) // ... Noto Sans SC
  expect(raw).toMatch(/\/Encoding\s*\/Identity-H/)
  const streams = pdfStreams(pdf)
  const mapped = toUnicodeCodePoints(streams)
  for (const text of NOTES)
    for (const ch of text) expect(mapped.has(ch.codePointAt(0)!), `${ch} in the ToUnicode map`).toBe(true)
  // The page draws them with text operators in that font (hex glyph ids, Identity-H), not as pictures.
  expect(streams.some((s) => /\/F\d+ [\d.]+ Tf[\s\S]*?<[0-9A-Fa-f]{8,}> Tj/.test(s))).toBe(true)
})

test('the canvas and its PNG draw Chinese glyphs, not boxes', async ({ page }) => {
  await boardWithChineseNotes(page)
  const png = await exportAs(page, 'PNG')
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  const px = (x: number, y: number) => data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)
  const isNote = (x: number, y: number) => {
    const [r, g, b] = px(x, y)
    return r! > 240 && g! > 225 && b! > 140 && b! < 190 // the yellow of a note
  }
  // Find the two notes: runs of yellow along a row through their upper part.
  let notes: { x0: number; x1: number; y0: number }[] = []
  for (let y = 0; y < info.height && notes.length < 2; y += 4) {
    notes = []
    for (let x = 0; x < info.width; x++) {
      if (!isNote(x, y)) continue
      const last = notes[notes.length - 1]
      if (last && x - last.x1 <= 40) last.x1 = x
      else notes.push({ x0: x, x1: x, y0: y })
    }
    notes = notes.filter((n) => n.x1 - n.x0 > 200)
  }
  expect(notes).toHaveLength(2)
  // The dark pixels of each note's first line of text, relative to the note's corner.
  const ink = notes.map(({ x0, y0 }) => {
    const dark = new Set<string>()
    for (let dy = 0; dy < 90; dy++)
      for (let dx = 0; dx < 300; dx++) {
        const [r, g, b] = px(x0 + dx, y0 + dy)
        if (r! + g! + b! < 3 * 110) dark.add(`${dx},${dy}`)
      }
    return dark
  })
  for (const d of ink) expect(d.size).toBeGreaterThan(300) // each note shows its text
  // Four different characters each: the pictures differ a lot. Missing-glyph boxes would be the same.
  const [a, b] = ink as [Set<string>, Set<string>]
  const differ = [...a].filter((p) => !b.has(p)).length + [...b].filter((p) => !a.has(p)).length
  expect(differ / (a.size + b.size)).toBeGreaterThan(0.4)
})
