import { Space, Tag, Typography } from 'antd'
import type { Holding } from '../api/types.ts'
import { formatShanghaiTime } from '../format.ts'
import { DueDate } from './due-date.tsx'

/** The people only: the holders, the acting post's holders (代理), or 空缺. */
export function holderNames(holding: Holding): string {
  // The holder away, someone acting (代行, issue 15): the acting post's holders act.
  if (holding.holders.length > 0 && holding.acting)
    return `${holding.acting.holders.join('、')}（代行）`
  if (holding.holders.length > 0) return holding.holders.join('、')
  if (holding.acting) return `${holding.acting.holders.join('、')}（代理）`
  return '空缺'
}

/** Who: the unit (for a unit's work), the post, and its holders or the post acting for it. */
export function holderText(holding: Holding): string {
  const post = [holding.unitName, holding.postTitle].filter(Boolean).join(' ')
  if (holding.holders.length > 0 && holding.acting)
    return `${post} ${holding.holders.join('、')}（外出，由${holding.acting.title} ${holding.acting.holders.join('、')}${holding.acting.note ?? '代行'}）`
  if (holding.holders.length > 0) return `${post} ${holding.holders.join('、')}`
  if (holding.acting)
    return `${post}（空缺，由${holding.acting.title} ${holding.acting.holders.join('、')}代理）`
  return `${post}（空缺）`
}

/**
 * 当前办理：<岗位> <姓名>，自<日期>起，<期限> — one line per open piece of work, with the time
 * limit's working days as the server counts them; a post nobody holds nor acts for is flagged.
 */
export function CurrentHolders({
  holdings,
  kindLabel,
}: {
  holdings: Holding[]
  /** What the holder is to do, in words (核稿, 会签…). */
  kindLabel: (kind: string) => string
}) {
  if (holdings.length === 0) return null
  return (
    <Space orientation="vertical" size={2} data-testid="current-holders">
      {holdings.map((holding, index) => (
        <Space key={`${holding.kind}:${holding.postId ?? holding.departmentId}:${index}`} wrap>
          <Typography.Text>
            当前办理（{kindLabel(holding.kind)}）：{holderText(holding)}，自
            {formatShanghaiTime(holding.since).slice(0, 10)}起，
            {holding.dueDate ? '' : '无办理时限'}
          </Typography.Text>
          {holding.dueDate && (
            <span>
              <DueDate date={holding.dueDate} workingDaysLeft={holding.workingDaysLeft} /> 前办理
            </span>
          )}
          {holding.vacant && <Tag color="red">无人在岗、无人代理</Tag>}
        </Space>
      ))}
    </Space>
  )
}
