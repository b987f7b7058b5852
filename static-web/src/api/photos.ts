import { session, Problem } from './client'

/** Shrinks a photo in the browser before upload: at most 1600 px on the long side, JPEG at 80 %. */
export async function compress(file: File): Promise<Blob> {
  const bitmap = await createImageBitmap(file)
  const scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height))
  const canvas = document.createElement('canvas')
  canvas.width = Math.round(bitmap.width * scale)
  canvas.height = Math.round(bitmap.height * scale)
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
  return await new Promise<Blob>((resolve, reject) => canvas.toBlob(b => (b ? resolve(b) : reject(new Error('compression failed'))), 'image/jpeg', 0.8))
}

/** Uploads photos to a ticket with progress (XMLHttpRequest: fetch reports no upload progress). */
export function upload(ticketId: string, blobs: Blob[], onProgress: (percent: number) => void): Promise<void> {
  const form = new FormData()
  blobs.forEach((b, i) => form.append('files', b, `photo-${i + 1}.jpg`))
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `/api/tickets/${ticketId}/photos`)
    if (session.token) xhr.setRequestHeader('authorization', `Bearer ${session.token}`)
    xhr.upload.onprogress = e => e.lengthComputable && onProgress(Math.round((100 * e.loaded) / e.total))
    xhr.onload = () => {
      if (xhr.status < 300) return resolve()
      const p = JSON.parse(xhr.responseText || '{}')
      reject(new Problem(xhr.status, p.title ?? 'Upload failed', p.detail ?? '', p.errors ?? {}))
    }
    xhr.onerror = () => reject(new Problem(0, 'Network error', 'The photos could not be sent.'))
    xhr.send(form)
  })
}
