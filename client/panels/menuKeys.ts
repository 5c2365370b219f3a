/** What a key does in a menu: move focus to an item, close the menu (Escape), or leave it (Tab). */
export type MenuKeyResult = number | 'close' | 'leave' | null

/**
 * The menu keyboard of the WAI-ARIA menu pattern, for `labels.length` items with focus on `at`:
 * arrows move and wrap, Home and End jump to the ends, a letter moves to the next item starting
 * with it, Escape closes, Tab leaves. Null: the key is not the menu's.
 */
export function menuKey(key: string, at: number, labels: readonly string[]): MenuKeyResult {
  const n = labels.length
  if (n === 0) return key === 'Escape' ? 'close' : null
  switch (key) {
    case 'ArrowDown':
      return (at + 1 + n) % n
    case 'ArrowUp':
      return (at - 1 + n) % n
    case 'Home':
      return 0
    case 'End':
      return n - 1
    case 'Escape':
      return 'close'
    case 'Tab':
      return 'leave'
  }
  if (key.length !== 1 || !/\S/.test(key)) return null
  const letter = key.toLocaleLowerCase()
  for (let step = 1; step <= n; step++) {
    const i = (at + step + n) % n
    if (labels[i]!.trim().toLocaleLowerCase().startsWith(letter)) return i
  }
  return null
}
