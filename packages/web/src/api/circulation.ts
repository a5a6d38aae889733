import { request } from './client.ts'
import type { CirculationView } from './types.ts'

const circulationPath = (id: string, act: string) =>
  `/api/documents/${encodeURIComponent(id)}/${act}`

/** The read receipts of the document's 传阅, and whether the current post may circulate it. */
export const fetchCirculation = (id: string, signal?: AbortSignal) =>
  request<CirculationView>('GET', circulationPath(id, 'circulation'), { signal })

/** 传阅 to the chosen posts: each gets a 待阅. */
export const circulateDocument = (id: string, circulation: { postIds: string[]; note?: string }) =>
  request<CirculationView>('POST', circulationPath(id, 'circulate'), { body: circulation })
