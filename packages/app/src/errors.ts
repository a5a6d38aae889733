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

/** The actor may not do this (wrong post, wrong role, another jurisdiction). */
export class NotPermittedError extends DomainError {}

/** The thing asked for does not exist, or is not visible to the actor (the same answer). */
export class NotFoundError extends DomainError {}
