import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons'
import { App, Button, Input, List, Modal, Space, Typography } from 'antd'
import { useState } from 'react'
import { saveInstructionPhrases } from '../../api/leader-desk.ts'
import { useSubmit } from '../../api/use-submit.ts'
import { SubmitError } from '../../components/submit-error.tsx'

const PHRASE_MAX = 100
const PHRASES_MAX = 30

/** The person's own 常用批示语: add, remove, move up or down, then save the list as it stands. */
export function PhraseManager({
  initial,
  onClose,
}: {
  initial: string[]
  onClose: (changed: boolean) => void
}) {
  const { message } = App.useApp()
  const [phrases, setPhrases] = useState(initial)
  const [draft, setDraft] = useState('')
  const { submitting, error, submit } = useSubmit()
  const text = draft.trim()
  const duplicate = phrases.includes(text)

  function move(index: number, by: -1 | 1) {
    const next = [...phrases]
    const [item] = next.splice(index, 1)
    if (item === undefined) return
    next.splice(index + by, 0, item)
    setPhrases(next)
  }

  function add() {
    if (!text || duplicate || phrases.length >= PHRASES_MAX) return
    setPhrases([...phrases, text])
    setDraft('')
  }

  function save() {
    void submit(async () => {
      await saveInstructionPhrases(phrases)
      message.success('常用语已保存')
      onClose(true)
    })
  }

  return (
    <Modal
      open
      title="管理常用批示语"
      okText="保存"
      cancelText="取消"
      confirmLoading={submitting}
      onOk={save}
      onCancel={() => onClose(false)}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          仅本人可见。点击常用语即可写入批示、拟办、核稿、签发意见；“某某”请写入后改为具体单位或人员。
        </Typography.Text>
        <List
          size="small"
          bordered
          dataSource={phrases}
          locale={{ emptyText: '暂无常用语' }}
          renderItem={(phrase, index) => (
            <List.Item
              actions={[
                <Button
                  key="up"
                  size="small"
                  type="text"
                  aria-label={`上移：${phrase}`}
                  icon={<ArrowUpOutlined />}
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                />,
                <Button
                  key="down"
                  size="small"
                  type="text"
                  aria-label={`下移：${phrase}`}
                  icon={<ArrowDownOutlined />}
                  disabled={index === phrases.length - 1}
                  onClick={() => move(index, 1)}
                />,
                <Button
                  key="remove"
                  size="small"
                  type="text"
                  danger
                  aria-label={`删除：${phrase}`}
                  icon={<DeleteOutlined />}
                  onClick={() => setPhrases(phrases.filter((_, i) => i !== index))}
                />,
              ]}
            >
              <Typography.Text style={{ wordBreak: 'break-all' }}>{phrase}</Typography.Text>
            </List.Item>
          )}
        />
        <Space.Compact style={{ width: '100%' }}>
          <Input
            aria-label="新的常用语"
            placeholder="输入新的常用语"
            maxLength={PHRASE_MAX}
            showCount
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onPressEnter={add}
          />
          <Button onClick={add} disabled={!text || duplicate || phrases.length >= PHRASES_MAX}>
            添加
          </Button>
        </Space.Compact>
        {duplicate && text && <Typography.Text type="warning">已有这条常用语</Typography.Text>}
        {phrases.length >= PHRASES_MAX && (
          <Typography.Text type="warning">最多保存 {PHRASES_MAX} 条常用语</Typography.Text>
        )}
        {error && <SubmitError error={error} />}
      </Space>
    </Modal>
  )
}
