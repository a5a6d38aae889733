export * from './context.ts'
export * from './load-library.ts'
export * from './parse-file.ts'
export * from './run-conformance.ts'
