import './export.css'
import { useMenuButton } from './useMenuButton'
import { useTranslation } from 'react-i18next'

export type ExportFormat = 'png' | 'pdf' | 'md' | 'csv' | 'json' | 'report' | 'cookbook'

export interface ExportMenuProps {
  /** Offer the cook book (recipe cards on this canvas, or a recipe wall). */
  readonly cookbook: boolean
  /** The "Each frame as a page" choice, when this canvas has frames. */
  readonly framesAsPages: { readonly checked: boolean; readonly onToggle: () => void } | null
  /** The "Name removed people" choice, when someone was removed from the session (off: "Removed person"). */
  readonly nameRemoved?: { readonly checked: boolean; readonly onToggle: () => void } | null
  /** An export is running: the items wait. */
  readonly busy: boolean
  readonly onChoose: (format: ExportFormat) => void
}

/**
 * The Export button and its menu (the WAI-ARIA menu button pattern): arrow keys, Home and End move
 * between items, a letter jumps to the next item starting with it, Escape closes the menu and puts
 * focus back on the button.
 */
export function ExportMenu(props: ExportMenuProps) {
  const { t } = useTranslation('panels')
  const menu = useMenuButton()
  const choose = (format: ExportFormat) => {
    if (props.busy) return
    menu.close()
    props.onChoose(format)
  }
  return (
    <div className="export-menu-wrap" ref={menu.wrapRef}>
      <button {...menu.buttonProps}>{t('exportMenu.button')}</button>
      {menu.open && (
        <div {...menu.menuProps} className="export-menu">
          <MenuItems {...props} onChoose={choose} />
        </div>
      )}
    </div>
  )
}

/** The formats, then the choices: "Each frame as a page" (when the canvas has frames), "Name removed people". */
function MenuItems(props: ExportMenuProps) {
  const { t } = useTranslation(['panels', 'report'])
  const formats: ExportFormat[] = ['png', 'pdf', 'md', 'csv', 'json', 'report']
  if (props.cookbook) formats.push('cookbook')
  return (
    <>
      {formats.map((format) => (
        <button
          key={format}
          type="button"
          role="menuitem"
          tabIndex={-1}
          aria-disabled={props.busy || undefined}
          title={format === 'report' ? t('report:menuHint') : t(`exportMenu.hints.${format}`)}
          onClick={() => props.onChoose(format)}
        >
          {format === 'report' ? t('report:menuItem') : t(`exportMenu.items.${format}`)}
        </button>
      ))}
      {(props.framesAsPages || props.nameRemoved) && (
        <div role="separator" className="export-menu-separator" />
      )}
      {props.framesAsPages && <CheckItem label={t('exportMenu.framesAsPages')} {...props.framesAsPages} />}
      {props.nameRemoved && <CheckItem label={t('exportMenu.nameRemoved')} {...props.nameRemoved} />}
    </>
  )
}

/** A choice in the menu that stays open when toggled. */
function CheckItem(props: { label: string; checked: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      role="menuitemcheckbox"
      tabIndex={-1}
      data-label={props.label}
      aria-checked={props.checked}
      onClick={props.onToggle}
    >
      <span className="export-check" aria-hidden="true">
        {props.checked ? '✓' : ''}
      </span>
      {props.label}
    </button>
  )
}
