// Who an email is and who may be believed, rule by rule: the fingerprint's parts, the hub's own
// senders, the order issues are shown in, and the name a form file takes in the library.
import { createHash } from 'node:crypto';
import { emailFingerprint, isTrustedSender } from '../../src/core/identity';
import { loadCatalogue } from '../../src/core/catalogue';
import { intake, libraryFileName } from '../../src/core/intake';
import { byImportance, hasErrors, type Issue } from '../../src/core/issues';

const mailbox = (address: string) => ({ name: 'Someone', address });
const email = {
  from: mailbox('head@school.example'),
  to: [mailbox('hub@mathshub.example')],
  cc: [mailbox('teacher@school.example'), mailbox('hod@school.example')],
  subject: 'SMS application',
};
const form = (text: string) => ({ bytes: new TextEncoder().encode(text) });

describe("the email's fingerprint", () => {
  const base = emailFingerprint(email, [form('a'), form('b')]);

  it('does not change with what mail clients vary: case, spacing, recipient order and repeats, names, form order', () => {
    expect(
      emailFingerprint(
        {
          from: { name: 'Other name', address: '  HEAD@School.example ' },
          to: [mailbox('HOD@school.example')],
          cc: [mailbox('hub@mathshub.example'), mailbox('teacher@school.example'), mailbox('teacher@school.example'), mailbox(' ')],
          subject: '  SMS \t application ',
        },
        [form('b'), form('a')],
      ),
    ).toBe(base);
  });

  it("changes with the sender, any recipient, the subject's words or any form", () => {
    expect(emailFingerprint({ ...email, from: mailbox('other@school.example') }, [form('a'), form('b')])).not.toBe(base);
    expect(emailFingerprint({ ...email, from: null }, [form('a'), form('b')])).not.toBe(base);
    expect(emailFingerprint({ ...email, cc: email.cc.slice(1) }, [form('a'), form('b')])).not.toBe(base);
    expect(emailFingerprint({ ...email, subject: 'SMS  applications' }, [form('a'), form('b')])).not.toBe(base);
    expect(emailFingerprint({ ...email, subject: 'SMSapplication' }, [form('a'), form('b')])).not.toBe(base);
    expect(emailFingerprint(email, [form('a'), form('c')])).not.toBe(base);
    expect(emailFingerprint(email, [form('a')])).not.toBe(base);
    // An address differing only in case is the same recipient; the empty one is no recipient.
    expect(emailFingerprint({ ...email, to: [...email.to, mailbox('')] }, [form('a'), form('b')])).toBe(base);
  });

  it('is the SHA-256 of a versioned list of those parts, so items filed before keep their key', () => {
    const sha256 = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');
    const parts = ['hub-intake email v1', 'head@school.example', ['hod@school.example', 'hub@mathshub.example', 'teacher@school.example']];
    expect(base).toBe(sha256(JSON.stringify([...parts, 'SMS application', [sha256('a'), sha256('b')].sort()])));
  });
});

describe("the hub's own senders", () => {
  it('are addresses or domains, compared without case or spaces', () => {
    const from = mailbox(' Office@Hub.Example ');
    expect(isTrustedSender(from, ['office@hub.example'])).toBe(true);
    expect(isTrustedSender(from, [' HUB.example '])).toBe(true);
    expect(isTrustedSender(from, ['@hub.example'])).toBe(true);
    expect(isTrustedSender(from, ['other@hub.example'])).toBe(false);
    expect(isTrustedSender(from, ['example'])).toBe(false);
    expect(isTrustedSender(from, ['@example'])).toBe(false);
    expect(isTrustedSender(from, ['sub.hub.example'])).toBe(false);
    expect(isTrustedSender(mailbox('office@sub.hub.example'), ['hub.example'])).toBe(false);
  });

  it('never include an empty setting, a sender without an address, or one without an @', () => {
    expect(isTrustedSender(mailbox('office@hub.example'), ['', '  '])).toBe(false);
    expect(isTrustedSender(mailbox('office@hub.example'), [])).toBe(false);
    expect(isTrustedSender(null, ['hub.example'])).toBe(false);
    expect(isTrustedSender(mailbox('hub.example'), ['hub.example'])).toBe(false);
    expect(isTrustedSender(mailbox('  '), [''])).toBe(false);
  });
});

describe('issues', () => {
  const issue = (severity: Issue['severity'], code: string): Issue => ({ severity, code, message: code });

  it('show errors first, otherwise in the order found, without changing the list given', () => {
    const found = [issue('warning', 'w1'), issue('error', 'e1'), issue('warning', 'w2'), issue('error', 'e2'), issue('warning', 'w3')];
    const copy = [...found];
    expect(byImportance(found).map((i) => i.code)).toEqual(['e1', 'e2', 'w1', 'w2', 'w3']);
    expect(found).toEqual(copy);
    expect(byImportance([issue('error', 'e'), issue('warning', 'w')]).map((i) => i.code)).toEqual(['e', 'w']);
    expect(hasErrors(found)).toBe(true);
    expect(hasErrors([issue('warning', 'w')])).toBe(false);
  });
});

describe("a form file's name in the library", () => {
  it('is the attachment name made safe, and never the name the email itself is filed under', () => {
    expect(libraryFileName('Application: Ashfield.docx')).toBe('Application_ Ashfield.docx');
    expect(libraryFileName('email.eml')).toBe('form-email.eml');
    expect(libraryFileName('EMAIL.EML')).toBe('form-EMAIL.EML');
    expect(libraryFileName('my email.eml')).toBe('my email.eml');
  });
});

describe('an email that cannot be filed', () => {
  it('is still checked, and says why it cannot be filed instead of throwing', () => {
    const message = { ...email, receivedAt: null, internetMessageId: null, attachments: [] };
    const result = intake(message, { catalogue: loadCatalogue(), source: 'x.eml' });
    expect(result.record).toBeNull();
    expect(result.formAttachment).toBeNull();
    expect(result.unfileable).toBe('The email has no Message-ID, so it cannot be filed exactly once.');
    expect(result.report.issues.map((i) => i.code)).toContain('no-form-attached');
  });
});
