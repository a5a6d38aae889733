// Reading the parts of a DOCX for structural tests: unzip with fflate, pick elements with regular
// expressions (the renderer's XML is machine-written and regular enough for that).
import { strFromU8, unzipSync } from 'fflate'

export const docxParts = (docx: Uint8Array): Map<string, string> => {
  const files = unzipSync(docx)
  return new Map(Object.entries(files).map(([path, data]) => [path, strFromU8(data)]))
}

export const part = (parts: Map<string, string>, path: string): string => {
  const xml = parts.get(path)
  if (xml === undefined) throw new Error(`no ${path} in the DOCX`)
  return xml
}

/** The value of an attribute on the first element of that name in the XML, or undefined. */
export const attrOf = (xml: string, element: string, attribute: string): string | undefined => {
  const tag = new RegExp(`<${element}(?=[\\s/>])[^>]*>`).exec(xml)?.[0]
  if (tag === undefined) return undefined
  return new RegExp(`\\s${attribute}="([^"]*)"`).exec(tag)?.[1]
}

/** Every top-level paragraph (w:p) of a part, in order, as XML. */
export const paragraphs = (xml: string): string[] =>
  [...xml.matchAll(/<w:p(?=[\s>])[\s\S]*?<\/w:p>|<w:p\/>/g)].map((m) => m[0])

/** A paragraph's text (its w:t contents, tabs as '\t'). */
export const textOf = (xml: string): string =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)]
    .map((m) => (m[0] === '<w:tab/>' ? '\t' : (m[1] ?? '')))
    .join('')

/** The first paragraph whose text includes the given string. */
export const paragraphWith = (xml: string, text: string): string => {
  const found = paragraphs(xml).find((p) => textOf(p).includes(text))
  if (found === undefined) throw new Error(`no paragraph with ${text}`)
  return found
}

/** The runs (w:r) of a paragraph with their text. */
export const runs = (paragraph: string): { xml: string; text: string }[] =>
  [...paragraph.matchAll(/<w:r(?=[\s>])[\s\S]*?<\/w:r>/g)].map((m) => ({
    xml: m[0],
    text: textOf(m[0]),
  }))

/** A style definition (w:style) by its id. */
export const styleById = (stylesXml: string, id: string): string => {
  const found = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(
    stylesXml,
  )?.[0]
  if (found === undefined) throw new Error(`no style ${id}`)
  return found
}
