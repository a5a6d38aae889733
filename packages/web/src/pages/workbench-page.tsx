import { useMe } from '../session/session-context.ts'
import { AdminWorkbench } from './workbench/admin-workbench.tsx'
import { PostHolderWorkbench } from './workbench/post-holder-workbench.tsx'

export function WorkbenchPage() {
  const me = useMe()
  return me.adminRole ? (
    <AdminWorkbench me={me} adminRole={me.adminRole} />
  ) : (
    <PostHolderWorkbench me={me} />
  )
}
