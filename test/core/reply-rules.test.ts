// The reply to a school, word for word, on small made-up reports: each kind of point, the order,
// what is left out as the hub's business, and the HTML. reply.test.ts runs the real samples.
import { loadCatalogue } from '../../src/core/catalogue';
import type { ApplicationReport, FormReport } from '../../src/core/check';
import type { Issue } from '../../src/core/issues';
import { missingReply } from '../../src/core/reply';

const catalogue = loadCatalogue();
const SMS = 'secondary-mastery-specialist-2018';
const TFM = 'secondary-tfm-workgroup-eoi-2021';

const error = (code: string, over: Partial<Issue> = {}): Issue => ({ severity: 'error', code, message: `Message for ${code}.`, ...over });
const form = (issues: Issue[], over: Partial<FormReport> = {}): FormReport => ({
  attachment: 'Form.docx',
  formId: SMS,
  confidence: 1,
  fields: {},
  signatories: [],
  issues,
  ...over,
});
const report = (forms: FormReport[], issues: Issue[] = []): ApplicationReport => ({
  source: 'x.eml',
  message: null,
  forms,
  issues,
  complete: false,
});

describe('the reply to a school', () => {
  it('is a letter: greeting, the programme, numbered points, what to do, and the sign-off, as text and as HTML', () => {
    const reply = missingReply(report([form([error('required', { field: 'schoolUrn' })])]), catalogue, 'Jurassic Maths Hub');
    const programme = catalogue.templates.find((t) => t.id === SMS)!.programme;
    expect(reply.points).toEqual(['“School URN” is empty. Please fill it in.']);
    expect(reply.text).toBe(
      [
        'Dear colleague,',
        '',
        `Thank you for your application to the ${programme}. Before we can consider it, please put right the following:`,
        '',
        '1. “School URN” is empty. Please fill it in.',
        '',
        'Please reply to this email with the corrected form attached and every signatory copied in.',
        '',
        'With thanks,',
        'Jurassic Maths Hub',
      ].join('\n'),
    );
    expect(reply.html).toBe(
      `<p>Dear colleague,</p><p>Thank you for your application to the ${programme}. Before we can consider it, please put right the following:</p>` +
        '<ol><li>“School URN” is empty. Please fill it in.</li></ol>' +
        '<p>Please reply to this email with the corrected form attached and every signatory copied in.</p>' +
        '<p>With thanks,<br>Jurassic Maths Hub</p>',
    );
    expect(missingReply(report([]), catalogue).text).toMatch(/^Dear colleague,\n\nThank you for your application\. Before/);
    expect(missingReply(report([]), catalogue).text.endsWith('With thanks,\nMaths Hub')).toBe(true);
  });

  it('numbers the points from 1 and escapes what HTML would read as markup', () => {
    const reply = missingReply(
      report([], [error('a', { message: 'First <b> & "quoted" \'single\'.' }), error('b', { message: 'Second.' })]),
      catalogue,
      'Hub <North> & Co',
    );
    expect(reply.text).toContain('\n1. First <b> & "quoted" \'single\'.\n2. Second.\n');
    expect(reply.html).toContain('<ol><li>First &lt;b&gt; &amp; &quot;quoted&quot; &#39;single&#39;.</li><li>Second.</li></ol>');
    expect(reply.html).toContain('<p>With thanks,<br>Hub &lt;North&gt; &amp; Co</p>');
  });

  it('asks once for every signatory not copied in, by the role the form gives them', () => {
    const one = missingReply(report([form([error('signatory-not-copied', { role: 'headOfDepartment' })])]), catalogue);
    expect(one.points).toEqual([
      'The head of department was not copied in on the email. Copying in every person who signs the form is how their electronic signature is confirmed, so please reply to this email with them copied in, at the address given on the form.',
    ]);
    const three = missingReply(
      report([
        form(
          [
            error('signatory-not-copied', { role: 'headteacher' }),
            error('signatory-not-copied', { role: 'advocate1' }),
            error('signatory-not-copied', { role: 'advocate2' }),
          ],
          { formId: TFM },
        ),
      ]),
      catalogue,
    );
    expect(three.points[0]).toMatch(
      /^The headteacher\/senior leader, mastery Advocate Teacher 1 and mastery Advocate Teacher 2 were not copied in on the email\./,
    );
    // A role the template does not know is named as it is; a role-less issue as "signatory".
    const unknown = missingReply(
      report([form([error('signatory-not-copied', { role: 'Bursar' }), error('signatory-not-copied')])]),
      catalogue,
    );
    expect(unknown.points[0]).toMatch(/^The bursar and signatory were not copied in/);
  });

  it('asks for each missing signatory address on its own', () => {
    const reply = missingReply(
      report([form([error('signatory-no-address', { role: 'headteacher' }), error('signatory-no-address', { role: 'applicant' })])]),
      catalogue,
    );
    expect(reply.points).toEqual([
      'The form gives no email address for the nominating Head Teacher/Senior Leader. Please add it to the form and copy them in when you send it back.',
      'The form gives no email address for the teacher applicant. Please add it to the form and copy them in when you send it back.',
    ]);
  });

  it('words each field problem for the school, naming the field as the form does', () => {
    const tfm = catalogue.templates.find((t) => t.id === TFM)!;
    const sectioned = tfm.fields.find((f) => f.section)!;
    const limited = catalogue.templates.find((t) => t.id === SMS)!.fields.find((f) => f.wordLimit)!;
    const reply = missingReply(
      report([
        form(
          [
            error('required', { field: sectioned.key }),
            error('word-limit', { field: limited.key, message: 'The statement has 412 words.' }),
            error('word-limit', { field: 'nowhere', message: 'Too long.' }),
            error('not-eligible', { field: 'qtsStatus', message: 'QTS is essential.' }),
            error('ambiguous-answer', { field: 'qtsStatus' }),
            error('something-else', { message: 'Said as it is.' }),
          ],
          { formId: TFM },
        ),
      ]),
      {
        templates: [
          {
            ...tfm,
            fields: [...tfm.fields, limited, catalogue.templates.find((t) => t.id === SMS)!.fields.find((f) => f.key === 'qtsStatus')!],
          },
        ],
      },
    );
    expect(reply.points).toEqual([
      `“${sectioned.section} – ${sectioned.label}” is empty. Please fill it in.`,
      `“${limited.label}” is 412 words; the limit is ${limited.wordLimit!.words} words. Please shorten it.`,
      '“A field” is too long. Please shorten it.',
      "QTS is essential. The form's answer to “QTS status” says the applicant does not meet it: please check that answer.",
      'The answer to “QTS status” cannot be read as a clear Yes or No. Please leave just one of the two words.',
      'Said as it is.',
    ]);
  });

  it("leaves out warnings and what is the hub's to weigh, and asks for an unreadable or missing form", () => {
    const hubs = ['late', 'wrong-recipient', 'forwarded-application', 'forwarded-original-unverified', 'signatory-other-address'];
    const reply = missingReply(
      report(
        [form([...hubs.map((c) => error(c)), { severity: 'warning', code: 'required', field: 'schoolUrn', message: 'w' }])],
        [
          ...hubs.map((c) => error(c)),
          { severity: 'warning', code: 'x', message: 'A warning.' },
          error('no-form-attached'),
          error('unreadable-attachment', { attachment: 'Form.docx' }),
          error('unreadable-attachment'),
        ],
      ),
      catalogue,
    );
    expect(reply.points).toEqual([
      'The application form was not attached to the email. Please send the completed Word form.',
      'We could not open the attachment “Form.docx”. Please send the form again as a Word document (.docx), not password-protected.',
      'We could not open the attachment “attachment”. Please send the form again as a Word document (.docx), not password-protected.',
    ]);
  });

  it('asks for the application form when only other documents came, and not when the form came too', () => {
    const other = form([error('required')], { formId: null, attachment: 'Letter.docx' });
    expect(missingReply(report([other]), catalogue).points).toEqual([
      "The attached document is not the programme's application form. Please fill in and send the application form itself.",
    ]);
    expect(missingReply(report([other, { ...other, attachment: 'Notes.docx' }]), catalogue).points).toEqual([
      "The attached documents are not the programme's application form. Please fill in and send the application form itself.",
    ]);
    // With the form there, the other document's own problems are not the school's to fix either.
    expect(missingReply(report([other, form([])]), catalogue).points).toEqual([]);
    expect(missingReply(report([other, form([])]), catalogue).text).toContain(
      `to the ${catalogue.templates.find((t) => t.id === SMS)!.programme}.`,
    );
  });
});
