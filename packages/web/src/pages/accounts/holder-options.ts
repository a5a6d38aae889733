import type { AccountSummary, OrganisationChart } from '../../api/types.ts'

export interface HolderOption {
  value: string
  label: string
}

/** People holding a post of the chart with no account yet, once each with all their posts. */
export function holdersWithoutAccount(
  chart: OrganisationChart,
  accounts: AccountSummary[],
): HolderOption[] {
  const withAccount = new Set(accounts.flatMap((account) => account.person?.id ?? []))
  const people = new Map<string, { name: string; titles: string[] }>()
  for (const post of chart.posts) {
    for (const holder of post.holders) {
      if (withAccount.has(holder.personId)) continue
      const person = people.get(holder.personId) ?? { name: holder.name, titles: [] }
      person.titles.push(post.title)
      people.set(holder.personId, person)
    }
  }
  return [...people].map(([personId, { name, titles }]) => ({
    value: personId,
    label: `${name}（${titles.join('、')}）`,
  }))
}
