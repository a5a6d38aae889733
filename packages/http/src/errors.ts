import { z } from 'zod'

/** The one error shape every route returns: a machine code, a Chinese message, details. */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    /** Where a rule refused the act: the rule id, the source, the article, its words. */
    citations: z
      .array(
        z.object({
          ruleId: z.string(),
          source: z.string(),
          article: z.string(),
          excerpt: z.string(),
        }),
      )
      .optional(),
  }),
})

export type ErrorBody = z.infer<typeof errorBody>

export class HttpError extends Error {
  readonly statusCode: number
  readonly code: string
  readonly issues?: { path: string; message: string }[]

  constructor(
    statusCode: number,
    code: string,
    message: string,
    issues?: { path: string; message: string }[],
  ) {
    super(message)
    this.statusCode = statusCode
    this.code = code
    this.issues = issues
  }
}

export function errorOf(
  code: string,
  message: string,
  issues?: { path: string; message: string }[],
  citations?: NonNullable<ErrorBody['error']['citations']>,
): ErrorBody {
  return {
    error: { code, message, ...(issues ? { issues } : {}), ...(citations ? { citations } : {}) },
  }
}

/** Field names as people call them, for messages that say which field was wrong. */
const FIELD_LABELS: Record<string, string> = {
  title: '标题',
  body: '正文',
  kind: '文种',
  secrecy: '密级',
  secrecyPeriod: '保密期限',
  urgency: '紧急程度',
  mainRecipients: '主送机关',
  copyRecipients: '抄送机关',
  signatories: '签发人',
  contact: '联系人',
  senderReference: '来文文号',
  opinion: '意见',
  note: '说明',
  reason: '理由',
  text: '内容',
  summary: '摘要',
  location: '地点',
  startsAt: '会议时间',
  meetingType: '会议种类',
  presiderPostId: '主持人',
  dueDate: '期限',
  result: '办理结果',
  explanation: '说明',
  username: '用户名',
  password: '密码',
  name: '姓名',
  q: '检索词',
}

/** "/mainRecipients/0" → "主送机关第1项"; a field without a label keeps its name. */
export function fieldLabel(path: string): string {
  const parts = path.split('/').filter(Boolean)
  if (!parts.length) return ''
  return parts
    .map((part) => (/^\d+$/.test(part) ? `第${Number(part) + 1}项` : (FIELD_LABELS[part] ?? part)))
    .join('·')
}

/**
 * A refusal by the framework itself (before any route ran), in Chinese with a machine code: a
 * request too large, a content type no route reads, broken or empty JSON, a bad URL.
 * Undefined for anything else.
 */
export function frameworkRefusal(
  error: unknown,
  contentType: string | undefined,
): { statusCode: number; code: string; message: string } | undefined {
  const { statusCode, code } = error as { statusCode?: number; code?: string }
  const megabytes = '1 MB'
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        statusCode: 413,
        code: 'BODY_TOO_LARGE',
        message: `提交的内容过大：一次提交不得超过 ${megabytes}（正文不得超过 20 万字；大文件请作为附件上传）`,
      }
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        statusCode: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: `不支持的内容类型${contentType ? `（${contentType.split(';')[0]}）` : ''}：请以 JSON（application/json）提交`,
      }
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        statusCode: 400,
        code: 'EMPTY_JSON_BODY',
        message: '请求体为空：声明为 JSON 的请求须带内容',
      }
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { statusCode: 400, code: 'MALFORMED_JSON', message: '请求体不是有效的 JSON' }
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return {
        statusCode: 400,
        code: 'INVALID_CONTENT_LENGTH',
        message: '请求长度与实际内容不符',
      }
    case 'FST_ERR_CTP_INVALID_CONTENT_TYPE':
    case 'FST_ERR_CTP_EMPTY_TYPE':
      return { statusCode: 400, code: 'INVALID_CONTENT_TYPE', message: '请求的内容类型无效' }
    case 'FST_ERR_BAD_URL':
      return { statusCode: 400, code: 'BAD_URL', message: '请求地址无效' }
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { statusCode: 400, code: 'PARAM_TOO_LONG', message: '请求地址无效：路径中的参数过长' }
    case 'FST_ERR_ASYNC_CONSTRAINT':
      return { statusCode: 400, code: 'BAD_URL', message: '请求地址无效' }
  }
  if (error instanceof SyntaxError && statusCode === 400)
    return { statusCode: 400, code: 'MALFORMED_JSON', message: '请求体不是有效的 JSON' }
  if (statusCode && statusCode >= 400 && statusCode < 500)
    return {
      statusCode,
      code: code && !code.startsWith('FST_') ? code : 'BAD_REQUEST',
      message: `请求无法处理（${statusCode}）`,
    }
  return undefined
}

/**
 * A refusal by the database of a value that slipped past the contracts (ADR 0023), in Chinese
 * with a machine code, never a 500: SQLSTATE class 22 (data exception: a date out of range, an
 * invalid byte sequence such as U+0000, a number too large, text too long for its column) and
 * 54000 (a value too large to index). The transaction it happened in is already rolled back.
 * Undefined for anything else (a bug stays a 500, logged).
 */
export function databaseRefusal(
  error: unknown,
): { statusCode: number; code: string; message: string } | undefined {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return undefined
  switch (code) {
    case '22007':
    case '22008':
      return {
        statusCode: 400,
        code: 'INVALID_DATE',
        message: '请求有误：日期或时间不存在或超出范围，请检查后重新输入',
      }
    case '22021':
    case '22P05':
      return {
        statusCode: 400,
        code: 'INVALID_CHARACTERS',
        message: '请求有误：内容含有无法保存的字符（如 U+0000），请删除后重新输入',
      }
    case '22001':
    case '54000':
      return {
        statusCode: 400,
        code: 'VALUE_TOO_LONG',
        message: '请求有误：内容过长，请缩短后重新输入',
      }
    case '22003':
      return { statusCode: 400, code: 'NUMBER_OUT_OF_RANGE', message: '请求有误：数字超出允许范围' }
  }
  if (code.startsWith('22'))
    return {
      statusCode: 400,
      code: 'INVALID_INPUT',
      message: '请求有误：取值无效，请检查后重新输入',
    }
  return undefined
}
