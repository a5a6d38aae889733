import { Button, type ButtonProps, Modal } from 'antd'
import { type ReactNode, useState } from 'react'

/**
 * A button opening a form in a dialog named `title`, for acts done from a table row or a card
 * header. The form is dropped on closing, so each opening starts blank; `children` gets `close`
 * to call once the act is done.
 */
export function ActModal({
  label,
  title,
  ariaLabel,
  buttonProps,
  children,
}: {
  label: string
  title: string
  /** A fuller name for the button where the row it sits in does not say what it acts on. */
  ariaLabel?: string
  buttonProps?: ButtonProps
  children: (close: () => void) => ReactNode
}) {
  const [open, setOpen] = useState(false)
  const close = () => setOpen(false)
  return (
    <>
      <Button aria-label={ariaLabel} {...buttonProps} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal title={title} open={open} footer={null} destroyOnHidden onCancel={close}>
        {children(close)}
      </Modal>
    </>
  )
}
