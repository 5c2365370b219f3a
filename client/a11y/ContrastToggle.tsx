import { setHighContrast, useHighContrast } from './contrastPreference'

const STRINGS = { label: 'High contrast' }

/** A toggle button for the high-contrast theme (remembered on this device). */
export function ContrastToggle() {
  const on = useHighContrast()
  return (
    <button type="button" className="contrast-toggle" aria-pressed={on} onClick={() => setHighContrast(!on)}>
      {STRINGS.label}
    </button>
  )
}
