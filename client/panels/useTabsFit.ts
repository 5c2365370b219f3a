import { useLayoutEffect, useRef, useState } from 'react'

interface Tab {
  readonly id: string
  readonly name: string
}

/** Width kept for the "More canvases" button if it could not be measured. */
const MORE_ESTIMATE = 110
/** Rounding of fractional widths must never cut the last tab by a pixel. */
const SLACK = 2

interface Measured {
  readonly key: string
  /** Each tab's natural width, in the order of the tabs. */
  readonly widths: readonly number[]
  /** Room for tabs in the row, and what the menu button and a gap take of it. */
  readonly room: number
  readonly more: number
  readonly gap: number
}

/**
 * Which tabs fit the canvas bar and which go into its "More canvases" menu. Each time the bar's
 * width, the tabs or the fonts change, every tab is drawn once at its natural width and measured
 * (before the browser paints); then the current tab and, in order, as many others as fit stay in
 * the row.
 */
export function useTabsFit<T extends Tab>(tabs: readonly T[], current: string) {
  const barRef = useRef<HTMLDivElement>(null)
  const listRef = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState(0)
  const [fonts, setFonts] = useState(0)
  const [measured, setMeasured] = useState<Measured | null>(null)
  const key = `${width}|${fonts}|${tabs.map((t) => `${t.id}:${t.name}`).join('|')}`
  const measuring = measured?.key !== key

  useLayoutEffect(() => {
    const bar = barRef.current
    if (!bar) return
    const observer = new ResizeObserver(() => setWidth(Math.round(bar.clientWidth)))
    observer.observe(bar)
    setWidth(Math.round(bar.clientWidth))
    // a web font arriving late changes every tab's width
    const loaded = () => setFonts((n) => n + 1)
    document.fonts.addEventListener('loadingdone', loaded)
    return () => {
      observer.disconnect()
      document.fonts.removeEventListener('loadingdone', loaded)
    }
  }, [])

  useLayoutEffect(() => {
    const bar = barRef.current
    const list = listRef.current
    if (!measuring || !bar || !list) return
    const style = getComputedStyle(list)
    const gap = parseFloat(style.columnGap) || 0
    const padding = (parseFloat(style.paddingLeft) || 0) + (parseFloat(style.paddingRight) || 0)
    // what else the bar holds (the canvas options of facilitators, the menu button)
    let others = 0
    let more = MORE_ESTIMATE
    for (const child of Array.from(bar.children) as HTMLElement[]) {
      if (child === list) continue
      if (child.classList.contains('more-canvases')) more = child.getBoundingClientRect().width
      else others += child.getBoundingClientRect().width + gap
    }
    const widths = Array.from(list.querySelectorAll<HTMLElement>('[role="tab"]')).map(
      (b) => b.getBoundingClientRect().width,
    )
    setMeasured({ key, widths, room: bar.clientWidth - others - padding - SLACK, more, gap })
  }, [measuring, key])

  const shown = measuring || !measured ? tabs : fitting(tabs, current, measured)
  const shownIds = new Set(shown.map((t) => t.id))
  // while measuring, the menu button is drawn too (with the longest count), to measure it
  const more = measuring ? tabs : tabs.filter((t) => !shownIds.has(t.id))
  return { barRef, listRef, shown, more, measuring }
}

/** All tabs if they fit; else the current one and, in order, the others that fit beside the menu. */
function fitting<T extends Tab>(tabs: readonly T[], current: string, m: Measured): readonly T[] {
  const width = (i: number) => m.widths[i] ?? 0
  const total = tabs.reduce((sum, _, i) => sum + width(i), 0) + m.gap * Math.max(0, tabs.length - 1)
  if (total <= m.room) return tabs
  const at = tabs.findIndex((t) => t.id === current)
  let used = m.more + (at >= 0 ? width(at) + m.gap : 0)
  const keep = new Set<number>(at >= 0 ? [at] : [])
  for (let i = 0; i < tabs.length; i++) {
    if (i === at) continue
    if (used + width(i) + m.gap > m.room) break
    used += width(i) + m.gap
    keep.add(i)
  }
  return tabs.filter((_, i) => keep.has(i))
}
