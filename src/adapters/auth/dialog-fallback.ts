// The last rung of sign-in for hosts without nested app authentication: the Office dialog opens
// auth-dialog.html, which signs in with a standard MSAL client (redirect) and sends the token back.
// The dialog itself is the Office adapter's (dialogMessage); here is what travels through it.

export interface DialogToken {
  readonly accessToken: string;
  /** Epoch milliseconds. */
  readonly expiresOn: number;
}

/** What auth-dialog.html sends back. */
export type DialogMessage = { status: 'success'; accessToken: string; expiresOn: number } | { status: 'failure'; error: string };

export class DialogSignInError extends Error {
  override name = 'DialogSignInError';
}

/** The dialog's message as a token, or the reason it gave. */
export function tokenFromDialogMessage(raw: string): DialogToken {
  let message: DialogMessage;
  try {
    message = JSON.parse(raw) as DialogMessage;
  } catch {
    throw new DialogSignInError('The sign-in window answered with something that is not a sign-in result.');
  }
  if (message?.status === 'success' && typeof message.accessToken === 'string')
    return { accessToken: message.accessToken, expiresOn: Number(message.expiresOn) || Date.now() + 50 * 60_000 };
  throw new DialogSignInError(
    message?.status === 'failure' && typeof message.error === 'string' ? message.error : 'The sign-in window did not return a token.',
  );
}
