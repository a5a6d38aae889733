export * from './build-server.ts'
export * from './errors.ts'
export * from './rules-port.ts'
export * from './notification-channels.ts'
