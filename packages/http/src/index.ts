export * from './build-server.ts'
export * from './errors.ts'
