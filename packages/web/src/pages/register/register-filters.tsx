import { DownloadOutlined } from '@ant-design/icons'
import { Button, DatePicker, Flex, Input, Select } from 'antd'
import type { Dayjs } from 'dayjs'
import dayjs from 'dayjs'
import { registerExportUrl } from '../../api/register.ts'
import type { RegisterFilter } from '../../api/types.ts'
import { documentStateLabel } from '../../labels.ts'
import { Form } from '../../components/form.tsx'
import { DATE_FORMAT } from '../../format.ts'

/** States a line of each register may be in (a 收文 enters the register at 签收登记). */
const STATES: Record<RegisterFilter['direction'], string[]> = {
  incoming: [
    'registered',
    'returned',
    'accepted',
    'proposed',
    'instructed',
    'referred',
    'closed',
    'archived',
  ],
  outgoing: ['reviewing', 'awaitingSignature', 'signed', 'numbered', 'issued', 'archived'],
}

/** Date range (收文/拟稿日期), state and keyword; the Excel export takes the same filter. */
export function RegisterFilters({
  filter,
  onChange,
}: {
  filter: RegisterFilter
  onChange: (filter: RegisterFilter) => void
}) {
  const range: [Dayjs, Dayjs] | null =
    filter.from && filter.to ? [dayjs(filter.from), dayjs(filter.to)] : null
  const dateLabel = filter.direction === 'incoming' ? '收文日期' : '拟稿日期'

  return (
    <Flex gap={12} wrap align="end" justify="space-between">
      <Form layout="inline" style={{ rowGap: 12 }}>
        <Form.Item label={dateLabel} htmlFor="register-dates">
          <DatePicker.RangePicker
            id="register-dates"
            format={DATE_FORMAT}
            value={range}
            allowEmpty={[true, true]}
            onChange={(dates) =>
              onChange({
                ...filter,
                from: dates?.[0]?.format(DATE_FORMAT),
                to: dates?.[1]?.format(DATE_FORMAT),
              })
            }
          />
        </Form.Item>
        <Form.Item label="状态" htmlFor="register-state">
          <Select
            id="register-state"
            allowClear
            placeholder="全部"
            style={{ width: 160 }}
            value={filter.state}
            options={STATES[filter.direction].map((state) => ({
              value: state,
              label: documentStateLabel(state),
            }))}
            onChange={(state?: string) => onChange({ ...filter, state })}
          />
        </Form.Item>
        <Form.Item label="关键词" htmlFor="register-keyword">
          <Input.Search
            id="register-keyword"
            allowClear
            placeholder="标题、正文、文号"
            defaultValue={filter.q}
            maxLength={100}
            style={{ width: 240 }}
            onSearch={(q) => onChange({ ...filter, q: q.trim() || undefined })}
          />
        </Form.Item>
      </Form>
      <Button icon={<DownloadOutlined aria-hidden />} href={registerExportUrl(filter)} download>
        导出 Excel
      </Button>
    </Flex>
  )
}
