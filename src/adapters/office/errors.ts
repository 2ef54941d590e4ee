// Typed errors for what Office.js answered. Every `*Async` call that fails rejects with an
// OfficeCallError naming the operation and Office's own error code and name, so the task pane can
// say what happened in plain words and support can see which call it was.

export class OfficeCallError extends Error {
  override name = 'OfficeCallError';
  constructor(
    /** Our name for the call, e.g. "item.categories.addAsync". */
    readonly operation: string,
    /** Office's numeric error code (e.g. 9002 internal error), or null when Office gave none. */
    readonly code: number | null,
    /** Office's error name (e.g. "InvalidCategory"), or null. */
    readonly officeName: string | null,
    message: string,
  ) {
    super(`${operation} failed${officeName ? ` (${officeName}${code !== null ? ` ${code}` : ''})` : ''}: ${message}`);
  }
}

/** The pane is open with no item selected (pinned pane, empty folder, several items selected). */
export class NoItemError extends Error {
  override name = 'NoItemError';
  constructor() {
    super('No email is selected.');
  }
}

/** A call needs a newer Mailbox requirement set than this Outlook has. */
export class UnsupportedError extends Error {
  override name = 'UnsupportedError';
  constructor(
    readonly operation: string,
    readonly requirement: string,
  ) {
    super(`${operation} needs ${requirement}, which this version of Outlook does not support.`);
  }
}
