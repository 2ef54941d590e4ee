// Why a document in a format other than .docx could not be read (the .docx reader has DocxError).
export class DocumentError extends Error {
  constructor(
    readonly code: 'scanned-pdf',
    message: string,
  ) {
    super(message);
    this.name = 'DocumentError';
  }
}
