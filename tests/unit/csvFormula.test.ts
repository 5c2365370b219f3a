import { describe, expect, it } from 'vitest'
import { csvCell } from '../../shared/export/csv'

describe('the CSV formula guard', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['  =HYPERLINK("x")', `"'  =HYPERLINK(""x"")"`],
    ['\u00a0=1+1', "'\u00a0=1+1"],
    ['\u3000+1', "'\u3000+1"],
    ['\u200b@x', "'\u200b@x"],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
    [' \u00a0 ＝cmd', "' \u00a0 ＝cmd"],
    ['\u22121', "'\u22121"],
  ])('guards %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected)
  })

  it.each(['plain', '  spaced words', '1 = 1', 'a-b', 'name@example.org', '（注）', '１２３'])(
    'leaves %j alone',
    (input) => expect(csvCell(input)).toBe(input),
  )

  it('leaves numbers alone (they are not text a spreadsheet could run)', () => {
    expect(csvCell(-3)).toBe('-3')
  })
})
