import type { FastifyInstance } from 'fastify'

/**
 * The Content-Security-Policy of every response (pages, API, static files, errors). Scripts
 * only from this origin, never inline (the built index.html and the Swagger UI page load theirs
 * from files). Styles allow 'unsafe-inline': Ant Design writes its CSS-in-JS into <style> tags
 * at run time and index.html carries a small <style> block; a nonce per response would need a
 * server-rendered page. Images also from data: and blob: URLs (icons, the TOTP enrolment QR).
 * No plug-ins, no <base> elsewhere, forms post here only, and no framing by anyone.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/** The headers every response carries (ADR 0024). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  // For browsers that predate frame-ancestors.
  'x-frame-options': 'DENY',
  // Addresses name documents and people: no part of them leaves with a link followed elsewhere.
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
}

/**
 * Sets {@link SECURITY_HEADERS} on every response, at the first hook, so refusals, 404s, the
 * web app's files and the API documentation carry them as well as the API's answers.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(SECURITY_HEADERS)
  })
}
