// What went wrong, in plain words for a hub manager. Errors are told apart by name, so that this
// (on the first screen) does not load the Graph client to know its classes.

export function plainError(error: unknown, doing: string): string {
  const e = error as { name?: string; message?: string; status?: number } | null;
  const name = e?.name ?? '';
  if (name === 'TransportError')
    return `SharePoint did not answer while ${doing}. Nothing is lost: try again and it carries on where it stopped.`;
  if (name === 'GraphRequestError' && /^\/[^/]+\/(me|users\/[^/]+)\/messages\//.test((error as { path?: string }).path ?? '')) {
    // A mail call (the whole email, an attached email), not the list.
    const status = e?.status ?? 0;
    if (status === 401 || status === 403)
      return `The mailbox refused access while ${doing}. Ask your administrator to consent to the add-in reading mail (Mail.Read, and Mail.Read.Shared for a shared mailbox).`;
    if (status === 404)
      return `The email was not found in its mailbox while ${doing}: it may have been moved or deleted. Open it again and retry.`;
  }
  if (name === 'GraphRequestError') {
    const status = e?.status ?? 0;
    if (status === 401 || status === 403)
      return `SharePoint refused access while ${doing}. Ask your administrator to give you access to the Applications list.`;
    if (status === 404)
      return `The Applications list was not found while ${doing}. Ask your administrator to set it up (hub-intake provision).`;
    if (status === 429 || status >= 500) return `SharePoint is busy and did not finish ${doing}. Nothing is lost: try again in a minute.`;
    return `SharePoint did not accept ${doing} (error ${status}).`;
  }
  if (
    name === 'TargetError' ||
    name === 'SignInError' ||
    name === 'FilingFailed' ||
    name === 'DialogSignInError' ||
    name === 'PaneConfigError'
  )
    return e?.message ?? `Something went wrong while ${doing}.`;
  if (name === 'OfficeCallError') return `Outlook could not finish ${doing}. Try again; if it keeps happening, close and reopen the pane.`;
  if (name === 'UnsupportedError') return e?.message ?? 'This version of Outlook cannot do that.';
  if (name === 'EmlError') return e?.message ?? 'The email could not be read.';
  return `Something went wrong while ${doing}${e?.message ? `: ${e.message}` : '.'}`;
}
