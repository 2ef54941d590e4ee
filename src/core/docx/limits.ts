// Named bounds on what a Word attachment may cost to read. Each one is tested with a crafted file.

export const DOCX_LIMITS = {
  /** Largest attachment accepted, in bytes. Real forms are well under 1 MB. */
  attachmentBytes: 25 * 1024 * 1024,
  /** Most entries the zip may list. Word writes 10 to 40. */
  zipEntries: 2000,
  /** Largest inflated size of one part that is read (document.xml and its relationships). */
  partBytes: 32 * 1024 * 1024,
  /** Largest inflated size of all parts read together. */
  inflatedBytes: 48 * 1024 * 1024,
  /** Largest compression ratio of a part that is read: beyond this it is treated as a zip bomb. */
  compressionRatio: 200,
  /** Deepest XML element nesting. Word's deepest real nesting is well under 60. */
  xmlDepth: 256,
  /** Deepest table-in-table nesting. */
  tableNesting: 16,
  /** Most rows in one table. */
  tableRows: 5000,
  /** Most table cells in the whole document. */
  tableCells: 100_000,
} as const;

export type DocxLimits = { readonly [K in keyof typeof DOCX_LIMITS]: number };
