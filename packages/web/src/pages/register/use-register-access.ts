import { fetchReceiptAccess } from '../../api/receipts.ts'
import { fetchRegisterAccess } from '../../api/register.ts'
import { useLoad } from '../../api/use-load.ts'
import { useMe } from '../../session/session-context.ts'

/**
 * Whether the current post keeps the 收发文登记簿. The server answers from the rulebook (the
 * office, 条例第五条); asked again whenever the person switches post. Administrators hold no post.
 */
export function useRegisterAccess(): boolean {
  const me = useMe()
  const key =
    me.adminRole === null && me.currentPostId ? `register-access:${me.currentPostId}` : null
  const access = useLoad(key, (signal) => fetchRegisterAccess(signal))
  return key !== null && access.data?.allowed === true
}

/** Whether the current post is the desk that registers 来文 (签收登记), as the server answers. */
export function useReceiptAccess(): boolean {
  const me = useMe()
  const key =
    me.adminRole === null && me.currentPostId ? `receipt-access:${me.currentPostId}` : null
  const access = useLoad(key, (signal) => fetchReceiptAccess(signal))
  return key !== null && access.data?.allowed === true
}
