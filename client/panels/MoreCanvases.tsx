import { useTranslation } from 'react-i18next'
import { useMenuButton } from './useMenuButton'

/**
 * The canvases whose tabs do not fit the row, behind a "More canvases" menu button (the WAI-ARIA
 * menu button pattern: Enter, Space or the arrows open it on an item; arrows, Home, End and a first
 * letter move; Escape closes it and puts focus back on the button).
 */
export function MoreCanvases(props: {
  canvases: readonly { readonly id: string; readonly name: string }[]
  onSelect: (id: string) => void
}) {
  const { t } = useTranslation(['panels', 'common'])
  const menu = useMenuButton()
  return (
    <div className="more-canvases" ref={menu.wrapRef}>
      <button
        {...menu.buttonProps}
        aria-label={t('canvases.more')}
        title={t('canvases.moreHint', { count: props.canvases.length })}
      >
        {t('canvases.moreShort')} <span className="more-count">{props.canvases.length}</span>
        <span aria-hidden="true"> ▾</span>
      </button>
      {menu.open && (
        <div {...menu.menuProps} className="canvas-menu more-canvases-menu">
          {props.canvases.map((c) => (
            <button
              key={c.id}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => {
                menu.dismiss()
                props.onSelect(c.id)
              }}
            >
              {c.name || t('common:untitled')}
            </button>
          ))}
        </div>
      )}
    </div>
  )
}
