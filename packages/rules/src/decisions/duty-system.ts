import { z } from 'zod'
import { type ResolvedRule, rulesOfKind } from '../rulebook/resolve-rulebook.ts'
import { cite, defineDecision, noRule } from './decision.ts'
import { localDateInput } from './inputs.ts'
import { postTitles } from './post-titles.ts'

type SeasonRule = ResolvedRule & { kind: 'dutySeason' }

/** Whether a day ('MM-DD') falls in a season from–to, inclusive; to < from runs over the new year. */
function inSeason(day: string, from: string, to: string): boolean {
  return from <= to ? from <= day && day <= to : day >= from || day <= to
}

/**
 * Which units keep 24-hour duty on a day, whether a leader is on call (领导带班), and whether
 * their season is on: year-round duty always, seasonal duty (汛期, 森林草原防火期) between the
 * dates its `dutySeason` rule gives. A season no rule dates is said so and not active;
 * a rulebook with no duty rule answers RULE_NOT_FOUND.
 */
export const dutySystem = defineDecision({
  name: 'duty-system',
  title: '值班制度',
  kinds: ['dutySystem', 'dutySeason'],
  input: z.strictObject({ on: localDateInput }),
  decide(context, input) {
    const rules = rulesOfKind(context.rulebook, 'dutySystem', input.on)
    if (rules.length === 0) throw noRule(context, '24小时值班制度')
    const seasonRules = new Map<string, SeasonRule>(
      rulesOfKind(context.rulebook, 'dutySeason', input.on).map((rule) => [
        rule.params.season.code,
        rule,
      ]),
    )
    const day = input.on.slice(5)
    const used = new Set<SeasonRule>()
    const undated = new Set<string>()
    const units = rules.flatMap((rule) => {
      const season = rule.params.season === 'yearRound' ? undefined : rule.params.season
      const dated = season === undefined ? undefined : seasonRules.get(season)
      if (dated) used.add(dated)
      else if (season !== undefined) undated.add(season)
      const active =
        season === undefined
          ? true
          : dated
            ? inSeason(day, dated.params.firstDay, dated.params.lastDay)
            : false
      return rule.params.units.map((post) => ({
        post,
        season: rule.params.season,
        seasonLabel: season === undefined ? '全年' : (dated?.params.season.label ?? season),
        leaderOnCall: rule.params.leaderOnCall,
        leaders: rule.params.leaders,
        hoursPerDay: rule.params.hoursPerDay,
        dayTypes: rule.params.dayTypes,
        active,
        ruleId: rule.id,
      }))
    })
    const seasons = [...used].map((rule) => ({
      code: rule.params.season.code,
      label: rule.params.season.label,
      from: rule.params.firstDay,
      to: rule.params.lastDay,
      active: inSeason(day, rule.params.firstDay, rule.params.lastDay),
      ruleId: rule.id,
      note: rule.note ?? null,
    }))
    const activeUnits = units.filter((unit) => unit.active)
    const summary = [
      `${input.on}实行24小时值班的单位：${
        activeUnits.length === 0
          ? '无'
          : postTitles(
              context.rulebook,
              activeUnits.map((unit) => unit.post),
            )
      }`,
      ...seasons.map(
        (season) =>
          `${season.label}（${season.from}至${season.to}）${season.active ? '期间' : '以外'}`,
      ),
      ...[...undated].map((season) => `${season}的起止日期未载入规则库，不计为值班期`),
    ].join('；')
    return {
      outcome: { units, seasons },
      summary,
      citations: cite(...rules, ...used),
      warnings: [],
    }
  },
})

/** The outcome of duty-system: units on duty (and off season) on the day, and the seasons. */
export type DutySystemOutcome = ReturnType<(typeof dutySystem)['decide']>['outcome']
