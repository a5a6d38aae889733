/**
 * Each jurisdiction has its own audit chain; acts that belong to none (an administrator signing
 * in, a sign-in attempt for an unknown account) go to this deployment-wide chain.
 */
export const DEPLOYMENT_CHAIN = 'deployment'
