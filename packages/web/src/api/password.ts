import { request } from './client.ts'

export interface SecuritySettings {
  /** 0 = passwords do not expire. */
  passwordExpiryDays: number
  passwordHistoryCount: number
  maxSessionsPerAccount: number
}

export interface SecuritySettingsView extends SecuritySettings {
  updatedBy: string | null
  updatedAt: string | null
}

export const changePassword = (currentPassword: string, newPassword: string) =>
  request<{ revokedOtherSessions: number }>('PUT', '/api/session/password', {
    body: { currentPassword, newPassword },
  })

export const fetchSecuritySettings = (signal?: AbortSignal) =>
  request<SecuritySettingsView>('GET', '/api/admin/security-settings', { signal })

export const saveSecuritySettings = (settings: SecuritySettings) =>
  request<SecuritySettingsView>('PUT', '/api/admin/security-settings', { body: settings })
