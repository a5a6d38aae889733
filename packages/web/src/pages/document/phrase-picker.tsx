import { Button, Space, Typography } from 'antd'
import { useState } from 'react'
import { fetchInstructionPhrases } from '../../api/leader-desk.ts'
import { useLoad } from '../../api/use-load.ts'
import { PhraseManager } from './phrase-manager.tsx'

/** Appends a phrase to what is written, as one more sentence. */
export function withPhrase(text: string | undefined, phrase: string): string {
  return `${text ?? ''}${phrase}`
}

/**
 * 常用批示语 under an opinion field: one click writes a phrase into it (the writer then edits
 * "某某"); 管理 opens the person's own list to add, remove and reorder.
 */
export function PhrasePicker({ onPick }: { onPick: (phrase: string) => void }) {
  const phrases = useLoad('instruction-phrases', (signal) => fetchInstructionPhrases(signal))
  const [managing, setManaging] = useState(false)

  return (
    <div role="group" aria-label="常用批示语">
      <Space size={[6, 6]} wrap>
        <Typography.Text type="secondary">常用语：</Typography.Text>
        {(phrases.data?.phrases ?? []).map((phrase) => (
          <Button key={phrase} size="small" onClick={() => onPick(phrase)}>
            {phrase}
          </Button>
        ))}
        {phrases.error && <Typography.Text type="danger">常用语加载失败</Typography.Text>}
        <Button size="small" type="link" onClick={() => setManaging(true)}>
          管理常用语
        </Button>
      </Space>
      {managing && phrases.data && (
        <PhraseManager
          initial={phrases.data.phrases}
          onClose={(changed) => {
            setManaging(false)
            if (changed) phrases.reload()
          }}
        />
      )}
    </div>
  )
}
