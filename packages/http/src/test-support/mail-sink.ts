import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

export interface ReceivedMail {
  to: string[]
  /** The raw message as the SMTP client sent it. */
  raw: string
  /** The body's text (base64 or quoted-printable undone). */
  text: string
  /** A header's value, MIME encoded-words decoded (Subject in Chinese). */
  header(name: string): string | undefined
}

/** RFC 2047 encoded-words (=?UTF-8?B?…?=, =?UTF-8?Q?…?=) back to text. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_all, encoding: string, text: string) =>
      encoding.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9a-f]{2})/gi, (_m, hex: string) =>
                String.fromCharCode(parseInt(hex, 16)),
              ),
            'latin1',
          ).toString('utf8'),
    )
}

/**
 * A local SMTP sink for tests (smtp-server): accepts every message without TLS or login and
 * keeps what arrived. `url` is what ZHENGLING_SMTP_URL would be.
 */
export async function startMailSink(): Promise<{
  url: string
  received: ReceivedMail[]
  close(): Promise<void>
}> {
  const received: ReceivedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        const [head = '', ...rest] = raw.split(/\r?\n\r?\n/)
        const unfolded = head.replace(/\r?\n[ \t]+/g, ' ')
        const body = rest.join('\n\n')
        const encoding = /content-transfer-encoding:\s*(\S+)/i.exec(unfolded)?.[1]?.toLowerCase()
        received.push({
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw,
          text:
            encoding === 'base64'
              ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
              : encoding === 'quoted-printable'
                ? Buffer.from(
                    body
                      .replace(/=\r?\n/g, '')
                      .replace(/=([0-9a-f]{2})/gi, (_m, hex: string) =>
                        String.fromCharCode(parseInt(hex, 16)),
                      ),
                    'latin1',
                  ).toString('utf8')
                : body,
          header(name) {
            const line = unfolded
              .split(/\r?\n/)
              .find((candidate) => candidate.toLowerCase().startsWith(`${name.toLowerCase()}:`))
            return line === undefined ? undefined : decodeWords(line.slice(name.length + 1).trim())
          },
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
