/**
 * Reads the serial number from a photo of the device's label (QR code or 1D barcode such as Code 128), using ZXing.
 * A photo rather than a live camera stream: it works on every phone, needs no camera permission prompt, and the
 * library is loaded only when someone scans. Answers null when no code is found.
 */
export async function readSerial(photo: Blob): Promise<string | null> {
  const { BrowserMultiFormatReader } = await import('@zxing/browser')
  const url = URL.createObjectURL(photo)
  try {
    return (await new BrowserMultiFormatReader().decodeFromImageUrl(url)).getText().trim()
  } catch {
    return null
  } finally {
    URL.revokeObjectURL(url)
  }
}
