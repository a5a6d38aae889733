import { contextFor, type RulebookLibrary } from '@zhengling/rulebooks'
import { type Output, UsageError } from '../output.ts'

export function rulesShow(
  library: RulebookLibrary,
  output: Output,
  jurisdiction: string,
  asOf?: string,
): number {
  const resolved = contextFor(library, jurisdiction, asOf)
  if (!resolved.ok) throw new UsageError(resolved.message)
  const { rulebook } = resolved.context
  output.out(`${rulebook.title}（${rulebook.version}版，自 ${rulebook.effectiveFrom} 起施行）`)
  if (rulebook.source.documentNumber)
    output.out(`文号：${rulebook.source.documentNumber}\u3000原文：${rulebook.source.seed ?? ''}`)
  output.out('\n职务：')
  for (const post of rulebook.posts.values()) output.out(`  ${post.id.padEnd(32)}${post.title}`)
  output.out('\n会议：')
  for (const meeting of rulebook.meetings.values())
    output.out(
      `  ${meeting.id.padEnd(32)}${meeting.name}${meeting.frequency ? `（${meeting.frequency}）` : ''}`,
    )
  if (rulebook.documentPrefixes.length) {
    output.out('\n发文字号：')
    for (const prefix of rulebook.documentPrefixes)
      output.out(`  ${prefix.prefix.padEnd(10, '\u3000')}${prefix.label}`)
  }
  output.out('\n规则：')
  for (const rule of rulebook.rules) {
    output.out(`  ${rule.id}  [${rule.kind}]  ${rule.title}`)
    output.out(`      ${rule.source} ${rule.article.number}：“${rule.article.excerpt}”`)
  }
  return 0
}
