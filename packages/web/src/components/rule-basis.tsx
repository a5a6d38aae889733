import { Popover, Space, Switch, Typography } from 'antd'
import { useEffect, useState, useSyncExternalStore } from 'react'
import { fetchRulebook } from '../api/rulebooks.ts'
import type { Citation } from '../api/types.ts'
import { useMe } from '../session/session-context.ts'
import { Mono } from './mono.tsx'
import { createRuleIdPreference, type PreferenceStorage } from './rule-id-preference.ts'

function browserStorage(): PreferenceStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage
  } catch {
    return null
  }
}

const preference = createRuleIdPreference(browserStorage())

/** Whether this browser shows rule ids (off until 显示规则编号 is switched on). */
export function useShowRuleIds(): boolean {
  return useSyncExternalStore(preference.subscribe, preference.get, () => false)
}

/** 显示规则编号: the switch, for a card's header; remembered in this browser. */
export function RuleIdSwitch() {
  const on = useShowRuleIds()
  return (
    <Space size={6}>
      <Switch size="small" checked={on} onChange={preference.set} aria-label="显示规则编号" />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        显示规则编号
      </Typography.Text>
    </Space>
  )
}

/** A rule id, shown only where 显示规则编号 is on. */
export function RuleId({ id }: { id: string }) {
  return useShowRuleIds() ? <Mono small>{id}</Mono> : null
}

const rulebooks = new Map<string, Promise<Map<string, Citation>>>()

/** Rule id → its article, from the jurisdiction's rulebook, read once per page load. */
function useRuleArticles(jurisdictionId: string | undefined): Map<string, Citation> | undefined {
  const [articles, setArticles] = useState<Map<string, Citation>>()
  useEffect(() => {
    if (!jurisdictionId) return
    let current = true
    let load = rulebooks.get(jurisdictionId)
    if (!load) {
      load = fetchRulebook(jurisdictionId)
        .then((book) => new Map(book.rules.map((rule) => [rule.id, rule.citation])))
        .catch(() => new Map<string, Citation>())
      rulebooks.set(jurisdictionId, load)
    }
    void load.then((found) => {
      if (current) setArticles(found)
    })
    return () => {
      current = false
    }
  }, [jurisdictionId])
  return articles
}

/**
 * 依据: the articles an act rested on, by source and number, each with its words on hover or tap,
 * whether the page's view carries them (`citations`) or only the rulebook does. The rule ids
 * themselves only with 显示规则编号 on. Used by every history line that names its rules.
 */
export function RuleBasis({ ruleIds, citations }: { ruleIds: string[]; citations: Citation[] }) {
  const me = useMe()
  const showIds = useShowRuleIds()
  const fromBook = useRuleArticles(ruleIds.length ? me.jurisdiction?.id : undefined)
  if (!ruleIds.length) return null
  const known = new Map(citations.map((citation) => [citation.ruleId, citation]))
  // Several rules may rest on one article: it is named once.
  const articles = new Map<string, Citation>()
  const unresolved: string[] = []
  for (const id of ruleIds) {
    const citation = known.get(id) ?? fromBook?.get(id)
    if (citation) articles.set(`${citation.source}${citation.article}`, citation)
    else unresolved.push(id)
  }
  if (!articles.size && !showIds) {
    // Not yet read from the rulebook, or a rule of the code's own (a meeting's kind).
    return fromBook ? (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        依据：本辖区工作规则
      </Typography.Text>
    ) : null
  }
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      依据：
      {[...articles].map(([name, citation], index) => (
        <span key={name}>
          {index > 0 && '；'}
          <Popover
            content={
              <div style={{ maxWidth: 360, whiteSpace: 'pre-wrap' }}>{citation.excerpt}</div>
            }
            title={name}
          >
            <Typography.Text type="secondary" underline style={{ fontSize: 12, cursor: 'help' }}>
              {name}
            </Typography.Text>
          </Popover>
        </span>
      ))}
      {showIds &&
        ruleIds.map((id) => (
          <span key={id}>
            {' '}
            <Mono small>{id}</Mono>
          </span>
        ))}
      {!articles.size && !showIds && unresolved.length > 0 && '本辖区工作规则'}
    </Typography.Text>
  )
}
