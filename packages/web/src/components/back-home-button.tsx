import { Button } from 'antd'
import { useNavigate } from 'react-router-dom'

export function BackHomeButton() {
  const navigate = useNavigate()
  return (
    <Button type="primary" onClick={() => navigate('/')}>
      返回工作台
    </Button>
  )
}
