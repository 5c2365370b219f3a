import { devices, type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import {
  createLinks,
  expectConnected,
  join,
  noteRows,
  openAsNewPerson,
  openCanvas,
  openListView,
} from './helpers'

/**
 * A recipe wall's last step is "Favourites for the cook book: vote for the recipes you would most
 * like to try". Recipe cards (and pictures) take votes as notes do: from the selection bar on a
 * laptop, from the list view on a phone in Chinese; the results name the recipe by its title.
 */

const tool = (page: Page, name: string) =>
  page.getByRole('toolbar', { name: 'Tools' }).getByRole('button', { name, exact: true })

async function addRecipe(page: Page, title: string) {
  await tool(page, 'Recipe card').click()
  const panel = page.getByRole('complementary', { name: 'Recipe card' })
  await expect(panel.getByRole('textbox', { name: 'Title' })).toBeFocused()
  await page.keyboard.type(title)
  await panel.getByRole('button', { name: 'Close recipe' }).click()
}

test('a recipe wall votes for its favourite recipes: on the canvas, and on a phone in Chinese from the list view', async ({
  browser,
}) => {
  const { facilitator, participant } = await createLinks(browser, 'Kitchen table', 'recipe-wall')
  const fay = await openAsNewPerson(browser, facilitator)
  await join(fay, 'Fay')
  const pia = await openAsNewPerson(browser, participant, { viewport: { width: 1366, height: 800 } })
  await join(pia, 'Pia')
  const li = await openAsNewPerson(browser, participant, { ...devices['Pixel 7'], locale: 'zh-CN' })
  await li.getByRole('textbox').first().fill('李')
  await li.getByRole('button', { name: '我同意' }).tap()
  await expectConnected(li)
  for (const page of [fay, pia, li]) await openCanvas(page, 'Recipe wall')

  await addRecipe(pia, 'Walking interviews')
  await addRecipe(fay, 'Listening circle')
  const faysList = await openListView(fay)
  await expect(noteRows(faysList, 'Walking interviews')).toHaveCount(1)

  await fay.getByRole('button', { name: 'Start voting' }).click()
  await expect(pia.getByText('Votes left: 3')).toBeVisible()

  // Pia's card is still selected once its panel is closed: she votes from the selection bar
  const bar = pia.getByRole('group', { name: 'Selection' })
  await expect(bar).toContainText('1 selected')
  await bar.getByRole('button', { name: 'Vote for this recipe' }).click()
  await expect(pia.getByText('Votes left: 2')).toBeVisible()

  // Li, on a phone in Chinese, votes for both from the list view
  const lisList = await openListView(li)
  for (const title of ['Walking interviews', 'Listening circle'])
    await noteRows(lisList, title).getByRole('button', { name: '给这个食谱投票' }).tap()
  await expect(li.getByText('剩余票数：1')).toBeVisible()

  // the server counts them when voting ends; the results name each recipe by its title
  await fay.getByRole('button', { name: 'End voting' }).click()
  await fay.getByRole('button', { name: 'Results' }).click()
  const results = fay.getByRole('region', { name: 'Results' })
  await expect(results.getByRole('listitem')).toHaveText([
    '2 votes — Walking interviews',
    '1 vote — Listening circle',
  ])
  // Li's phone says voting has ended, and 查看投票结果 (Show the votes) opens the results there
  await expect(li.getByText('投票已结束。')).toBeAttached()
  await li.getByRole('button', { name: '查看投票结果' }).tap()
  await expect(li.getByRole('region', { name: '结果' }).getByRole('listitem')).toHaveCount(2)
  await li.screenshot({ path: '/tmp/recipe-results-phone-zh.png' })
  // the results cover the phone's board; 关闭面板 (Close panel) goes back to it
  await li.getByRole('button', { name: '关闭面板' }).tap()
  await expect(li.getByRole('region', { name: '结果' })).toHaveCount(0)
  await expect(li.getByRole('toolbar', { name: '工具' })).toBeVisible()
  // and the list view says each card's votes (the side panel shows one panel at a time)
  await expect(noteRows(await openListView(fay), 'Walking interviews')).toContainText('2 votes')
})
