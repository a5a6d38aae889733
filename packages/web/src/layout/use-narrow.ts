import { useSyncExternalStore } from 'react'

/**
 * Below Ant Design's `lg` breakpoint (992 px) the side menu gives way to a drawer, the header
 * shrinks and pages lay their parts out for a phone. Read synchronously from the media query so
 * the first render is already the right layout.
 */
export const NARROW_QUERY = '(max-width: 991.98px)'

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW_QUERY)
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}

function isNarrow(): boolean {
  return window.matchMedia(NARROW_QUERY).matches
}

/** True on a phone or a small tablet: the width is below the side menu's breakpoint. */
export function useNarrow(): boolean {
  return useSyncExternalStore(subscribe, isNarrow, () => false)
}
