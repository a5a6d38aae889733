import { citationOf, runDecision } from '@zhengling/rules'
import { type CoverageReport } from '@zhengling/rules'
import { WORKFLOW_QUESTIONS } from '@zhengling/app'
import { contextFor, coverageOf, type RulebookLibrary, runConformance } from '@zhengling/rulebooks'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { errorBody, HttpError } from '../errors.ts'
import {
  asOfQuery,
  coverageResponse,
  decisionInput,
  decisionParams,
  decisionResult,
  jurisdictionParams,
  rulebookDetail,
  rulebookSummary,
} from './rulebooks.contract.ts'

const STATUS_OF = {
  UNKNOWN_JURISDICTION: 404,
  NO_VERSION_IN_FORCE: 404,
  UNKNOWN_DECISION: 404,
  RULE_NOT_FOUND: 422,
  INVALID_INPUT: 400,
} as const

function resolve(library: RulebookLibrary, jurisdiction: string, asOf?: string) {
  const resolved = contextFor(library, jurisdiction, asOf)
  if (!resolved.ok) throw new HttpError(STATUS_OF[resolved.code], resolved.code, resolved.message)
  return resolved.context
}

/** Routes parse, call the rules core, and return; the rules core decides. */
export function rulebookRoutes(library: RulebookLibrary): FastifyPluginAsyncZod {
  // Coverage runs every conformance case (about a second); the library never changes while the
  // server runs, so the first request computes it for all.
  let coverage: CoverageReport[] | undefined
  return async (app) => {
    app.get(
      '/api/rulebooks/:jurisdiction/coverage',
      {
        schema: {
          summary:
            '条文覆盖：每条是否操作性、由哪些规则编码、是否有通过的用例，操作性条文是流程执行、仅决策还是非软件事项',
          params: jurisdictionParams,
          response: { 200: coverageResponse, 404: errorBody },
        },
      },
      async (request) => {
        const { jurisdiction } = request.params
        coverage ??= coverageOf(library, runConformance(library), WORKFLOW_QUESTIONS)
        const report = coverage.find((candidate) => candidate.jurisdiction === jurisdiction)
        const map = library.coverage.get(jurisdiction)?.data
        if (!report || !map)
          throw new HttpError(
            404,
            'UNKNOWN_JURISDICTION',
            `没有这个辖区的条文覆盖图：${jurisdiction}`,
          )
        return {
          jurisdiction,
          seed: report.seed,
          totals: report.totals,
          articles: report.articles.map((article, index) => ({
            number: article.number,
            chapter: map.articles[index]?.chapter ?? null,
            class: article.class,
            gist: article.gist,
            note: map.articles[index]?.note ?? null,
            rules: article.rules,
            testedRules: article.testedRules,
            workflowRules: article.workflowRules,
            status: article.status,
            notForSoftware: article.notForSoftware,
          })),
        }
      },
    )

    app.get(
      '/api/rulebooks',
      { schema: { summary: '已编入的辖区规则库', response: { 200: rulebookSummary.array() } } },
      async () =>
        [...library.jurisdictions].map(([jurisdiction, versions]) => {
          const { book } = versions[versions.length - 1] as (typeof versions)[number]
          return {
            jurisdiction,
            name: book.jurisdiction?.name ?? book.title,
            version: book.version,
            effectiveFrom: book.effectiveFrom,
            rules: book.rules.length,
          }
        }),
    )

    app.get(
      '/api/rulebooks/:jurisdiction',
      {
        schema: {
          summary: '一个辖区的规则库（含引用条文）',
          params: jurisdictionParams,
          querystring: asOfQuery,
          response: { 200: rulebookDetail, 404: errorBody },
        },
      },
      async (request) => {
        const { rulebook } = resolve(library, request.params.jurisdiction, request.query.asOf)
        return {
          jurisdiction: rulebook.id,
          title: rulebook.title,
          version: rulebook.version,
          effectiveFrom: rulebook.effectiveFrom,
          posts: [...rulebook.posts.values()].map(({ id, title, type }) => ({ id, title, type })),
          rules: rulebook.rules.map((rule) => ({
            id: rule.id,
            kind: rule.kind,
            title: rule.title,
            citation: citationOf(rule),
          })),
        }
      },
    )

    app.post(
      '/api/rulebooks/:jurisdiction/decisions/:decision',
      {
        schema: {
          summary: '按规则作出判定，并给出依据条文',
          params: decisionParams,
          querystring: asOfQuery,
          body: decisionInput,
          response: { 200: decisionResult, 400: errorBody, 404: errorBody, 422: errorBody },
        },
      },
      async (request) => {
        const context = resolve(library, request.params.jurisdiction, request.query.asOf)
        const outcome = runDecision(context, request.params.decision, request.body)
        if (!outcome.ok) {
          throw new HttpError(
            STATUS_OF[outcome.error.code],
            outcome.error.code,
            outcome.error.message,
            outcome.error.issues,
          )
        }
        return outcome.result
      },
    )
  }
}
