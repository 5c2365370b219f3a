import { type BrowserContextOptions, type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { violations } from './axe'
import { enter, groupOf, splitIntoGroups } from './groupsHelpers'
import { createLinks, openListView, openMenuIfFolded } from './helpers'

/*
 * Small groups with a facilitator and three participants (one on a phone-sized touch screen, one
 * reading the interface in Chinese): split into three groups, each person opens on their group's
 * space and writes there, the facilitator's message reaches everyone, and bringing the groups back
 * puts every note on the report-back canvas inside the frame named after its group.
 */

const PHONE: BrowserContextOptions = { viewport: { width: 412, height: 915 }, hasTouch: true, isMobile: true }
const CHINESE: BrowserContextOptions = { locale: 'zh-CN' }

/** Opens the list view in English or Chinese and returns its list. */
async function listOf(page: Page) {
  await openMenuIfFolded(page)
  await page.getByRole('button', { name: /^(List view|列表视图)$/ }).click()
  const list = page.getByRole('list', { name: /^(Notes on “|“.*”上的便签)/ })
  await expect(list).toBeAttached()
  return list
}

/** Is a canvas offered to this person, as a tab or under More canvases? */
async function offered(page: Page, name: RegExp): Promise<boolean> {
  if ((await page.getByRole('tab', { name }).count()) > 0) return true
  const more = page.getByRole('button', { name: /^(More canvases|更多画布)$/ })
  if ((await more.count()) === 0 || !(await more.isVisible())) return false
  await more.click()
  const n = await page.getByRole('menuitem', { name }).count()
  await page.keyboard.press('Escape')
  return n > 0
}

async function addNote(page: Page, text: string, touch = false) {
  const button = page
    .getByRole('toolbar', { name: /^(Tools|工具)$/ })
    .getByRole('button', { name: /^(Sticky note|便签)$/ })
  if (touch) await button.tap()
  else await button.click()
  await page.keyboard.type(text)
  await page.keyboard.press('Escape')
}

test('split into three groups, each writes in its own space, a message to all, bring groups back', async ({
  browser,
}) => {
  test.setTimeout(180_000)
  const links = await createLinks(browser, 'Groups')
  const fay = await enter(browser, links.facilitator, 'Fay')
  const ann = await enter(browser, links.participant, 'Ann')
  const pia = await enter(browser, links.participant, 'Pia', PHONE)
  const wen = await enter(browser, links.participant, 'Wen', CHINESE)
  const people = [
    { page: ann, note: 'Ann: we share meals', touch: false },
    { page: pia, note: 'Pia: the bus is late', touch: true },
    { page: wen, note: '文：邻居互相帮忙', touch: false },
  ]

  // Fay opens Small groups and splits the three people here into three groups at random.
  const panel = await splitIntoGroups(fay, { here: 3, how: 'count', groups: 3 })
  for (const n of [1, 2, 3])
    await expect(panel.getByRole('list', { name: `People in Group ${n}` }).getByRole('listitem')).toHaveCount(
      1,
    )

  // Each person opens on their own group's space, and only their group's space is offered.
  const groups = await Promise.all(people.map((p) => groupOf(p.page)))
  expect([...groups].sort()).toEqual([1, 2, 3])
  for (const [i, p] of people.entries()) {
    const own = p.page.getByRole('tab', { name: new RegExp(`^Group ${groups[i]} · `) })
    await expect(own).toHaveAttribute('aria-selected', 'true')
    for (const other of [1, 2, 3].filter((n) => n !== groups[i]))
      expect(await offered(p.page, new RegExp(`^Group ${other} · `))).toBe(false)
  }
  await wen.screenshot({ path: '/tmp/groups-wen-zh.png' })
  expect(await violations(fay)).toEqual([]) // the panel with the groups running
  expect(await violations(wen)).toEqual([]) // the group strip, in Chinese

  // Each group writes on its space.
  for (const p of people) await addNote(p.page, p.note, p.touch)
  await pia.screenshot({ path: '/tmp/groups-pia-phone.png' })
  const seen = await Promise.all(people.map((p) => listOf(p.page)))
  for (const [i, p] of people.entries())
    await expect(seen[i]!.getByRole('listitem').filter({ hasText: p.note })).toHaveCount(1)

  // Fay visits a group: its space opens, with what the group wrote.
  await panel.getByRole('button', { name: `Visit Group ${groups[0]}` }).click()
  await expect(fay.getByRole('tab', { name: new RegExp(`^Group ${groups[0]} · `) })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  await expect(fay.getByRole('group', { name: /^Canvas .*Group \d · .*: 1 object\./ })).toBeAttached()

  // Fay sends one message to all groups: everyone sees it as an alert.
  await panel.getByRole('textbox', { name: 'Message to all groups' }).fill('Five minutes left')
  await panel.getByRole('button', { name: 'Message all groups' }).click()
  for (const p of people)
    await expect(p.page.getByRole('alert').filter({ hasText: 'Five minutes left' })).toBeVisible()
  await expect(
    wen.getByRole('alert').filter({ hasText: '发给所有小组的消息：Five minutes left' }),
  ).toBeVisible()
  await fay.screenshot({ path: '/tmp/groups-fay-running.png' })

  // Bring groups back: every note is on the report-back canvas, inside its group's named frame.
  await panel.getByRole('button', { name: 'Bring groups back' }).click()
  await expect(fay.getByRole('tab', { name: 'Report-back', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  const list = await openListView(fay)
  await expect(fay.getByRole('list', { name: 'Notes on “Report-back”' })).toBeAttached()
  for (const [i, p] of people.entries()) {
    // the group's frame holds its person's note, and only that
    const frame = list.getByRole('list', { name: `Frame: Group ${groups[i]}`, exact: true })
    await expect(frame.getByRole('textbox')).toHaveCount(1)
    await expect(frame.getByRole('textbox')).toHaveValue(p.note)
  }
  // Everyone is taken to the report-back canvas.
  for (const p of [ann, wen])
    await expect(p.getByRole('tab', { name: 'Report-back', exact: true })).toHaveAttribute(
      'aria-selected',
      'true',
    )
  await fay.screenshot({ path: '/tmp/groups-fay-back.png' })
  await pia.screenshot({ path: '/tmp/groups-pia-back.png' })
})

test('let people choose, then by hand with the keyboard; others’ spaces open only when visiting is allowed', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const links = await createLinks(browser, 'Choosing')
  const fay = await enter(browser, links.facilitator, 'Fay')
  const ann = await enter(browser, links.participant, 'Ann')
  const wen = await enter(browser, links.participant, 'Wen', CHINESE)

  const panel = await splitIntoGroups(fay, { here: 2, how: 'choose', groups: 2 })

  // Nobody is in a group yet: each picks one (Wen in Chinese), and lands on its space.
  await expect(ann.getByText('You are not in a group yet.')).toBeVisible()
  await ann.getByRole('button', { name: 'Join Group 1' }).click()
  await wen.getByRole('button', { name: '加入Group 2' }).click()
  await expect(ann.getByText('Your group: Group 1')).toBeVisible()
  await expect(ann.getByRole('tab', { name: /^Group 1 · / })).toHaveAttribute('aria-selected', 'true')
  await expect(wen.getByRole('tab', { name: /^Group 2 · / })).toHaveAttribute('aria-selected', 'true')
  await expect(panel.getByRole('list', { name: 'People in Group 2' })).toContainText('Wen')

  // By hand, with the keyboard alone: Fay moves Ann to Group 2 from the list.
  const annsGroup = panel.getByRole('combobox', { name: 'Group for Ann' })
  await annsGroup.focus()
  await annsGroup.selectOption({ label: 'Group 2' })
  await expect(ann.getByText('Your group: Group 2')).toBeVisible()
  await expect(ann.getByRole('tab', { name: /^Group 2 · / })).toHaveAttribute('aria-selected', 'true')
  await expect(ann.getByRole('tab', { name: /^Group 1 · / })).toHaveCount(0)

  // By hand, with the mouse: Fay drags Wen's name out of the groups; Wen is told.
  await panel
    .getByRole('list', { name: 'People in Group 2' })
    .getByText('Wen', { exact: true })
    .dragTo(panel.getByRole('region', { name: 'Not in a group' }))
  await expect(wen.getByText('你还没有加入小组。')).toBeVisible()
  await expect(panel.getByRole('region', { name: 'Not in a group' })).toContainText('Wen')

  // Visiting: Group 1's space appears for Ann once Fay allows it, and goes again when she stops.
  const visit = panel.getByRole('checkbox', { name: 'Let people visit other groups' })
  await visit.check()
  await expect(ann.getByText('Everyone may visit the other groups.')).toBeVisible()
  await expect.poll(() => offered(ann, /^Group 1 · /)).toBe(true)
  await visit.uncheck()
  await expect(ann.getByText('Other groups’ spaces are theirs: you can look, not change them.')).toBeVisible()
  await expect.poll(() => offered(ann, /^Group 1 · /)).toBe(false)
  // Following Fay into Group 1's space, Ann can look but not change it.
  await panel.getByRole('button', { name: 'Visit Group 1' }).click()
  await ann.getByRole('button', { name: 'Follow facilitator' }).click()
  await expect(ann.getByRole('tab', { name: /^Group 1 · / })).toHaveCount(0) // still not offered
  await expect(ann.getByRole('group', { name: /^Canvas .*Group 1 · / })).toBeAttached()
  await expect(ann.getByText('View only', { exact: true })).toBeVisible()
  await fay.screenshot({ path: '/tmp/groups-fay-by-hand.png' })
  await ann.screenshot({ path: '/tmp/groups-ann-choose.png' })
})
