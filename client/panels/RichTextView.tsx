import type { ReactNode } from 'react'
import type { RichBlock, RichRun, RichText } from '../../shared/schema/richBlocks'

/** One run with its marks as nested elements, and hard breaks as `<br>`. */
function Run({ run }: { run: RichRun }) {
  const lines = run.text.split('\n')
  let node: ReactNode = lines.flatMap((line, i) => (i === 0 ? [line] : [<br key={i} />, line]))
  if (run.code) node = <code>{node}</code>
  if (run.underline) node = <u>{node}</u>
  if (run.strike) node = <s>{node}</s>
  if (run.italic) node = <em>{node}</em>
  if (run.bold) node = <strong>{node}</strong>
  return <>{node}</>
}

const runsOf = (runs: readonly RichRun[]): ReactNode => runs.map((run, i) => <Run key={i} run={run} />)

function Block({ block }: { block: RichBlock }) {
  switch (block.type) {
    case 'paragraph':
      return <p>{runsOf(block.runs)}</p>
    case 'heading':
      // a note's heading is emphasis inside a list item, not a heading of the page's outline
      return (
        <p className={`rich-heading rich-h${block.level}`}>
          <strong>{runsOf(block.runs)}</strong>
        </p>
      )
    case 'code':
      return (
        <pre>
          <code>{runsOf(block.runs)}</code>
        </pre>
      )
    case 'quote':
      return (
        <blockquote>
          <Blocks blocks={block.blocks} />
        </blockquote>
      )
    case 'list': {
      const items = block.items.map((item, i) => (
        <li key={i}>
          <Blocks blocks={item} />
        </li>
      ))
      return block.ordered ? <ol start={block.start}>{items}</ol> : <ul>{items}</ul>
    }
    case 'rule':
      return <hr />
  }
}

function Blocks({ blocks }: { blocks: readonly RichBlock[] }) {
  return (
    <>
      {blocks.map((b, i) => (
        <Block key={i} block={b} />
      ))}
    </>
  )
}

/**
 * A note's rich text as real markup (strong, em, s, lists), so a screen reader says "bold" and
 * reads a list as a list. Built as React elements from plain data: nothing from the note is HTML.
 */
export function RichTextView(props: {
  rich: RichText
  lang?: string
  className?: string
  /** A click opens the editor (the keyboard has the row's Edit button). */
  onClick?: () => void
}) {
  return (
    // a click is a shortcut for the mouse; the keyboard has the row's Edit button
    <div
      className={`rich-text ${props.className ?? ''}`.trim()}
      lang={props.lang || undefined}
      onClick={props.onClick}
    >
      <Blocks blocks={props.rich} />
    </div>
  )
}
