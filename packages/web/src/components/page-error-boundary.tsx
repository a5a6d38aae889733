import { Button, Result } from 'antd'
import { Component, type ReactNode } from 'react'

interface State {
  failed: boolean
}

/**
 * A page that throws while rendering, or whose code cannot be loaded (typically after a new
 * version was deployed), shows this instead of a blank screen.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false }

  static getDerivedStateFromError(): State {
    return { failed: true }
  }

  override render() {
    if (!this.state.failed) return this.props.children
    return (
      <Result
        status="error"
        title="页面加载失败"
        subTitle="系统可能刚刚更新，请刷新页面后重试。"
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            刷新页面
          </Button>
        }
      />
    )
  }
}
