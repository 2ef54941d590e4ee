// Each signatory on the form against the people on the email: copied in by address, copied in
// under another address (recognised by name), not copied, or no address on the form.
import { checkSignatories, sameName } from '../../src/core/signatories';
import type { Signatory } from '../../src/core/catalogue/schema';

describe('sameName: the name on the form against the name on the email', () => {
  it.each([
    ['Jane Smith', 'Jane Smith'],
    ['Smith, Jane', 'Jane Smith'], // Outlook's "Surname, First name", turned round
    ['Jane Smith', 'Smith,Jane'],
    ['Mrs Jane Smith', 'jane smith'], // titles and case do not count
    ['Dr. Jane Smith', 'Prof Jane Smith'],
    ['Revd Jane Smith', 'Ms Jane Smith'],
    ['J Smith', 'Jane Smith'], // an initial matches the first name it begins
    ['Jane Smith', 'J. Smith'],
    ['Mrs J. Smith', 'Smith, Jane'],
    ["Siobhan O'Neill", "O'Neill, Siobhan"], // apostrophes and hyphens are part of a name
    ['Anne-Marie Lewis-Jones', 'A Lewis-Jones'],
    ['Zoë Brontë', 'Zoë Brontë'], // letters beyond ASCII
    ['Jane Mary Smith', 'Jane Smith'], // a middle name in between
  ])('%s is %s', (a, b) => {
    expect(sameName(a, b)).toBe(true);
    expect(sameName(b, a)).toBe(true);
  });

  it.each([
    ['Jane Smith', 'John Smith'], // same initial, but both give the whole first name
    ['J Smith', 'K Smith'],
    ['Jane Smith', 'Jane Smyth'],
    ['Jane Smith', 'Smith Jane'], // no comma: not turned round
    ['Smith', 'Jane Smith'], // a surname alone is too little to go on
    ['Smith', 'Smith'],
    ['Mrs Smith', 'Jane Smith'],
    ['', 'Jane Smith'],
    ['Mr', 'Mr'],
    ['Smith, Jane, Dr', 'Jane Smith'], // two commas: not a "Surname, First name"
    ['Jane Smith', 'Anne-Marie Smith'],
    ['Jo Smith', 'Jane Smith'], // "Jo" is a name, not an initial
  ])('%s is not %s', (a, b) => {
    expect(sameName(a, b)).toBe(false);
    expect(sameName(b, a)).toBe(false);
  });

  it.each(['Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr', 'Prof', 'Professor', 'Sir', 'Dame', 'Rev', 'Revd'])(
    'leaves out the title %s',
    (title) => {
      expect(sameName(`${title} Jane Smith`, 'Jane Smith')).toBe(true);
      expect(sameName(`Smith, ${title}. Jane`, 'jane smith')).toBe(true);
    },
  );

  it('reads a full stop between initial and surname as a space', () => {
    expect(sameName('J.Smith', 'Jane Smith')).toBe(true);
    expect(sameName('J.Smith', 'John Smyth')).toBe(false);
  });

  it('needs a first name or initial on both sides, even when a lone surname begins with the initial', () => {
    expect(sameName('Smith', 'S Smith')).toBe(false);
    expect(sameName('S. Smith', 'Smith')).toBe(false);
  });

  it('does not turn round a name that holds an address', () => {
    // "Smith, Jane <jane@x.org>" as one string is not "Surname, First name": its last word is not Smith.
    expect(sameName('Smith, Jane jane@school.org', 'Jane Smith')).toBe(false);
  });
});

const HEAD: Signatory = { role: 'headteacher', label: 'Head teacher', emailField: 'headEmail', nameField: 'headName' };
const TEACHER: Signatory = { role: 'teacher', label: 'Teacher', emailField: 'teacherEmail', nameField: 'teacherName' };
const NO_NAME: Signatory = { role: 'finance', label: 'Finance officer', emailField: 'financeEmail' };

