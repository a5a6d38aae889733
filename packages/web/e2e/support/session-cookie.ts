import type { BrowserContext } from 'playwright-core'

/**
 * For a server running on a story's clock in the past: the browser runs on the real clock and
 * would drop at once a session cookie whose Expires lies in the server's past. The sign-in
 * response's cookie is kept as a browser-session cookie instead; the server still ends idle and
 * expired sessions on its own clock.
 */
export async function keepSessionCookie(context: BrowserContext): Promise<void> {
  await context.route('**/api/session', async (route) => {
    if (route.request().method() !== 'POST') return route.fallback()
    const response = await route.fetch()
    const headers = response
      .headersArray()
      .map(({ name, value }) =>
        name.toLowerCase() === 'set-cookie'
          ? { name, value: value.replace(/;\s*(expires|max-age)=[^;]*/gi, '') }
          : { name, value },
      )
    // Repeated headers (set-cookie) are joined by newlines, as route.fulfill takes them.
    const merged: Record<string, string> = {}
    for (const { name, value } of headers)
      merged[name] = merged[name] === undefined ? value : `${merged[name]}\n${value}`
    await route.fulfill({ response, headers: merged })
  })
}
