import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { createLinks, join, openAsNewPerson, openListView, screenOf } from './helpers'

const canvas = (page: Page) => page.getByTestId('board-canvas')

/** How many objects the page draws on the layer of objects others are changing (the stage's second). */
const warmObjects = (page: Page) =>
  page.evaluate(
    () =>
      (
        window as unknown as { Konva: { stages: { getLayers(): { children: unknown[] }[] }[] } }
      ).Konva.stages[0]!.getLayers()[1]!.children.length,
  )

test('a note someone is typing into can be picked up and moved while they type, and nothing typed is lost', async ({
  browser,
}) => {
  const links = await createLinks(browser, 'Typing and moving')
  const fay = await openAsNewPerson(browser, links.facilitator)
  await join(fay, 'Fay')
  const ada = await openAsNewPerson(browser, links.participant)
  await join(ada, 'Ada')

  // Ada adds a note in the middle of her view and starts typing into it
  await openListView(ada)
  await ada.getByRole('button', { name: 'Add note' }).click()
  await ada.keyboard.type('Our garden')
  const at = ((await canvas(ada).getAttribute('data-selection-at')) ?? '').split(',').map(Number)
  const note = { x: at[0]!, y: at[1]! }
  const typing = ada.keyboard.type(' needs benches, shade and water', { delay: 120 })

  // on Fay's board the note is drawn above the others while Ada types; Fay drags it meanwhile
  await expect.poll(() => warmObjects(fay)).toBe(1)
  const grab = await screenOf(fay, { x: note.x + 100, y: note.y + 150 })
  await fay.mouse.move(grab.x, grab.y)
  await fay.mouse.down()
  await fay.mouse.move(grab.x + 60, grab.y + 20, { steps: 4 })
  await fay.mouse.move(grab.x + 160, grab.y + 40, { steps: 4 })
  await fay.mouse.up()
  await expect(canvas(fay)).toHaveAttribute('data-selection-at', `${note.x + 160},${note.y + 40}`)
  await typing
  await ada.keyboard.press('Escape')

  // the move reached Ada (her note is still selected), and every word she typed reached Fay
  await expect(canvas(ada)).toHaveAttribute('data-selection-at', `${note.x + 160},${note.y + 40}`)
  const notes = await openListView(fay)
  await expect(
    notes.getByRole('listitem').filter({ hasText: 'Our garden needs benches, shade and water' }),
  ).toHaveCount(1)
  // once nobody has typed for a while, the note is back with the others
  await expect.poll(() => warmObjects(fay), { timeout: 10_000 }).toBe(0)
})
