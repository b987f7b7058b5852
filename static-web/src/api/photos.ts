import { session, Problem, type Schemas } from './client'
import { i18n } from '../i18n'

export type Photo = Schemas['Photo']
export type PhotoKind = 'fault' | 'before' | 'after' | 'signature'

/** The image drawn on a canvas, shrunk so its long side is at most `maxSide` pixels. */
export async function drawn(image: Blob, maxSide: number): Promise<HTMLCanvasElement> {
  const bitmap = await createImageBitmap(image)
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height))
  const canvas = document.createElement('canvas')
  canvas.width = Math.round(bitmap.width * scale)
  canvas.height = Math.round(bitmap.height * scale)
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
  return canvas
}

/** Shrinks a photo in the browser before upload: at most 1600 px on the long side, JPEG at 80 %. */
export async function compress(file: Blob): Promise<Blob> {
  const canvas = await drawn(file, 1600)
  return await new Promise<Blob>((resolve, reject) => canvas.toBlob(b => (b ? resolve(b) : reject(new Error('compression failed'))), 'image/jpeg', 0.8))
}

type UploadOptions = { kind?: PhotoKind; token?: string | null; idempotencyKey?: string; onProgress?: (percent: number) => void }

/**
 * Uploads images to a ticket as one kind (fault by default) and answers the ticket's photos as stored.
 * XMLHttpRequest, because fetch reports no upload progress.
 */
export function upload(ticketId: string, blobs: Blob[], options: UploadOptions = {}): Promise<Photo[]> {
  const form = new FormData()
  form.append('kind', options.kind ?? 'fault')
  blobs.forEach((b, i) => form.append('files', b, `${options.kind ?? 'photo'}-${i + 1}.${b.type === 'image/png' ? 'png' : 'jpg'}`))
  const token = options.token === undefined ? session.token : options.token
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `/api/tickets/${ticketId}/photos`)
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`)
    xhr.setRequestHeader('accept-language', i18n.global.locale.value)
    if (options.idempotencyKey) xhr.setRequestHeader('idempotency-key', options.idempotencyKey)
    xhr.upload.onprogress = e => e.lengthComputable && options.onProgress?.(Math.round((100 * e.loaded) / e.total))
    xhr.onload = () => {
      const body = JSON.parse(xhr.responseText || '{}')
      if (xhr.status < 300) return resolve(body as Photo[])
      reject(new Problem(xhr.status, body.title ?? 'Upload failed', body.detail ?? '', body.errors ?? {}))
    }
    xhr.onerror = () => reject(new Problem(0, 'Network error', 'The photos could not be sent.'))
    xhr.send(form)
  })
}

/** The id of the newest stored photo of a kind (a signature just uploaded). */
export const newest = (photos: Photo[], kind: PhotoKind) => photos.filter(p => p.kind === kind).at(-1)?.id
