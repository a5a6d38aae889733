import { request } from './client.ts'
import type { Me, Revoked } from './types.ts'

export const fetchMe = () => request<Me>('GET', '/api/session', { allowUnauthorized: true })

export const logIn = (username: string, password: string) =>
  request<Me>('POST', '/api/session', { body: { username, password }, allowUnauthorized: true })

export const switchPost = (postId: string) =>
  request<Me>('PUT', '/api/session/post', { body: { postId } })

export const logOut = () => request<Revoked>('DELETE', '/api/session', { allowUnauthorized: true })

export const logOutEverywhere = () => request<Revoked>('POST', '/api/session/revoke-all')
