/**
 * PDFKit's document with the two things it would otherwise take from outside the letter:
 *
 * - the file identifier (trailer /ID): PDFKit hashes the Info dictionary only, so two letters with the
 *   same title and date would share an ID; ours is a hash of the letter, the layout and the fonts;
 * - the XMP packet: PDFKit writes only xmp:CreateDate, so an Info /ModDate would have no XMP twin
 *   (PDF/A requires every Info entry to match the XMP), and it pastes Title/Author unescaped into
 *   XML, so a subject with "&" would break the packet. We write the packet ourselves, escaped, with
 *   ModifyDate/MetadataDate equal to the creation date and xmpMM IDs from the same hash.
 *
 * PDFKit calls `_addInfo` from `end()` (node_modules/pdfkit/js/pdfkit.js, MetadataMixin); the PDF/A
 * identification (pdfaid:part/conformance) and the sRGB output intent are still PDFKit's own, from
 * the `subset` option. Nothing here reads the clock or draws random bytes.
 */
import PDFDocument from 'pdfkit';

export interface LetterMetadata {
  title: string;
  author: string;
  subject: string;
  creator: string;
  producer: string;
  lang: string;
  created: Date;
  /** 16 bytes: the trailer /ID (both halves: the file is never updated incrementally). */
  id: Uint8Array;
}

/** The parts of PDFKit's document this subclass relies on that @types/pdfkit does not declare. */
interface PdfKitInternals {
  _id: Uint8Array;
}

const xmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function xml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => xmlEscapes[char] ?? char);
}

/** XMP dates carry no milliseconds, like the Info dictionary's D:YYYYMMDDHHmmssZ they must equal. */
function xmpDate(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** An RFC 4122-shaped uuid from the document ID, so xmpMM IDs change exactly when the bytes may. */
function uuidFrom(bytes: Uint8Array): string {
  const hex = Array.from(bytes.subarray(0, 16), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export class LetterPdfDocument extends PDFDocument {
  // A name PDFKit does not use: a field shadowing one of its own properties would break it silently.
  private readonly letterMetadata: LetterMetadata;

  constructor(options: PDFKit.PDFDocumentOptions, metadata: LetterMetadata) {
    super({
      ...options,
      lang: metadata.lang,
      info: {
        Title: metadata.title,
        Author: metadata.author,
        Subject: metadata.subject,
        Creator: metadata.creator,
        Producer: metadata.producer,
        CreationDate: metadata.created,
        ModDate: metadata.created,
      },
    });
    this.letterMetadata = metadata;
    (this as unknown as PdfKitInternals)._id = metadata.id;
  }

  /** Replaces MetadataMixin._addInfo (see the file comment); PDFKit closes the packet after it. */
  _addInfo(): void {
    const m = this.letterMetadata;
    const date = xmpDate(m.created);
    const uuid = uuidFrom(m.id);
    this.appendXML(`
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:CreateDate>${date}</xmp:CreateDate>
            <xmp:ModifyDate>${date}</xmp:ModifyDate>
            <xmp:MetadataDate>${date}</xmp:MetadataDate>
            <xmp:CreatorTool>${xml(m.creator)}</xmp:CreatorTool>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
            <xmpMM:DocumentID>${uuid}</xmpMM:DocumentID>
            <xmpMM:InstanceID>${uuid}</xmpMM:InstanceID>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:format>application/pdf</dc:format>
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(m.title)}</rdf:li></rdf:Alt></dc:title>
            <dc:creator><rdf:Seq><rdf:li>${xml(m.author)}</rdf:li></rdf:Seq></dc:creator>
            <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(m.subject)}</rdf:li></rdf:Alt></dc:description>
            <dc:language><rdf:Bag><rdf:li>${xml(m.lang)}</rdf:li></rdf:Bag></dc:language>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
            <pdf:Producer>${xml(m.producer)}</pdf:Producer>
        </rdf:Description>
        `);
  }
}
