/** 保密期限 ceilings by 密级 (《保守国家秘密法》第十五条); 内部 and 公开 carry none. */
const LONGEST_YEARS: Record<string, number> = { 秘密: 10, 机密: 20 }

/**
 * What is wrong with a 保密期限 typed for a 密级 (in words, as the form holds it), or undefined.
 * The server checks the same (parseSecrecyPeriod, ADR 0025); the form says it beside the field.
 */
export function secrecyPeriodProblem(secrecy: string | undefined, value?: string) {
  const period = (value ?? '').replace(/\s+/g, '')
  if (!period) return undefined
  const ceiling = secrecy ? LONGEST_YEARS[secrecy] : undefined
  if (ceiling === undefined) return '只有秘密、机密公文标注保密期限'
  if (period === '长期') return undefined
  const match = /^([1-9][0-9]{0,2})(年|个月)$/.exec(period)
  if (!match) return '请写作“N年”“N个月”或“长期”'
  const months = Number(match[1]) * (match[2] === '年' ? 12 : 1)
  return months > ceiling * 12 ? `${secrecy}级不超过${ceiling}年` : undefined
}
