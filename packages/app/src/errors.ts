import type { Citation } from '@zhengling/rules'

/**
 * Domain errors: a machine code and a Chinese message. The HTTP edge maps each class to a status;
 * the application layer never speaks HTTP.
 */
export class DomainError extends Error {
  readonly code: string
  constructor(code: string, message: string) {
    super(message)
    this.code = code
  }
}

/**
 * The actor may not do this (wrong post, wrong role, another jurisdiction). When a rule decides
 * who may (the office keeps the 登记簿, 条例第五条), the refusal carries its articles.
 */
export class NotPermittedError extends DomainError {
  readonly citations: Citation[]
  constructor(code: string, message: string, citations: Citation[] = []) {
    super(code, message)
    this.citations = citations
  }
}

/** The thing asked for does not exist, or is not visible to the actor (the same answer). */
export class NotFoundError extends DomainError {}

/** The input breaks a rule of the product (password policy, a name already taken…). */
export class InvalidInputError extends DomainError {
  readonly issues: { path: string; message: string }[]
  constructor(code: string, message: string, issues: { path: string; message: string }[] = []) {
    super(code, message)
    this.issues = issues
  }
}

/** The act collides with existing state (a username already in use). */
export class ConflictError extends DomainError {}

/**
 * A rule of the jurisdiction's rulebook refuses the act (a signer without authority, a 请示 with
 * two matters…). It carries the articles, so every refusal says which rule it follows.
 */
export class RuleRefusedError extends DomainError {
  readonly citations: Citation[]
  constructor(code: string, message: string, citations: Citation[]) {
    super(code, message)
    this.citations = citations
  }
}
