export { confirmEnrolment } from './confirm-enrolment.ts'
export { hashRecoveryCode, newRecoveryCodes, RECOVERY_CODE_COUNT } from './recovery-codes.ts'
export { resetSecondFactor } from './reset-second-factor.ts'
export { createSm4SecretBox, type SecretBox, SecretBoxError } from './secret-box.ts'
export { CHALLENGE_ATTEMPTS, type SecondFactorDeps } from './second-factor-deps.ts'
export { SecondFactorError } from './second-factor-error.ts'
export type {
  LoginChallenge,
  SecondFactorRepository,
  StoredFactor,
} from './second-factor-repository.ts'
export { secondFactorStatus, type SecondFactorStatus } from './second-factor-status.ts'
export { needsSecondFactor, secondStepOf } from './second-step.ts'
export { setSecondFactorRequired } from './set-second-factor-required.ts'
export { type Enrolling, startEnrolment } from './start-enrolment.ts'
export { newTotpSecret, otpauthUri, TOTP_PERIOD_SECONDS, totpCode, totpStepOf } from './totp.ts'
export { verifySecondFactor } from './verify-second-factor.ts'
