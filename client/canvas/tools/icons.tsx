import type { ToolId } from './tools'

/** Small line icons for the toolbar; decorative, the buttons carry the names. */
const PATHS: Record<ToolId | 'undo' | 'redo', string> = {
  select: 'M5 3l14 7-6 2-2 6z',
  hand: 'M8 13V5.5a1.5 1.5 0 0 1 3 0V12 M11 11V4.5a1.5 1.5 0 0 1 3 0V12 M14 11.5V6a1.5 1.5 0 0 1 3 0v7.5c0 4-2.5 6.5-6 6.5-2.5 0-4-1-5.5-3L3.8 14a1.5 1.5 0 0 1 2.4-1.8L8 14',
  sticky: 'M4 4h16v11l-5 5H4z M15 20v-5h5',
  text: 'M5 5h14 M12 5v14 M9 19h6',
  pen: 'M4 20l4-1 11-11-3-3L5 16z M14 6l3 3',
  shape: 'M4 4h9v9H4z M17 11a4 4 0 1 1-4 6',
  frame: 'M7 3v18 M17 3v18 M3 7h18 M3 17h18',
  image: 'M4 5h16v14H4z M4 16l5-5 4 4 2-2 5 5 M15 9.5a1.5 1.5 0 1 0 0.01 0',
  recipe: 'M6 3h12v18H6z M9 8h6 M9 12h6 M9 16h4',
  undo: 'M9 14L4 9l5-5 M4 9h10a6 6 0 0 1 0 12h-3',
  redo: 'M15 14l5-5-5-5 M20 9H10a6 6 0 0 0 0 12h3',
}

export function ToolIcon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg
      className="tool-icon"
      viewBox="0 0 24 24"
      width="20"
      height="20"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={PATHS[name]} />
    </svg>
  )
}