describe('checkSignatories', () => {
  const fields = {
    headName: 'Mrs Jane Smith',
    headEmail: 'j.smith@school.org.uk',
    teacherName: 'Callum Reid',
    teacherEmail: 'c.reid@school.org.uk',
    financeEmail: 'accounts@school.org.uk',
  };

  it('finds a signatory copied in by address, in any case, in From, To or Cc alike', () => {
    const result = checkSignatories([HEAD], fields, [
      { name: 'Callum Reid', address: 'c.reid@school.org.uk' },
      { name: '', address: 'J.Smith@School.org.uk' },
    ]);
    expect(result).toEqual([{ role: 'headteacher', name: 'Mrs Jane Smith', email: 'j.smith@school.org.uk', status: 'copied' }]);
  });

  it('recognises a signatory copied in under another address by the name on the email', () => {
    const result = checkSignatories([HEAD], fields, [{ name: 'Smith, Jane', address: 'jane.smith@gmail.com' }]);
    expect(result).toEqual([
      { role: 'headteacher', name: 'Mrs Jane Smith', email: 'j.smith@school.org.uk', status: 'copiedUnderOtherAddress' },
    ]);
  });

  it('says who is not copied in', () => {
    const result = checkSignatories([HEAD, TEACHER], fields, [
      { name: 'Callum Reid', address: 'c.reid@school.org.uk' },
      { name: 'John Smith', address: 'john.smith@school.org.uk' },
      { name: '', address: 'office@school.org.uk' },
    ]);
    expect(result.map((s) => [s.role, s.status])).toEqual([
      ['headteacher', 'notCopied'],
      ['teacher', 'copied'],
    ]);
  });

  it('does not match by name a signatory whose name the form does not ask for', () => {
    const result = checkSignatories([NO_NAME], fields, [{ name: 'Accounts', address: 'finance@school.org.uk' }]);
    expect(result).toEqual([{ role: 'finance', name: null, email: 'accounts@school.org.uk', status: 'notCopied' }]);
  });

  it('gives a form with no address for the signatory, or not an address, as noAddressOnForm', () => {
    const recipients = [{ name: 'Jane Smith', address: 'j.smith@school.org.uk' }];
    expect(checkSignatories([HEAD], { headName: 'Jane Smith' }, recipients)).toEqual([
      { role: 'headteacher', name: 'Jane Smith', email: null, status: 'noAddressOnForm' },
    ]);
    expect(checkSignatories([HEAD], { headName: 'Jane Smith', headEmail: 'see above' }, recipients)).toEqual([
      { role: 'headteacher', name: 'Jane Smith', email: 'see above', status: 'noAddressOnForm' },
    ]);
    expect(checkSignatories([HEAD], { headName: 42, headEmail: 7 }, recipients)).toEqual([
      { role: 'headteacher', name: null, email: null, status: 'noAddressOnForm' },
    ]);
  });

  it('leaves the status open for a form checked on its own, with no email', () => {
    expect(checkSignatories([HEAD, NO_NAME], fields, null)).toEqual([
      { role: 'headteacher', name: 'Mrs Jane Smith', email: 'j.smith@school.org.uk', status: null },
      { role: 'finance', name: null, email: 'accounts@school.org.uk', status: null },
    ]);
  });

  it('prefers the address to the name: copied, even when someone of the same name is on the email too', () => {
    const result = checkSignatories([HEAD], fields, [
      { name: 'Jane Smith', address: 'jane@elsewhere.org' },
      { name: 'Head', address: 'j.smith@school.org.uk' },
    ]);
    expect(result[0]!.status).toBe('copied');
  });

  it('checks every role of the template, in its order', () => {
    expect(checkSignatories([], fields, [])).toEqual([]);
    expect(checkSignatories([TEACHER, HEAD], fields, []).map((s) => s.role)).toEqual(['teacher', 'headteacher']);
  });
});
