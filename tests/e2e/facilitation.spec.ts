import { type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { createdLinks, expectConnected, openAsNewPerson, openCanvas, openListView } from './helpers'

/** Creates a sense-making session; returns its facilitator and participant links. */
async function createLinks(page: Page, title: string) {
  await page.goto('/')
  await page.getByRole('combobox', { name: 'Template' }).selectOption('sense-making')
  await page.getByRole('textbox', { name: 'Session title' }).fill(title)
  await page.getByRole('button', { name: 'Create session' }).click()
  return createdLinks(page)
}

async function joinAs(page: Page, name: string, answer: 'I agree' | "I'd like to discuss" = 'I agree') {
  await page.getByRole('textbox', { name: 'Your name' }).fill(name)
  await page.getByRole('button', { name: answer }).click()
  await expectConnected(page)
}

const items = (list: ReturnType<Page['getByRole']>, text: string) =>
  list.getByRole('listitem').filter({ hasText: text })
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true })
const center = (page: Page) => page.getByTestId('board-canvas').getAttribute('data-center')

/** Drags a selection rectangle across most of the board (fractions of its size). */
async function selectAcross(page: Page) {
  const box = (await page.getByTestId('board-canvas').boundingBox())!
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.12)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5, { steps: 4 })
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.92, { steps: 4 })
  await page.mouse.up()
}

