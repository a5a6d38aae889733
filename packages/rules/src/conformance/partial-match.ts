/**
 * Differences between an expected shape and an actual value: objects match on the keys the
 * expectation lists, arrays element by element with equal length, scalars exactly.
 */
export function partialMismatches(expected: unknown, actual: unknown, path = 'outcome'): string[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}：应为数组，实为 ${JSON.stringify(actual)}`]
    if (expected.length !== actual.length) {
      return [
        `${path}：应有 ${expected.length} 项，实有 ${actual.length} 项（${JSON.stringify(actual)}）`,
      ]
    }
    return expected.flatMap((item, index) =>
      partialMismatches(item, actual[index], `${path}[${index}]`),
    )
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) {
      return [`${path}：应为对象，实为 ${JSON.stringify(actual)}`]
    }
    return Object.entries(expected).flatMap(([key, value]) =>
      partialMismatches(value, (actual as Record<string, unknown>)[key], `${path}.${key}`),
    )
  }
  return Object.is(expected, actual)
    ? []
    : [`${path}：应为 ${JSON.stringify(expected)}，实为 ${JSON.stringify(actual)}`]
}
