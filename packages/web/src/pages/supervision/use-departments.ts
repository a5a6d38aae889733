import { fetchOrganisation } from '../../api/organisation.ts'
import { useLoad } from '../../api/use-load.ts'
import { useMe } from '../../session/session-context.ts'

/**
 * The units of the session's jurisdiction, for the pickers (牵头单位, 配合单位, 单位 filters):
 * the organisation chart as it stands today.
 */
export function useDepartments() {
  const jurisdictionId = useMe().jurisdiction?.id
  const chart = useLoad(jurisdictionId ? `organisation:${jurisdictionId}` : null, (signal) =>
    fetchOrganisation(jurisdictionId ?? '', undefined, signal),
  )
  const options = (chart.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))
  return { options, loading: chart.loading, error: chart.error }
}
