import { request } from './client.ts'
import type { JurisdictionSummary, OrganisationChart } from './types.ts'

export const fetchJurisdictions = (signal?: AbortSignal) =>
  request<JurisdictionSummary[]>('GET', '/api/jurisdictions', { signal })

/** `on` is a civil date (YYYY-MM-DD); without it the server answers for today. */
export const fetchOrganisation = (jurisdictionId: string, on?: string, signal?: AbortSignal) =>
  request<OrganisationChart>(
    'GET',
    `/api/jurisdictions/${encodeURIComponent(jurisdictionId)}/organisation`,
    { query: { on }, signal },
  )
