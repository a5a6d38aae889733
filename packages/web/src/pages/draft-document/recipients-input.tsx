import { Select, Space, TreeSelect } from 'antd'
import { useMemo } from 'react'
import type { RecipientChoice, RecipientOptions } from '../../api/distribution.ts'

/**
 * A 主送 or 抄送 line as the form holds it: units and groups chosen from the organisation (tree
 * values `group:<label>` and `unit:<id>`), and outside recipients typed by name (纸质分送).
 */
export interface RecipientsValue {
  chosen: string[]
  outside: string[]
}

export const NO_RECIPIENTS: RecipientsValue = { chosen: [], outside: [] }

const GROUP = 'group:'
const UNIT = 'unit:'

/** The form's value as the API takes it: groups by label, units by id, outside names. */
export function recipientChoicesOf(value: RecipientsValue | undefined): RecipientChoice[] {
  const chosen = (value?.chosen ?? []).map((token): RecipientChoice =>
    token.startsWith(GROUP)
      ? { group: token.slice(GROUP.length) }
      : { unitId: token.slice(UNIT.length) },
  )
  const outside = (value?.outside ?? [])
    .map((name) => name.trim())
    .filter(Boolean)
    .map((name) => ({ outside: name }))
  return [...chosen, ...outside]
}

/** At least one recipient, chosen or typed. */
export function hasRecipients(value: RecipientsValue | undefined): boolean {
  return recipientChoicesOf(value).length > 0
}

/**
 * The recipients picker: a tree of the jurisdiction's groups (checking a group addresses the
 * document to the group as written — 各乡（镇）人民政府、街道办事处 — and 印发 reaches each of its
 * units; expanding it picks single units), the units in no group, and below it the outside
 * recipients, which go on paper.
 */
export function RecipientsInput({
  id,
  value,
  onChange,
  options,
  role,
}: {
  id?: string
  value?: RecipientsValue
  onChange?: (value: RecipientsValue) => void
  options: RecipientOptions | undefined
  role: 'main' | 'copy'
}) {
  const current = value ?? NO_RECIPIENTS
  const treeData = useMemo(() => {
    if (!options) return []
    const units = new Map(options.units.map((unit) => [unit.id, unit]))
    const grouped = new Set(options.groups.flatMap((group) => group.unitIds))
    const leaf = (unitId: string) => {
      const unit = units.get(unitId)
      const name = unit?.name ?? unitId
      return {
        value: `${UNIT}${unitId}`,
        title: unit?.staffed === false ? `${name}（无人在岗）` : name,
        label: name,
      }
    }
    return [
      ...options.groups.map((group) => ({
        value: `${GROUP}${group.label}`,
        title: `${group.label}（${group.unitIds.length}个单位）`,
        label: group.label,
        children: group.unitIds.map(leaf),
      })),
      ...options.units.filter((unit) => !grouped.has(unit.id)).map((unit) => leaf(unit.id)),
    ]
  }, [options])
  const label = role === 'main' ? '主送' : '抄送'

  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <TreeSelect
        id={id}
        aria-label={`${label}本辖区单位`}
        value={current.chosen}
        onChange={(chosen: string[]) => onChange?.({ ...current, chosen })}
        treeData={treeData}
        treeCheckable
        showCheckedStrategy={TreeSelect.SHOW_PARENT}
        treeNodeLabelProp="label"
        treeNodeFilterProp="label"
        showSearch
        // Open while the units load: the nodes appear in the open list when they arrive.
        loading={!options}
        notFoundContent={options ? '没有匹配的单位' : '正在加载本辖区单位…'}
        placeholder="选择本辖区的单位或分发组（勾选整组或展开后选单位）"
        maxTagCount="responsive"
        style={{ width: '100%' }}
        popupMatchSelectWidth
      />
      <Select
        aria-label={`${label}外部单位`}
        mode="tags"
        open={false}
        suffixIcon={null}
        value={current.outside}
        onChange={(outside: string[]) => onChange?.({ ...current, outside })}
        placeholder="其他机关（上级机关等，纸质分送）：输入名称后按回车"
        style={{ width: '100%' }}
      />
    </Space>
  )
}
