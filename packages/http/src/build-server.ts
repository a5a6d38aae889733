import cookie from '@fastify/cookie'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import fastifyStatic from '@fastify/static'
import {
  ConflictError,
  DomainError,
  InvalidInputError,
  LoginError,
  NotFoundError,
  NotPermittedError,
  type AuditSigner,
  type PdfConverter,
  RuleRefusedError,
  SessionError,
} from '@zhengling/app'
import type { RulebookLibrary } from '@zhengling/rulebooks'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyServerOptions,
} from 'fastify'
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod'
import { z } from 'zod'
import { databaseRefusal, errorOf, fieldLabel, frameworkRefusal, HttpError } from './errors.ts'
import { LIMITS, refuseControlCharacters } from './routes/contract-fields.ts'
import { registerSecurityHeaders, SECURITY_HEADERS } from './security-headers.ts'
import { registerReadYourWrites } from './read-your-writes.ts'
import { accountRoutes } from './routes/accounts.ts'
import { calendarRoutes } from './routes/calendar.ts'
import { createCalendarLayers, loadActivatedNotices } from './calendar-layers.ts'
import { auditRoutes } from './routes/audit.ts'
import { documentCirculationRoutes } from './routes/document-circulation.ts'
import { documentDistributionRoutes } from './routes/document-distribution.ts'
import { documentRegisterRoutes } from './routes/document-register.ts'
import { documentFileRoutes } from './routes/document-files.ts'
import { documentReceiptRoutes } from './routes/document-receipts.ts'
import { documentRoutes } from './routes/documents.ts'
import { leaderDeskRoutes } from './routes/leader-desk.ts'
import { actingDutyRoutes } from './routes/acting-duty.ts'
import { leaderCalendarRoutes } from './routes/leader-calendar.ts'
import { jurisdictionRoutes } from './routes/jurisdictions.ts'
import { meetingRoutes } from './routes/meetings.ts'
import { type NotificationRouteOptions, notificationRoutes } from './routes/notifications.ts'
import { supervisionRoutes } from './routes/supervision.ts'
import { absenceRoutes } from './routes/absences.ts'
import { eventRequestRoutes } from './routes/event-requests.ts'
import { abroadFollowUpRoutes } from './routes/abroad-follow-ups.ts'
import { dutyRosterRoutes } from './routes/duty-rosters.ts'
import { incidentRoutes } from './routes/incidents.ts'
import { dutyLogRoutes } from './routes/duty-log.ts'
import { dutyStreamRoutes } from './routes/duty-stream.ts'
import { opinionRoutes } from './routes/opinions.ts'
import { workbenchRoutes } from './routes/workbench.ts'
import { organisationRoutes } from './routes/organisation.ts'
import { rulebookRoutes } from './routes/rulebooks.ts'
import { type SessionRouteDeps, sessionRoutes } from './routes/session.ts'
import { secondFactorRoutes } from './routes/second-factor.ts'
import { passwordRoutes } from './routes/password.ts'

export interface ServerOptions {
  library: RulebookLibrary
  logger?: FastifyServerOptions['logger']
  /** With a database, the server also offers sign-in and sessions. */
  sessions?: SessionRouteDeps
  /** The built web app (packages/web/dist), served at / with client-side routes falling back to index.html. */
  webRoot?: string
  /**
   * DOCX → PDF for /api/documents/:id/pdf. Undefined: LibreOffice if `soffice` is on the PATH;
   * null: none (the route answers 503).
   */
  convertToPdf?: PdfConverter | null
  /** 消息中心: the outside channels configured and the live stream's beat. */
  notifications?: NotificationRouteOptions
  /** The SM2 audit key (ZHENGLING_AUDIT_KEY, ADR 0020) signing audit exports; none: refused. */
  auditSigner?: AuditSigner
  /**
   * Called with the bare server before any hook or route is added: the bench's profiling mode
   * hooks in here (onRoute, to time each layer of a request; ADR 0031).
   */
  instrument?: (app: FastifyInstance) => void
}

