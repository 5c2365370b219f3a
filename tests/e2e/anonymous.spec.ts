import { objectsOf } from '../../shared/schema/boardDoc'
import { expect, test } from './fixtures'
import { createLinks, join, openAsNewPerson } from './helpers'
import { stockClient } from './stockClient'

/**
 * An anonymous session keeps names off what people add: not only off the screen and the exports,
 * but out of the board's document, which reaches everyone in the session (a stock client
 * with the participant link reads it raw here).
 */
test('in an anonymous session a note carries no name at all; once anonymity ends, names come back for new notes', async ({
  browser,
  baseURL,
}) => {
  const links = await createLinks(browser, 'Quiet voices', 'collage')
  const fay = await openAsNewPerson(browser, links.facilitator)
  await join(fay, 'Fay')
  const ada = await openAsNewPerson(browser, links.participant)
  await join(ada, 'Ada')

  const anonymous = fay.getByRole('checkbox', { name: 'Anonymous: hide author names' })
  await fay.getByText('Session settings', { exact: true }).click()
  await anonymous.check()

  // anyone with the participant link, reading the board's document raw
  const { doc: reader, provider } = stockClient(baseURL!, links.participant)
  try {
    const authorOf = (text: string): string | undefined => {
      for (const o of objectsOf(reader).values())
        if (o.get('kind') === 'sticky' && String(o.get('text')?.toString() ?? '').includes(text))
          return String(o.get('author'))
      return undefined
    }
    const write = async (text: string) => {
      await ada.getByRole('toolbar', { name: 'Tools' }).getByRole('button', { name: 'Sticky note' }).click()
      await ada.keyboard.type(text)
      await ada.keyboard.press('Escape')
    }
    await write('Said without a name')
    await expect.poll(() => authorOf('Said without a name')).toBe('')

    await anonymous.uncheck()
    await write('Said as Ada')
    await expect.poll(() => authorOf('Said as Ada')).toBe('Ada')
    // what was written anonymously stays so
    expect(authorOf('Said without a name')).toBe('')
  } finally {
    provider.destroy()
    reader.destroy()
  }
})
