import { Table, type TableColumnsType, Typography } from 'antd'
import type { Department, DepartmentKind } from '../../api/types.ts'
import { DEPARTMENT_KIND_LABELS } from '../../labels.ts'

const columns: TableColumnsType<Department> = [
  { title: '名称', dataIndex: 'name', key: 'name' },
  {
    title: '类型',
    dataIndex: 'kind',
    key: 'kind',
    render: (kind: DepartmentKind) => DEPARTMENT_KIND_LABELS[kind] ?? kind,
    filters: Object.entries(DEPARTMENT_KIND_LABELS).map(([value, text]) => ({ value, text })),
    onFilter: (value, department) => department.kind === value,
  },
  {
    title: '分管领导',
    key: 'overseers',
    render: (_, department) =>
      department.overseers.length === 0 ? (
        <Typography.Text type="secondary">—</Typography.Text>
      ) : (
        department.overseers.map((overseer) => overseer.title).join('、')
      ),
  },
]

export function DepartmentsTable({
  departments,
  loading,
}: {
  departments: Department[]
  loading: boolean
}) {
  return (
    <Table
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={departments}
      loading={loading}
      pagination={false}
      locale={{ emptyText: '没有部门' }}
    />
  )
}
