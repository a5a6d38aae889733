import { assertAuditAdmin } from '../access/policies.ts'
import { InvalidInputError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { InTransaction, Repositories } from '../unit-of-work.ts'
import { recordAdminAct } from '../admin/record-admin-act.ts'
import {
  auditRecordHash,
  canonicalJson,
  type ChainedAuditRecord,
  GENESIS_HASH,
} from './audit-record.ts'
import {
  type AuditSigner,
  keyFingerprint,
  SM2_DEFAULT_USER_ID,
  verifySm2Signature,
} from './audit-signer.ts'
import { hasherFor, type Hasher } from './hasher.ts'

/** The export's first line. Records follow, one a line; the last line is the SM2 signature. */
export interface AuditExportHeader {
  kind: 'zhengling-audit-export'
  chain: string
  from: string
  to: string
  exportedAt: string
  exportedBy: string
  records: number
  signature: { algorithm: 'SM2'; userId: string; publicKey: string; key: string }
}

/** China's civil day boundary: a range of dates is read in Beijing time. */
function dayStart(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString()
}

function nextDayStart(date: string): string {
  return new Date(new Date(`${date}T00:00:00+08:00`).getTime() + 86_400_000).toISOString()
}

/**
 * The audit admin exports one chain's records of a date range (inclusive, Beijing dates) as a
 * signed file: JSON lines (a header, then every record of the range with its chain fields), then
 * a line with the SM2 signature over all the lines before it. The records are a contiguous run of
 * the chain, so `zhengling audit verify --file` checks each hash and link as well as the
 * signature. The export itself is an audited act.
 */
export async function exportAuditRecords(
  deps: {
    audit: Repositories['audit']
    inTransaction: InTransaction
    signer: AuditSigner | undefined
    hasher: Hasher
    now: () => Date
  },
  session: SessionRecord,
  query: { chain: string; from: string; to: string },
): Promise<{ fileName: string; text: string; records: number }> {
  assertAuditAdmin(session)
  if (!deps.signer)
    throw new InvalidInputError(
      'AUDIT_KEY_NOT_CONFIGURED',
      '未配置审计签名密钥（ZHENGLING_AUDIT_KEY），无法导出签名文件，请联系系统管理员',
    )
  if (query.from > query.to)
    throw new InvalidInputError('AUDIT_EXPORT_RANGE', '导出的起始日期不能晚于截止日期')
  // Records committed but not yet sealed get their place first, so the export misses none.
  await deps.audit.seal(query.chain)
  const records = await deps.audit.recordsBetween(
    query.chain,
    dayStart(query.from),
    nextDayStart(query.to),
  )
  const exportedAt = deps.now().toISOString()
  const header: AuditExportHeader = {
    kind: 'zhengling-audit-export',
    chain: query.chain,
    from: query.from,
    to: query.to,
    exportedAt,
    exportedBy: session.username,
    records: records.length,
    signature: {
      algorithm: 'SM2',
      userId: SM2_DEFAULT_USER_ID,
      publicKey: deps.signer.publicKey,
      key: keyFingerprint(deps.signer.publicKey),
    },
  }
  const body = [header, ...records].map((line) => `${canonicalJson(line)}\n`).join('')
  const text = `${body}${canonicalJson({ signature: deps.signer.sign(body) })}\n`
  await deps.inTransaction((repositories) =>
    recordAdminAct(repositories, deps, session, {
      jurisdictionId: null,
      action: 'audit.export',
      subject: query.chain,
      details: { from: query.from, to: query.to, records: records.length },
    }),
  )
  return {
    fileName: `audit-${query.chain}-${query.from}-${query.to}.jsonl`,
    text,
    records: records.length,
  }
}

export interface AuditExportCheck {
  header: AuditExportHeader | null
  records: number
  /** Whether the key that signed is the one the verifier was given (else the file's own). */
  trustedKey: boolean
  problems: string[]
}

/**
 * Checks an export: the SM2 signature over everything before its last line (with `publicKey`
 * when given, else the key the file names, which the reader must then compare with the
 * deployment's), and that its records are an unbroken run of the chain: each record's hash
 * recomputed, each linked to the one before, the count as the header says.
 */
export function verifyAuditExport(text: string, publicKey?: string): AuditExportCheck {
  const problems: string[] = []
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  const signatureLine = lines.pop()
  const body = lines.map((line) => `${line}\n`).join('')
  const parse = (line: string | undefined): Record<string, unknown> | null => {
    try {
      const value: unknown = JSON.parse(line ?? '')
      return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null
    } catch {
      return null
    }
  }
  const header = parse(lines[0]) as AuditExportHeader | null
  if (header?.kind !== 'zhengling-audit-export') {
    return { header: null, records: 0, trustedKey: false, problems: ['不是审计导出文件'] }
  }
  const key = publicKey ?? header.signature?.publicKey ?? ''
  const signature = parse(signatureLine)?.signature
  if (typeof signature !== 'string' || !verifySm2Signature(body, signature, key))
    problems.push('签名无效：文件在导出后被改动，或不是用该公钥签署')
  const records = lines.slice(1).map((line) => parse(line) as ChainedAuditRecord | null)
  if (records.length !== header.records)
    problems.push(`文件头记载 ${header.records} 条记录，实有 ${records.length} 条`)
  let previous: ChainedAuditRecord | null = null
  for (const [index, record] of records.entries()) {
    if (!record || typeof record.chainSeq !== 'number') {
      problems.push(`第 ${index + 2} 行不是审计记录`)
      previous = null
      continue
    }
    const algorithm = record.algorithm === 'sha256' ? 'sha256' : 'sm3'
    if (record.jurisdictionId !== header.chain)
      problems.push(`第 ${record.chainSeq} 条记录不属于审计链 ${header.chain}`)
    if (
      auditRecordHash(record, record.chainSeq, record.prevHash, hasherFor(algorithm)) !==
      record.hash
    )
      problems.push(`第 ${record.chainSeq} 条审计记录的内容被改动`)
    if (previous && record.chainSeq !== previous.chainSeq + 1)
      problems.push(`第 ${previous.chainSeq + 1} 至 ${record.chainSeq - 1} 条审计记录缺失`)
    else if (previous && record.prevHash !== previous.hash)
      problems.push(`第 ${record.chainSeq} 条审计记录与前一条不相衔接`)
    else if (!previous && index === 0 && record.chainSeq === 1 && record.prevHash !== GENESIS_HASH)
      problems.push('第 1 条审计记录不是链的起点')
    previous = record
  }
  return { header, records: records.length, trustedKey: publicKey !== undefined, problems }
}
