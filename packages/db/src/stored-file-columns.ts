/**
 * The columns every stored-file table (agenda_item_materials, supervision_evidence) shares: the
 * checked name and type, size, digest, and who uploaded it when. Each table adds its own owner
 * key and the bytes.
 */
export interface StoredFile {
  id: string
  name: string
  mediaType: string
  sizeBytes: number
  sha256: string
  uploadedAt: string
  uploadedByPersonId: string | null
  uploadedByPostId: string | null
}

interface StoredFileRow {
  id: string
  name: string
  media_type: string
  size_bytes: number
  sha256: string
  uploaded_at: Date
  uploaded_by_person_id: string | null
  uploaded_by_post_id: string | null
}

/** The shared columns, as selected (without the bytes). */
export const STORED_FILE_COLUMNS = [
  'id',
  'name',
  'media_type',
  'size_bytes',
  'sha256',
  'uploaded_at',
  'uploaded_by_person_id',
  'uploaded_by_post_id',
] as const

/** The shared columns of a file, as inserted. */
export function storedFileColumns(file: StoredFile) {
  return {
    id: file.id,
    name: file.name,
    media_type: file.mediaType,
    size_bytes: file.sizeBytes,
    sha256: file.sha256,
    uploaded_at: file.uploadedAt,
    uploaded_by_person_id: file.uploadedByPersonId,
    uploaded_by_post_id: file.uploadedByPostId,
  }
}

/** The shared fields of a file, as read. */
export function storedFileOf(row: StoredFileRow): StoredFile {
  return {
    id: row.id,
    name: row.name,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    uploadedAt: new Date(row.uploaded_at).toISOString(),
    uploadedByPersonId: row.uploaded_by_person_id,
    uploadedByPostId: row.uploaded_by_post_id,
  }
}
