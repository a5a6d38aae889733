import { DownloadOutlined } from '@ant-design/icons'
import { Button, DatePicker, Flex, Typography } from 'antd'
import type { Dayjs } from 'dayjs'
import dayjs from 'dayjs'
import { useState } from 'react'
import { auditExportUrl } from '../../api/audit.ts'
import { Form } from '../../components/form.tsx'
import { DATE_FORMAT } from '../../format.ts'

/**
 * 导出: one chain's records of a date range as a signed file (JSON lines with an SM2 signature,
 * ADR 0020), checked with `zhengling audit verify --file`. A plain link: the cookie goes with it.
 */
export function AuditExport({ chain }: { chain: string }) {
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(30, 'day'), dayjs()])
  const [from, to] = range.map((day) => day.format(DATE_FORMAT)) as [string, string]
  return (
    <Flex gap={12} wrap align="center">
      <Form layout="inline">
        <Form.Item label="导出日期" htmlFor="audit-export-dates" style={{ marginInlineEnd: 0 }}>
          <DatePicker.RangePicker
            id="audit-export-dates"
            format={DATE_FORMAT}
            value={range}
            allowClear={false}
            onChange={(dates) => {
              if (dates?.[0] && dates[1]) setRange([dates[0], dates[1]])
            }}
          />
        </Form.Item>
      </Form>
      <Button
        icon={<DownloadOutlined aria-hidden />}
        href={auditExportUrl(chain, from, to)}
        download
      >
        导出签名文件
      </Button>
      <Typography.Text type="secondary">
        含 SM2 签名，可用 zhengling audit verify --file 校验
      </Typography.Text>
    </Flex>
  )
}
