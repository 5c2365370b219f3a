import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

/** Most characters a canvas name keeps (the command trims longer names to this). */
const NAME_MAX = 80

/** Renaming a canvas: the name selected, ready to type over; Enter saves, Escape cancels. */
export function RenameCanvasForm(props: {
  name: string
  onSave: (name: string) => void
  onCancel: () => void
}) {
  const { t } = useTranslation(['panels', 'common'])
  const fieldId = useId()
  const fieldRef = useRef<HTMLInputElement>(null)
  const [value, setValue] = useState(props.name)
  useEffect(() => {
    fieldRef.current?.focus()
    fieldRef.current?.select()
  }, [])
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const name = value.trim()
    if (name && name !== props.name) props.onSave(name)
    else props.onCancel()
  }
  return (
    <form className="rename-canvas" onSubmit={submit}>
      <label htmlFor={fieldId}>{t('canvases.nameLabel')}</label>
      <input
        id={fieldId}
        ref={fieldRef}
        type="text"
        value={value}
        maxLength={NAME_MAX}
        autoComplete="off"
        onChange={(e) => setValue(e.target.value)}
      />
      <div className="rename-canvas-actions">
        <button type="submit" className="primary">
          {t('canvases.saveName')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('common:cancel')}
        </button>
      </div>
    </form>
  )
}
