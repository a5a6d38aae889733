import { DEPLOYMENT_CHAIN } from '../audit/audit-chain.ts'
import type { OrganisationRepository } from '../organisation/organisation-repository.ts'

/** A post-holder's acts go to their jurisdiction's chain; an administrator's to the deployment's. */
export async function chainOfAccount(
  organisation: OrganisationRepository,
  personId: string | null,
): Promise<string> {
  if (!personId) return DEPLOYMENT_CHAIN
  return (await organisation.jurisdictionOf(personId)) ?? DEPLOYMENT_CHAIN
}