test('a facilitated session: commitments, private writing, themes, voting, steps, timer, lock and summons', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const home = await openAsNewPerson(browser, '/')
  const links = await createLinks(home, 'Neighbourhood voices')
  const fay = await openAsNewPerson(browser, links.facilitator)
  const ann = await openAsNewPerson(browser, links.participant)
  const ben = await openAsNewPerson(browser, links.participant)
  await expect(button(ann, "I'd like to discuss")).toBeVisible()
  await joinAs(fay, 'Fay')
  await joinAs(ann, 'Ann')
  await joinAs(ben, 'Ben')

  // Commitments: the facilitator sees counts, never names.
  await button(fay, 'Commitments').click()
  await expect(fay.getByText('2 agree · 0 would like to discuss')).toBeVisible()
  await button(fay, 'Commitments').click()

  // Private writing: Ann's note stays hers until the facilitator reveals it.
  await button(fay, 'Start private writing').click()
  await expect(ann.getByText('Private writing is on — started by Fay.')).toBeVisible()
  const annList = await openListView(ann)
  await button(ann, 'Add note').click()
  await ann.keyboard.type('My secret thought')
  await ann.keyboard.press('Tab')
  await expect(items(annList, 'My secret thought')).toContainText(
    'Only you can see this until the facilitator reveals it',
  )
  await expect(fay.getByText('1 person writing privately (1 note)')).toBeVisible()
  const benList = await openListView(ben)
  await expect(ben.getByRole('heading', { name: /^Notes on/ })).toBeVisible()
  await expect(items(benList, 'My secret thought')).toHaveCount(0)
  await button(fay, 'Reveal').click()
  await expect(items(benList, 'My secret thought')).toHaveCount(1)
  // the private copy and the revealed one arrive in two rooms: wait for the one that stays
  await expect(items(annList, 'My secret thought')).toHaveCount(1)
  await expect(items(annList, 'My secret thought')).not.toContainText('Only you can see this')
  await expect(ann.getByText('Private writing is on — started by Fay.')).toHaveCount(0)
  await expect(ann.getByText('Private writing is off.')).toBeVisible()

  // Group: Ann adds a second note, selects both on the canvas and groups them into a theme.
  await button(ann, 'Add note').click()
  await ann.keyboard.type('We need a meeting place')
  await ann.keyboard.press('Tab')
  await ann.getByRole('button', { name: 'List view' }).click()
  await selectAcross(ann)
  await expect(ann.getByRole('group', { name: 'Selection' })).toContainText('2 selected')
  await button(ann, 'Group').click()
  const title = ann.getByRole('textbox', { name: 'Frame title' })
  await expect(title).toBeFocused()
  await title.fill('Belonging')
  await title.press('Enter')
  await expect(items(benList, 'Belonging')).toContainText('My secret thought')
  await expect(items(benList, 'Belonging')).toContainText('We need a meeting place')

  // Voting within a budget of 2: a third vote is refused.
  await fay.getByRole('spinbutton', { name: 'Votes per person' }).fill('2')
  await button(fay, 'Start voting').click()
  await expect(ann.getByText('Votes left: 2')).toBeVisible()
  const annListAgain = await openListView(ann)
  const secret = items(annListAgain, 'My secret thought').last()
  await secret.getByRole('button', { name: 'Vote for this note' }).click()
  await expect(ann.getByText('Votes left: 1')).toBeVisible()
  await secret.getByRole('button', { name: 'Vote for this note' }).click()
  await expect(ann.getByText('Votes left: 0')).toBeVisible()
  await secret.getByRole('button', { name: 'Vote for this note' }).click()
  await expect(secret).toContainText('You have no votes left')
  await expect(secret).toContainText('Your votes: 2')
  await button(fay, 'End voting').click()
  await expect(items(benList, 'My secret thought').last()).toContainText('2 votes')
  await button(ben, 'Results').click()
  await expect(ben.getByRole('region', { name: 'Results' })).toContainText('2 votes — My secret thought')
  // everyone is told voting has ended; Show the votes opens the results from there (on a tablet or a
  // phone the Results button is behind Menu)
  await expect(ann.getByText('Voting has ended.')).toBeVisible()
  await ann.getByRole('button', { name: 'Show the votes' }).click()
  await expect(ann.getByRole('region', { name: 'Results' })).toContainText('2 votes — My secret thought')
  // the panel's Close panel goes back to the board, the keyboard to the header's Results button
  await ann.getByRole('button', { name: 'Close panel' }).click()
  await expect(ann.getByRole('region', { name: 'Results' })).toHaveCount(0)
  await expect(button(ann, 'Results')).toBeFocused()

  // Next step and the timer: everyone sees the same step and countdown.
  await button(fay, 'Next step').click()
  for (const page of [fay, ann, ben])
    await expect(page.getByText('Step 2 of 6: Write on your own')).toBeVisible()
  await button(fay, 'Start timer').click()
  for (const page of [ann, ben]) {
    await expect(page.getByRole('timer', { name: 'Time left' })).toHaveText(/^(10:00|9:[0-5]\d)$/)
  }
  await button(fay, 'Pause timer').click()
  await expect(ann.getByText('(paused)')).toBeVisible()

  // Lock: participants cannot add notes, and are told why.
  await button(fay, 'Lock board').click()
  await expect(ann.getByText('The board is locked by the facilitator')).toBeVisible()
  const tools = ann.getByRole('toolbar', { name: 'Tools' })
  await expect(tools.getByRole('button', { name: 'Sticky note', exact: true })).toBeDisabled()
  await button(fay, 'Unlock board').click()
  await expect(ann.getByText('The board is locked by the facilitator')).toHaveCount(0)
  await expect(tools.getByRole('button', { name: 'Sticky note', exact: true })).toBeEnabled()

  // Bring everyone here: the facilitator's view, on another canvas, becomes everyone's, even for
  // those who stopped following the facilitator.
  for (const page of [ann, ben]) {
    await button(page, 'Follow facilitator').click()
    await expect(button(page, 'Follow facilitator')).toHaveAttribute('aria-pressed', 'false')
  }
  await openCanvas(fay, 'Themes')
  await fay.locator('.canvas-focus').focus()
  for (let i = 0; i < 4; i++) await fay.keyboard.press('ArrowRight')
  await fay.keyboard.press('ArrowDown')
  const faysView = await center(fay)
  expect(faysView).not.toBe(await center(ann))
  await button(fay, 'Bring everyone here').click()
  for (const page of [ann, ben]) {
    await expect(page.getByRole('tab', { name: 'Themes' })).toHaveAttribute('aria-selected', 'true')
    await expect(page.getByTestId('board-canvas')).toHaveAttribute('data-center', faysView!)
  }
})
