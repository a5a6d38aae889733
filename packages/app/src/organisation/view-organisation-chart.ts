import { readableJurisdictions } from '../access/policies.ts'
import { NotFoundError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { Repositories } from '../unit-of-work.ts'
import type { JurisdictionSummary, OrganisationChart } from './organisation-repository.ts'

/** The jurisdictions the account may read. */
export async function listJurisdictions(
  repositories: Pick<Repositories, 'organisation'>,
  session: SessionRecord,
): Promise<JurisdictionSummary[]> {
  const { organisation } = repositories
  return organisation.jurisdictions(await readableJurisdictions(organisation, session))
}

/**
 * One jurisdiction's organisation on a date. Another jurisdiction's chart is "not found", not
 * "forbidden": a post-holder cannot even learn which jurisdictions exist.
 */
export async function viewOrganisationChart(
  repositories: Pick<Repositories, 'organisation'>,
  session: SessionRecord,
  jurisdictionId: string,
  on: string,
): Promise<OrganisationChart> {
  const { organisation } = repositories
  const readable = await readableJurisdictions(organisation, session)
  const chart =
    readable === undefined || readable.includes(jurisdictionId)
      ? await organisation.organisationChart(jurisdictionId, on)
      : undefined
  if (!chart)
    throw new NotFoundError('JURISDICTION_NOT_FOUND', `没有可查看的辖区：${jurisdictionId}`)
  return chart
}
