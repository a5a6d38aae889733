import { Radio, Select } from 'antd'
import type { LedgerState, SupervisionFilter } from '../../api/supervision.ts'
import { LEDGER_STATE_LABELS, SOURCE_OPTIONS } from './supervision-labels.ts'
import { Form } from '../../components/form.tsx'

const STATE_OPTIONS = [
  { value: 'all', label: '全部' },
  ...Object.entries(LEDGER_STATE_LABELS).map(([value, label]) => ({ value, label })),
]

/** 状态, 来源 and 单位 (牵头或配合); the Excel export takes the same filter. */
export function LedgerFilters({
  filter,
  departments,
  departmentsLoading,
  onChange,
}: {
  filter: SupervisionFilter
  departments: { value: string; label: string }[]
  departmentsLoading: boolean
  onChange: (filter: SupervisionFilter) => void
}) {
  return (
    <Form layout="inline" style={{ rowGap: 12 }}>
      <Form.Item label="状态">
        <Radio.Group
          aria-label="状态"
          optionType="button"
          options={STATE_OPTIONS}
          value={filter.state ?? 'all'}
          onChange={(event) => {
            const state = event.target.value as LedgerState | 'all'
            onChange({ ...filter, state: state === 'all' ? undefined : state })
          }}
        />
      </Form.Item>
      <Form.Item label="来源" htmlFor="supervision-source">
        <Select
          id="supervision-source"
          allowClear
          placeholder="全部来源"
          style={{ width: 240 }}
          value={filter.source}
          options={SOURCE_OPTIONS}
          onChange={(source?: string) => onChange({ ...filter, source })}
        />
      </Form.Item>
      <Form.Item label="单位" htmlFor="supervision-department">
        <Select
          id="supervision-department"
          allowClear
          placeholder="全部单位"
          style={{ width: 220 }}
          loading={departmentsLoading}
          value={filter.departmentId}
          options={departments}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(departmentId?: string) => onChange({ ...filter, departmentId })}
        />
      </Form.Item>
    </Form>
  )
}
