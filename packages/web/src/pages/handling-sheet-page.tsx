import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons'
import { Button, Flex, Typography } from 'antd'
import { useEffect, useSyncExternalStore } from 'react'
import { Link, useParams } from 'react-router-dom'
import { fetchHandlingSheet } from '../api/leader-desk.ts'
import { useLoad } from '../api/use-load.ts'
import { ForbiddenResult } from '../components/forbidden-result.tsx'
import { LoadError } from '../components/load-error.tsx'
import { PageLoading } from '../components/page-loading.tsx'
import { useMe } from '../session/session-context.ts'
import { SHEET_CSS } from './handling-sheet/sheet-styles.ts'
import { SheetTable } from './handling-sheet/sheet-table.tsx'

/**
 * The 文件处理笺 (收文) or 发文稿纸 (发文) of a document, on its own page so that it prints
 * alone on A4: the browser's print (or 另存为 PDF) gives the paper sheet.
 */
export function HandlingSheetPage() {
  const me = useMe()
  if (me.adminRole) return <ForbiddenResult reason="管理员不办理公文，不能查看公文" />
  return <SheetView />
}

function SheetView() {
  const id = useParams().id ?? ''
  const sheet = useLoad(`handling-sheet:${id}`, (signal) => fetchHandlingSheet(id, signal))
  const narrow = usePhoneWidth()
  useEffect(() => {
    if (sheet.data) document.title = `${sheet.data.heading} - 政令`
  }, [sheet.data])

  return (
    <div className="handling-sheet-page">
      <style>{SHEET_CSS}</style>
      <Flex className="no-print" justify="space-between" align="center" wrap gap={8}>
        <Link to={`/documents/${encodeURIComponent(id)}`}>
          <Button icon={<ArrowLeftOutlined aria-hidden />}>返回公文</Button>
        </Link>
        <Button
          type="primary"
          icon={<PrinterOutlined aria-hidden />}
          disabled={!sheet.data}
          onClick={() => window.print()}
        >
          打印
        </Button>
      </Flex>
      {sheet.error && <LoadError error={sheet.error} onRetry={sheet.reload} />}
      {sheet.loading && !sheet.data && <PageLoading />}
      {sheet.data && (
        <>
          <SheetTable sheet={sheet.data} narrow={narrow} />
          <Typography.Paragraph className="no-print" type="secondary" style={{ marginTop: 12 }}>
            当前状态：{sheet.data.state}。打印时只印处理笺（A4）；也可在打印对话框中另存为 PDF。
          </Typography.Paragraph>
        </>
      )}
    </div>
  )
}

/**
 * A phone's width (not the menu's breakpoint): an A4 page prints about 650 px wide, so the sheet
 * keeps its four columns on paper even while the page is laid out for printing.
 */
const PHONE_QUERY = '(max-width: 600px)'

function usePhoneWidth(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const query = window.matchMedia(PHONE_QUERY)
      query.addEventListener('change', onChange)
      return () => query.removeEventListener('change', onChange)
    },
    () => window.matchMedia(PHONE_QUERY).matches,
    () => false,
  )
}
