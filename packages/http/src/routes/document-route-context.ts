import { randomUUID } from 'node:crypto'
import type { DocumentDeps } from '@zhengling/app'
import { createInTransaction, createRepositories } from '@zhengling/db'
import type { RulebookLibrary } from '@zhengling/rulebooks'
import { requireSession } from '../auth.ts'
import { errorBody } from '../errors.ts'
import { createRulesPort } from '../rules-port.ts'
import type { SessionRouteDeps } from './session.ts'

/** What a document route may answer besides success, for its OpenAPI schema. */
export const DOCUMENT_REFUSALS = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  422: errorBody,
}

/**
 * What every document route file needs: repositories for reads, the rules port, the command
 * dependencies (one transaction per act) and the signed-in check.
 */
export function documentRouteContext(deps: SessionRouteDeps & { library: RulebookLibrary }) {
  const repositories = createRepositories(deps.db)
  const rules = createRulesPort(deps.library)
  const commands: DocumentDeps = {
    inTransaction: createInTransaction(deps.db),
    hasher: deps.hasher,
    now: deps.now,
    newId: randomUUID,
    rules,
  }
  const signedIn = requireSession({ identity: () => repositories.identity, now: deps.now })
  return { repositories, rules, commands, signedIn }
}
