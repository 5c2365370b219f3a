import { devices, type Locator, type Page } from '@playwright/test'
import { violations } from './axe'
import { expect, test } from './fixtures'
import { createLinks, join, moreActions, noteRows, openAsNewPerson, openListView } from './helpers'

/**
 * A facilitator's selection bar held 13 controls, 1,600 px of them: on a 1,280 px laptop Delete,
 * Hide from participants and the rest sat past the bar's edge, behind a sideways scroll nobody
 * finds. The bar now keeps what people do most (colour, Edit, React, Delete) and puts the rest
 * behind More, as Miro and FigJam do: the bar fits in one row on a laptop and a tablet, More opens
 * a panel of the rest, reached by Tab, closed by Escape, a click elsewhere or an action.
 */

const bar = (page: Page) => page.getByRole('group', { name: 'Selection' })

/** What of the bar's buttons is cut off: past the bar's own edge (a sideways scroll) or the window's. */
async function offBar(selection: Locator): Promise<string[]> {
  return selection.evaluate((b) => {
    const edge = b.getBoundingClientRect()
    return [...b.querySelectorAll('button')]
      .filter((e) => {
        const r = e.getBoundingClientRect()
        return r.right > edge.right + 0.5 || r.left < edge.left - 0.5 || r.right > window.innerWidth
      })
      .map((e) => e.getAttribute('aria-label') ?? e.textContent ?? '')
  })
}

for (const [name, options] of [
  ['a 1,280 px laptop', { viewport: { width: 1280, height: 800 } }],
  ['a tablet held upright', devices['iPad (gen 7)']],
] as const) {
  test(`on ${name}, a facilitator's selection bar fits one row; More holds the rest`, async ({ browser }) => {
    const { facilitator } = await createLinks(browser, 'Our high street', 'collage')
    const fay = await openAsNewPerson(browser, facilitator, options)
    await join(fay, 'Fay')
    await fay.getByRole('toolbar', { name: 'Tools' }).getByRole('button', { name: 'Sticky note' }).click()
    await fay.keyboard.type('The market on Saturdays')
    await fay.keyboard.press('Escape')
    await expect(bar(fay)).toContainText('1 selected')
    for (const label of ['Edit', 'React', 'Delete', 'More'])
      await expect(bar(fay).getByRole('button', { name: label, exact: true })).toBeVisible()
    expect(await offBar(bar(fay))).toEqual([])
    expect(await bar(fay).evaluate((b) => b.scrollWidth <= b.clientWidth + 1)).toBe(true)

    // More: the rest, under the bar; Tab goes into it, Escape closes it and the note stays selected
    const more = bar(fay).getByRole('button', { name: 'More' })
    await more.focus()
    await fay.keyboard.press('Enter')
    await expect(more).toHaveAttribute('aria-expanded', 'true')
    const panel = fay.getByRole('group', { name: 'More actions' })
    for (const label of [
      'Duplicate',
      'Bring to front',
      'Send to back',
      'Lock',
      'Content note',
      'Mark as quote',
      'Hide from participants',
    ])
      await expect(panel.getByRole('button', { name: label, exact: true })).toBeVisible()
    await expect(panel.getByRole('combobox', { name: 'Language' })).toBeVisible()
    expect(await violations(fay), 'the board with More open').toEqual([])
    const [b, p] = [await bar(fay).boundingBox(), await panel.boundingBox()]
    expect(p!.y).toBeGreaterThanOrEqual(b!.y + b!.height)
    expect(p!.x + p!.width).toBeLessThanOrEqual(fay.viewportSize()!.width)
    await fay.keyboard.press('Tab')
    await expect(panel.getByRole('button', { name: 'Duplicate' })).toBeFocused()
    await fay.keyboard.press('Escape')
    await expect(panel).toBeHidden()
    await expect(more).toBeFocused()
    await expect(bar(fay)).toContainText('1 selected')

    // an action closes it: Lock, and the bar says so
    await (await moreActions(fay)).getByRole('button', { name: 'Lock', exact: true }).click()
    await expect(panel).toBeHidden()
    await expect(bar(fay)).toContainText('Locked')
    // a click on the board closes it too
    await moreActions(fay)
    await fay.getByRole('banner').click({ position: { x: 5, y: 5 } })
    await expect(panel).toBeHidden()
    // Duplicate from More makes a second note
    await (await moreActions(fay)).getByRole('button', { name: 'Duplicate' }).click()
    const list = await openListView(fay)
    await expect(noteRows(list, 'The market on Saturdays')).toHaveCount(2)
  })
}

test('on a phone, the bar at the foot of the screen shows its actions first, the colours after More', async ({
  browser,
}) => {
  const { participant } = await createLinks(browser, 'Our high street', 'collage')
  const pia = await openAsNewPerson(browser, participant, devices['Pixel 7'])
  await join(pia, 'Pia')
  await pia.getByRole('toolbar', { name: 'Tools' }).getByRole('button', { name: 'Sticky note' }).tap()
  await pia.keyboard.type('The market on Saturdays')
  await pia.keyboard.press('Escape')
  await expect(bar(pia)).toContainText('1 selected')
  const edge = (await bar(pia).boundingBox())!
  for (const label of ['Edit', 'Delete']) {
    const b = (await bar(pia).getByRole('button', { name: label, exact: true }).boundingBox())!
    expect(b.x + b.width).toBeLessThanOrEqual(edge.x + edge.width) // in view before any sideways scroll
  }
  const more = (await bar(pia).getByRole('button', { name: 'More' }).boundingBox())!
  const colours = (await bar(pia).getByRole('group', { name: 'Note colour' }).boundingBox())!
  expect(colours.x).toBeGreaterThan(more.x + more.width - 1)
  // More opens above the bar (the board is above it, the tools below)
  await bar(pia).getByRole('button', { name: 'More' }).tap()
  const panel = (await pia.getByRole('group', { name: 'More actions' }).boundingBox())!
  expect(panel.y + panel.height).toBeLessThanOrEqual(edge.y)
  expect(panel.y).toBeGreaterThanOrEqual(0)
})
