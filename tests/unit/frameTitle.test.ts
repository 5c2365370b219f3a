import { expect, test } from 'vitest'
import { FRAME_COUNT_ROOM, frameTitleLayout } from '../../client/canvas/objects/frameTitle'

// A stand-in for the canvas: wide characters (CJK, W) count double, as they do in a real font.
const measure = (text: string, size: number) =>
  [...text].reduce((w, c) => w + (/[\u3000-\u9fff]|W|M/.test(c) ? size : size * 0.55), 0)

test('the note count starts after the title as drawn, whatever its script', () => {
  for (const title of ['Belonging', 'WWWWWWWW', '社区花园的故事', 'Theme 1']) {
    const { countX, maxTitleWidth } = frameTitleLayout(title, 600, measure)
    expect(countX).toBeGreaterThanOrEqual(Math.min(maxTitleWidth, measure(title, 20)))
  }
  // The count of a wide title is further right than the old "0.6 × size per character" guess put it.
  expect(frameTitleLayout('社区花园的故事', 600, measure).countX).toBeGreaterThan(7 * 20 * 0.6 + 8)
})

test('a long title is cut before the room kept for the count, so they never overlap', () => {
  const title = 'A very long theme title that goes on and on past the edge of the frame'
  const { maxTitleWidth, countX } = frameTitleLayout(title, 400, measure)
  expect(maxTitleWidth).toBe(400 - FRAME_COUNT_ROOM)
  expect(countX).toBeLessThanOrEqual(400 - FRAME_COUNT_ROOM + 8)
  expect(countX).toBeGreaterThanOrEqual(maxTitleWidth)
})
