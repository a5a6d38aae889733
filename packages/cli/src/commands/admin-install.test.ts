import assert from 'node:assert/strict'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { captureOutput } from '../test-support/capture-output.ts'
import { adminInstall, adminResetPassword } from './admin-install.ts'
import { auditVerify } from './audit-verify.ts'

const capture = captureOutput

describe('zhengling admin install', () => {
  it('creates each administrator once, under the password policy, audited', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'zhengling-admin-'))
    const env = { ZHENGLING_DATA_DIR: dataDir, ZHENGLING_ADMIN_PASSWORD: 'Install-Day-2026!' }

    const noPassword = capture()
    assert.equal(
      await adminInstall(noPassword.output, 'systemAdmin', 'sysadmin', {
        ZHENGLING_DATA_DIR: dataDir,
      }),
      2,
    )
    assert.match(noPassword.text(), /ZHENGLING_ADMIN_PASSWORD/)

    const weak = capture()
    const weakEnv = { ...env, ZHENGLING_ADMIN_PASSWORD: 'password' }
    assert.equal(await adminInstall(weak.output, 'systemAdmin', 'sysadmin', weakEnv), 1)
    assert.match(weak.text(), /密码不符合要求/)

    const unknown = capture()
    assert.equal(await adminInstall(unknown.output, 'rootAdmin', 'root', env), 1)
    assert.match(unknown.text(), /没有这个管理员角色/)

    const created = capture()
    assert.equal(await adminInstall(created.output, 'systemAdmin', 'sysadmin', env), 0)
    assert.match(created.text(), /已创建管理员账户：sysadmin/)

    const again = capture()
    assert.equal(await adminInstall(again.output, 'systemAdmin', 'sysadmin2', env), 1)
    assert.match(again.text(), /账户已存在/)

    const reset = capture()
    const resetEnv = { ...env, ZHENGLING_ADMIN_PASSWORD: 'Second-Day-2026!' }
    assert.equal(await adminResetPassword(reset.output, 'sysadmin', resetEnv), 0)
    assert.match(reset.text(), /已重置 sysadmin 的密码/)
    const nobody = capture()
    assert.equal(await adminResetPassword(nobody.output, 'nobody', resetEnv), 1)
    assert.match(nobody.text(), /没有这个账户：nobody/)

    const verified = capture()
    assert.equal(await auditVerify(verified.output, 'deployment', env), 0)
    assert.match(verified.text(), /deployment：2 条审计记录，链完整/)
  })
})
