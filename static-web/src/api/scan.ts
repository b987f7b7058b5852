import { drawn } from './photos'

/**
 * Reads the serial number from a photo of the device's label (QR code or 1D barcode such as Code 128), using ZXing.
 * A photo rather than a live camera stream: it works on every phone, needs no camera permission prompt, and the
 * library is loaded only when someone scans. Answers null when no code is found.
 */
export async function readSerial(photo: Blob): Promise<string | null> {
  const [{ BrowserMultiFormatReader }, { DecodeHintType }] = await Promise.all([import('@zxing/browser'), import('@zxing/library')])
  try {
    // Decoded from a canvas the photo is already drawn on (an <img> still loading reads as "no code").
    const canvas = await drawn(photo, 2000)
    const reader = new BrowserMultiFormatReader(new Map([[DecodeHintType.TRY_HARDER, true]]))
    return reader.decodeFromCanvas(canvas).getText().trim()
  } catch {
    return null
  }
}
