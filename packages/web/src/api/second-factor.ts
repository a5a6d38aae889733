import { request } from './client.ts'
import type { Me } from './types.ts'

/** A correct password that still needs a second step (the server answered 202). */
export interface PendingLogin {
  secondFactor: 'verify' | 'enrol'
  challenge: string
  expiresAt: string
}

export interface Enrolment {
  secret: string
  otpauthUri: string
  qrDataUrl: string
}

export interface ConfirmedEnrolment {
  recoveryCodes: string[]
  session: Me | null
}

export interface SecondFactorStatus {
  active: boolean
  required: boolean
  recoveryCodesLeft: number
}

export const isPendingLogin = (answer: Me | PendingLogin): answer is PendingLogin =>
  'secondFactor' in answer

export const verifySecondFactor = (challenge: string, code: string) =>
  request<Me>('POST', '/api/session/second-factor', {
    body: { challenge, code },
    allowUnauthorized: true,
  })

export const startLoginEnrolment = (challenge: string) =>
  request<Enrolment>('POST', '/api/session/enrolment', {
    body: { challenge },
    allowUnauthorized: true,
  })

export const confirmLoginEnrolment = (challenge: string, code: string) =>
  request<ConfirmedEnrolment>('POST', '/api/session/enrolment/confirm', {
    body: { challenge, code },
    allowUnauthorized: true,
  })

export const fetchSecondFactor = () =>
  request<SecondFactorStatus>('GET', '/api/account/second-factor')

export const startOwnEnrolment = () =>
  request<Enrolment>('POST', '/api/account/second-factor/enrolment')

export const confirmOwnEnrolment = (code: string) =>
  request<ConfirmedEnrolment>('POST', '/api/account/second-factor/confirm', { body: { code } })

/** The security admin requires (or no longer requires) a second factor of an account. */
export const setSecondFactorRequired = (accountId: string, required: boolean) =>
  request<{ required: boolean }>('PUT', `/api/admin/accounts/${accountId}/second-factor`, {
    body: { required },
  })

/** The security admin removes an account's factor (a lost phone); its sessions end. */
export const resetSecondFactor = (accountId: string) =>
  request<{ revokedSessions: number }>('DELETE', `/api/admin/accounts/${accountId}/second-factor`)
