/**
 * Test PDFs made on the fly with pdf-lib (no binaries in the repository): a scanned-looking page
 * (one greyscale image, no text) for the viewer's e2e tests and memory benchmark.
 */
import { deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit greyscale PNG of a fake scanned form: ruled lines, boxes and a dark "photo" block. */
export function scanPng(width = 1240, height = 1754): Uint8Array {
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0;
    for (let x = 0; x < width; x++) {
      const ruled = y % 48 < 2 && x > 100 && x < width - 100;
      const box = x > 120 && x < 420 && y > 150 && y < 550;
      const border = (x > 115 && x < 125 && y > 145 && y < 555) || (y > 145 && y < 155 && x > 115 && x < 425);
      const grain = (x * 7 + y * 13) % 17;
      raw[y * (width + 1) + 1 + x] = border || ruled ? 20 : box ? 60 + grain : 235 + (grain % 8);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** A one-page PDF holding only a scanned image (A4 at 150 dpi), like a scanned passport page. */
export async function scannedPagePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const image = await pdf.embedPng(scanPng());
  const page = pdf.addPage([595, 842]);
  page.drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  return pdf.save();
}
