import { drawn } from './photos'

/**
 * Reads the serial number from a photo of the device's label (QR code or 1D barcode such as Code 128), using ZXing.
 * A photo rather than a live camera stream: it works on every phone, needs no camera permission prompt, and the
 * library is loaded only when someone scans. Answers null when no code is found.
 */
export async function readSerial(photo: Blob): Promise<string | null> {
  const [{ BrowserMultiFormatReader }, { DecodeHintType }] = await Promise.all([import('@zxing/browser'), import('@zxing/library')])
  const reader = new BrowserMultiFormatReader(new Map([[DecodeHintType.TRY_HARDER, true]]))
  // Decoded from a canvas the photo is already drawn on (an <img> still loading reads as "no code"); a code ZXing
  // misses at one size (blur, moiré, an unlucky grid) is often found at half or a quarter of it.
  let side = 2000
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const canvas = await drawn(photo, side)
      try {
        return reader.decodeFromCanvas(canvas).getText().trim()
      } catch {
        side = Math.max(canvas.width, canvas.height) / 2
      }
    } catch {
      return null // not an image
    }
  }
  return null
}
