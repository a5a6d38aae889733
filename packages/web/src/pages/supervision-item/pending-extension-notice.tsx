import { Alert } from 'antd'
import type { SupervisionItem } from '../../api/supervision.ts'
import { formatShanghaiTime } from '../../format.ts'

/** An extension waiting for the supervision office: everyone following the item sees it. */
export function PendingExtensionNotice({
  extension,
}: {
  extension: NonNullable<SupervisionItem['pendingExtension']>
}) {
  return (
    <Alert
      type="warning"
      showIcon
      title={`牵头单位申请将办理时限延至 ${extension.requestedDue}，待督查部门审核`}
      description={
        <>
          <div style={{ whiteSpace: 'pre-wrap' }}>理由：{extension.reason}</div>
          <div>申请时间：{formatShanghaiTime(extension.requestedAt)}</div>
        </>
      }
    />
  )
}
