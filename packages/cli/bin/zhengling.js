#!/usr/bin/env node
// Entry for `npx zhengling`: Node 24 runs the TypeScript sources directly (type stripping).
import { quietOnClosedPipe, runCli } from '../src/main.ts'

quietOnClosedPipe()
process.exitCode = await runCli(process.argv.slice(2))
