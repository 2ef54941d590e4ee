// Why a Word attachment could not be read. Messages name the problem, never the document's content.

export type DocxErrorCode =
  | 'attachment-too-large'
  | 'not-a-word-document'
  | 'legacy-word-document'
  | 'encrypted-document'
  | 'corrupt-zip'
  | 'too-many-parts'
  | 'duplicate-part'
  | 'missing-part'
  | 'zip-bomb'
  | 'xml-doctype'
  | 'xml-malformed'
  | 'xml-too-deep'
  | 'table-too-large';

export class DocxError extends Error {
  constructor(
    readonly code: DocxErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DocxError';
  }
}
