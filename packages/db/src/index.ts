export * from './audit-repository.ts'
export * from './migrate.ts'
export * from './open-database.ts'
export type { Database } from './schema.ts'