const CONTEXT_LABELS: Record<string, string> = {
  body: '请求体',
  querystring: '查询参数',
  params: '路径参数',
  headers: '请求头',
}

/** Domain errors from the application layer, mapped to HTTP here and nowhere else. */
function statusOf(error: DomainError): number {
  if (error instanceof NotPermittedError) return 403
  if (error instanceof NotFoundError) return 404
  if (error instanceof ConflictError) return 409
  return 422
}

/**
 * The HTTP server: schemas on every route, OpenAPI at /api/docs, and one error format. Nothing a
 * client sends can produce a 500: bad input is a 4xx saying what was wrong.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: LIMITS.requestBytes,
    // Refusals the router makes before any route or error handler runs (a broken percent-encoding,
    // a path parameter past maxParamLength): the same Chinese error shape (ADR 0023).
    frameworkErrors: (error, request, reply) => {
      const refusal = frameworkRefusal(error, request.headers['content-type']) ?? {
        statusCode: 400,
        code: 'BAD_REQUEST',
        message: '请求无法处理',
      }
      void (reply as FastifyReply)
        .headers(SECURITY_HEADERS)
        .status(refusal.statusCode)
        .send(errorOf(refusal.code, refusal.message))
    },
  })
  options.instrument?.(app)
  // CSP, frame-ancestors, Referrer-Policy and nosniff on every response (ADR 0024).
  registerSecurityHeaders(app)
  // Every string of every request (body, query, path) is refused with a control character
  // (bidi overrides and the like) before the route's own contract reads it: one rule, every field.
  app.setValidatorCompiler((route) =>
    validatorCompiler({
      ...route,
      schema: z
        .unknown()
        .superRefine(refuseControlCharacters)
        .pipe(route.schema as z.ZodType),
    }),
  )
  app.setSerializerCompiler(serializerCompiler)

  await app.register(swagger, {
    openapi: { info: { title: '政令 Zhengling API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs' })

  app.setErrorHandler((error, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((issue) => ({
        path: String(issue.instancePath ?? ''),
        message: issue.message ?? '取值无效',
      }))
      return reply.status(400).send(
        errorOf(
          'INVALID_INPUT',
          // Say what was wrong in the message itself: clients often show only the message.
          `请求有误（${CONTEXT_LABELS[error.validationContext ?? ''] ?? '参数'}）：${issues.map((issue) => (fieldLabel(issue.path) ? `${fieldLabel(issue.path)}：${issue.message}` : issue.message)).join('；')}`,
          issues,
        ),
      )
    }
    if (error instanceof DomainError) {
      const issues =
        error instanceof InvalidInputError && error.issues.length ? error.issues : undefined
      const citations =
        error instanceof RuleRefusedError ||
        (error instanceof NotPermittedError && error.citations.length > 0)
          ? error.citations
          : undefined
      return reply
        .status(statusOf(error))
        .send(errorOf(error.code, error.message, issues, citations))
    }
    if (error instanceof SessionError)
      return reply.status(401).send(errorOf(error.code, error.message))
    if (error instanceof LoginError)
      return reply.status(401).send(errorOf(error.code, error.message))
    if (error instanceof HttpError) {
      return reply.status(error.statusCode).send(errorOf(error.code, error.message, error.issues))
    }
    // The framework's own refusals (too large, wrong content type, broken JSON…), in Chinese.
    const refusal = frameworkRefusal(error, request.headers['content-type'])
    if (refusal)
      return reply.status(refusal.statusCode).send(errorOf(refusal.code, refusal.message))
    // A value the contracts let through but the database refused (ADR 0023): a 400, logged.
    const refused = databaseRefusal(error)
    if (refused) {
      request.log.warn({ err: error }, 'value refused by the database')
      return reply.status(refused.statusCode).send(errorOf(refused.code, refused.message))
    }
    request.log.error({ err: error }, 'unhandled error')
    return reply.status(500).send(errorOf('INTERNAL', '服务器内部错误，已记录，请稍后重试'))
  })
  const web =
    options.webRoot && existsSync(join(options.webRoot, 'index.html')) ? options.webRoot : undefined
  if (web) await app.register(fastifyStatic, { root: web, wildcard: false, index: 'index.html' })
  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: any other page address gets the app itself.
    // A missing asset stays a 404: answering it with the page would hide a stale deployment.
    const path = request.url.split('?')[0] ?? ''
    if (web && request.method === 'GET' && !path.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(path))
      return reply.type('text/html').sendFile('index.html')
    return reply
      .status(404)
      .send(errorOf('NOT_FOUND', `没有这个接口：${request.method} ${request.url.split('?')[0]}`))
  })

  app.get('/api/health', { schema: { summary: '健康检查' } }, async () => ({ status: 'ok' }))
  await app.register(cookie)
  // With a hot standby (DATABASE_READ_URL): its pages read there, the writer's own writes seen.
  if (options.sessions) registerReadYourWrites(app, options.sessions.db, options.sessions)
  await app.register(rulebookRoutes(options.library))
  if (options.sessions) {
    await app.register(sessionRoutes(options.sessions))
    await app.register(secondFactorRoutes(options.sessions))
    await app.register(organisationRoutes(options.sessions))
    await app.register(jurisdictionRoutes(options.sessions))
    await app.register(auditRoutes({ ...options.sessions, signer: options.auditSigner }))
    await app.register(accountRoutes(options.sessions))
    await app.register(passwordRoutes(options.sessions))
    // Notices activated before this process started count from its first question on.
    await loadActivatedNotices(options.sessions.db, options.library)
    const calendar = createCalendarLayers(options.library)
    await app.register(calendarRoutes({ ...options.sessions, calendar }))
    await app.register(documentRoutes({ ...options.sessions, library: options.library }))
    await app.register(
      documentFileRoutes({
        ...options.sessions,
        library: options.library,
        convertToPdf: options.convertToPdf,
      }),
    )
    await app.register(documentRegisterRoutes({ ...options.sessions, library: options.library }))
    await app.register(documentReceiptRoutes({ ...options.sessions, library: options.library }))
    await app.register(documentCirculationRoutes({ ...options.sessions, library: options.library }))
    await app.register(
      documentDistributionRoutes({ ...options.sessions, library: options.library }),
    )
    await app.register(leaderDeskRoutes({ ...options.sessions, library: options.library }))
    await app.register(actingDutyRoutes({ ...options.sessions, library: options.library }))
    await app.register(leaderCalendarRoutes({ ...options.sessions, library: options.library }))
    await app.register(meetingRoutes({ ...options.sessions, library: options.library }))
    await app.register(supervisionRoutes({ ...options.sessions, library: options.library }))
    await app.register(absenceRoutes({ ...options.sessions, library: options.library }))
    await app.register(eventRequestRoutes({ ...options.sessions, library: options.library }))
    await app.register(abroadFollowUpRoutes({ ...options.sessions, library: options.library }))
    await app.register(dutyRosterRoutes({ ...options.sessions, library: options.library }))
    await app.register(incidentRoutes({ ...options.sessions, library: options.library }))
    await app.register(dutyLogRoutes({ ...options.sessions, library: options.library }))
    await app.register(
      notificationRoutes({ ...options.sessions, notifications: options.notifications }),
    )
    await app.register(opinionRoutes({ ...options.sessions, library: options.library }))
    await app.register(
      dutyStreamRoutes({
        ...options.sessions,
        library: options.library,
        notifications: options.notifications,
      }),
    )
    await app.register(workbenchRoutes({ ...options.sessions, library: options.library }))
  }
  return app
}
