import { readFileSync } from 'node:fs'
import { type FileChooser, type Locator, type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { redPng } from './png'
import { expectConnected } from './helpers'

// Everything here is done with the keyboard alone: no click, no fill, no mouse. Controls are
// reached with Tab (or the board's shortcuts) and used with Enter, Space, arrows and typing.

/** Presses Tab (Shift+Tab when `back`) until `target` has focus; fails if it never does. */
async function tabTo(page: Page, target: Locator, back = false, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
  }
  await expect(target).toBeFocused()
}

/** Reaches a control with Tab and presses Enter on it. */
async function press(page: Page, target: Locator, key = 'Enter', back = false): Promise<void> {
  await tabTo(page, target, back)
  await page.keyboard.press(key)
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true })
const canvas = (page: Page) => page.getByRole('group', { name: /^Canvas / })

/** The world position of the one selected object (the canvas says it for tests, as it does its centre). */
async function notePosition(page: Page): Promise<string | null> {
  return page.getByTestId('board-canvas').getAttribute('data-selection-at')
}

test('a whole session with the keyboard alone', async ({ page }) => {
  test.setTimeout(150_000)
  // Home: choose a template, name the session, create it.
  await page.goto('/')
  await tabTo(page, page.getByRole('combobox', { name: 'Template' }))
  await page.keyboard.press('ArrowDown') // another template than the first ...
  await page.keyboard.press('Home') // ... and back to sense-making, the first
  await expect(page.getByRole('combobox', { name: 'Template' })).toHaveValue('sense-making')
  await tabTo(page, page.getByRole('textbox', { name: 'Session title' }))
  await page.keyboard.type('Keys only')
  await page.keyboard.press('Enter')
  const facilitatorLink = page.getByRole('textbox', { name: 'Facilitator', exact: true })
  await expect(facilitatorLink).toHaveValue(/\/s\/[\w-]{22}\?key=/)
  await page.goto(await facilitatorLink.inputValue())

  // Join: a name, then agree to the commitments.
  await tabTo(page, page.getByRole('textbox', { name: 'Your name' }))
  await page.keyboard.type('Kim')
  await press(page, button(page, 'I agree'))
  await expectConnected(page)

  // Arm the note with its shortcut, Enter puts it in the middle; Escape ends editing, it stays selected.
  await tabTo(page, canvas(page))
  await page.keyboard.press('n')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('textbox', { name: /^Note text/ })).toBeFocused()
  await page.keyboard.type('First thought')
  await page.keyboard.press('Escape')
  const selection = page.getByRole('group', { name: 'Selection' })
  await expect(selection).toContainText('1 selected')
  await expect(canvas(page)).toBeFocused()

  // Edit it again (Enter) and move it with the arrow keys.
  await page.keyboard.press('Enter')
  await expect(page.getByRole('textbox', { name: /^Note text/ })).toBeFocused()
  await page.keyboard.press('End')
  await page.keyboard.type(', edited')
  await page.keyboard.press('Escape')
  const before = await notePosition(page)
  expect(before).toMatch(/^-?\d+,-?\d+$/)
  await page.keyboard.press('Shift+ArrowRight')
  await page.keyboard.press('ArrowDown')
  await expect.poll(() => notePosition(page)).not.toBe(before)
  const [bx, by] = before!.split(',').map(Number)
  expect(await notePosition(page)).toBe(`${bx! + 40},${by! + 4}`)

  // The list view shows the edit; then the note is deleted from the board with the Delete key.
  await press(page, button(page, 'List view'))
  const list = page.getByRole('list', { name: /^Notes on/ })
  const row = (text: string) => list.getByRole('listitem').filter({ hasText: text })
  await expect(row('First thought, edited')).toHaveCount(1)
  await tabTo(page, canvas(page), true)
  await page.keyboard.press('Delete')
  await expect(row('First thought')).toHaveCount(0)

  // An image, described when it is added.
  // (the toolbar's Image button, reached with Tab and the toolbar's arrow keys, pressed with Enter)
  const toolbar = page.getByRole('toolbar', { name: 'Tools' })
  await tabTo(page, toolbar.locator('button[tabindex="0"]')) // the toolbar is one tab stop
  const image = toolbar.getByRole('button', { name: 'Image' })
  for (let i = 0; i < 10 && !(await image.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('ArrowDown')
  await expect(image).toBeFocused()
  // Chromium's file chooser is intercepted through the DevTools protocol, which on a loaded machine
  // now and then misses one: press again, as a person would, at most three times.
  let chooser: FileChooser | undefined
  for (let attempt = 0; attempt < 3 && !chooser; attempt++) {
    const waiting = page.waitForEvent('filechooser', { timeout: 5000 }).catch(() => undefined)
    await page.keyboard.press('Enter')
    chooser = await waiting
  }
  if (!chooser) throw new Error('pressing Enter on Image never opened the file chooser')
  await chooser.setFiles({ name: 'red.png', mimeType: 'image/png', buffer: redPng() })
  const dialog = page.getByRole('dialog', { name: 'Describe this image' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('textbox')).toBeFocused()
  await page.keyboard.type('A red square')
  await press(page, dialog.getByRole('button', { name: 'Save description' }))
  await expect(dialog).toHaveCount(0)
  await expect(list).toContainText('A red square')

  // Two notes grouped into a theme: select all notes on the canvas (Ctrl+A), then Group.
  await tabTo(page, canvas(page), true)
  for (const text of ['Sharing food', 'Sharing rides']) {
    await page.keyboard.press('Escape')
    await page.keyboard.press('n')
    await page.keyboard.press('Enter')
    await expect(page.getByRole('textbox', { name: /^Note text/ })).toBeFocused()
    await page.keyboard.type(text)
    await page.keyboard.press('Escape')
    await expect(canvas(page)).toBeFocused()
  }
  await page.keyboard.press('Control+a')
  await expect(selection).toContainText(/\d+ selected/)
  await press(page, selection.getByRole('button', { name: 'Group' }))
  const frameTitle = page.getByRole('textbox', { name: 'Frame title' })
  await expect(frameTitle).toBeFocused()
  await page.keyboard.press('Control+a')
  await page.keyboard.type('Sharing')
  await page.keyboard.press('Enter')
  await expect(row('Sharing').first()).toContainText('Sharing food')

  // Voting: the facilitator starts it, then votes for a note from the list view.
  await press(page, button(page, 'Start voting'))
  await expect(page.getByText(/^Votes left: \d+/)).toBeVisible()
  const food = row('Sharing food').last()
  await press(page, food.getByRole('button', { name: 'Vote for this note' }))
  await expect(food).toContainText('Your votes: 1')
  await press(page, button(page, 'End voting'), 'Enter', true)
  await expect(food).toContainText('1 vote')

  // The agenda: the next step.
  await press(page, button(page, 'Agenda'), 'Enter', true)
  const agenda = page.getByRole('complementary', { name: 'Agenda' })
  await expect(agenda).toBeVisible()
  await press(page, button(page, 'Next step'), 'Enter', true)
  await expect(page.getByText(/^Step 2 of \d+:/)).toBeVisible()

  // Export as Markdown: the menu opens with Enter, arrows pick the format.
  await press(page, button(page, 'Export'), 'Enter', true)
  const menu = page.getByRole('menu')
  await expect(menu).toBeVisible()
  const markdown = menu.getByRole('menuitem', { name: 'Markdown' })
  for (let i = 0; i < 8 && !(await markdown.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('ArrowDown')
  await expect(markdown).toBeFocused()
  const download = page.waitForEvent('download')
  await page.keyboard.press('Enter')
  const file = await (await download).path()
  const text = readFileSync(file, 'utf8')
  expect(text).toContain('Sharing food')
  expect(text).toContain('A red square')
})
