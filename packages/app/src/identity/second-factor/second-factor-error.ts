import { DomainError } from '../../errors.ts'

/**
 * A second step refused: the challenge is unknown, used or expired (sign in again), the code is
 * wrong or was used already, or too many wrong codes ended the challenge.
 */
export class SecondFactorError extends DomainError {
  declare readonly code:
    | 'CHALLENGE_INVALID'
    | 'SECOND_FACTOR_INVALID'
    | 'SECOND_FACTOR_REPLAYED'
    | 'SECOND_FACTOR_LOCKED'
}
