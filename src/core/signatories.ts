// "When the form is e-mailed, please copy in all signatories as confirmation of their
// electronic signature": each signatory's address on the form against From, To and Cc.
import type { Signatory as SignatoryRole } from './catalogue/schema';
import type { Mailbox } from './message';

export type SignatoryStatus = 'copied' | 'notCopied' | 'noAddressOnForm' | 'copiedUnderOtherAddress';

export interface SignatoryCheck {
  readonly role: string;
  readonly name: string | null;
  readonly email: string | null;
  /** null for a form checked on its own, with no email to check against. */
  readonly status: SignatoryStatus | null;
}

/** Each status in a hub manager's words. */
export const SIGNATORY_STATUS_WORDS: Readonly<Record<SignatoryStatus, string>> = {
  copied: 'copied in',
  notCopied: 'not copied in',
  noAddressOnForm: 'no address on the form',
  copiedUnderOtherAddress: 'copied in from another address',
};

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'rev', 'revd']);

/** A person's name as comparable words: no titles, "Smith, Jane" turned round, lower case. */
function nameWords(name: string): string[] {
  let text = name.trim();
  const comma = /^([^,]+),([^,]+)$/.exec(text);
  if (comma && !/@/.test(text)) text = `${comma[2]!.trimStart()} ${comma[1]}`;
  return text
    .toLowerCase()
    .replace(/[^\p{L}\s'-]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w && !TITLES.has(w));
}

/** Same surname, and the same first name or initial where both give one. */
export function sameName(a: string, b: string): boolean {
  const x = nameWords(a);
  const y = nameWords(b);
  if (!x.length || !y.length || x[x.length - 1] !== y[y.length - 1]) return false;
  if (x.length === 1 || y.length === 1) return false;
  const first = (w: string[]) => w[0]!;
  return first(x) === first(y) || (first(x)[0] === first(y)[0] && (first(x).length === 1 || first(y).length === 1));
}

export function checkSignatories(
  roles: readonly SignatoryRole[],
  fields: Readonly<Record<string, unknown>>,
  recipients: readonly Mailbox[] | null,
): SignatoryCheck[] {
  return roles.map((role) => {
    const email = typeof fields[role.emailField] === 'string' ? (fields[role.emailField] as string) : null;
    const name = role.nameField && typeof fields[role.nameField] === 'string' ? (fields[role.nameField] as string) : null;
    const validEmail = email && email.includes('@') ? email : null;
    if (!recipients) return { role: role.role, name, email, status: null };
    if (!validEmail) return { role: role.role, name, email, status: 'noAddressOnForm' };
    if (recipients.some((r) => r.address.toLowerCase() === validEmail.toLowerCase()))
      return { role: role.role, name, email, status: 'copied' };
    if (name && recipients.some((r) => r.name && sameName(r.name, name)))
      return { role: role.role, name, email, status: 'copiedUnderOtherAddress' };
    return { role: role.role, name, email, status: 'notCopied' };
  });
}
