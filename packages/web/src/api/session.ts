import { request } from './client.ts'
import type { PendingLogin } from './second-factor.ts'
import type { Me, Revoked } from './types.ts'

export const fetchMe = () => request<Me>('GET', '/api/session', { allowUnauthorized: true })

/** A session (200), or the second step a correct password still needs (202). */
export const logIn = (username: string, password: string) =>
  request<Me | PendingLogin>('POST', '/api/session', {
    body: { username, password },
    allowUnauthorized: true,
  })

export const switchPost = (postId: string) =>
  request<Me>('PUT', '/api/session/post', { body: { postId } })

export const logOut = () => request<Revoked>('DELETE', '/api/session', { allowUnauthorized: true })

export const logOutEverywhere = () => request<Revoked>('POST', '/api/session/revoke-all')
