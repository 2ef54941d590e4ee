// Word structures forms are filled in with, on realistic forms built as Word saves them.
import { loadCatalogue } from '../../src/core/catalogue';
import { checkDocument } from '../../src/core/check';
import { readDocx } from '../../src/core/docx/read-docx';
import { blocksText } from '../../src/core/docx/model';
import { secondaryMasterySpecialist, secondaryTfmWorkGroup } from '../../scripts/samples/forms';

const catalogue = loadCatalogue();
const fieldsOf = (bytes: Uint8Array) => {
  const report = checkDocument(bytes, 'form.docx', catalogue, 'form.docx');
  expect(report.forms[0]?.formId).toBeTruthy();
  return report.forms[0]!.fields;
};

describe('a legacy drop-down form field (FORMDROPDOWN)', () => {
  it('answers with its chosen entry', () => {
    const bytes = secondaryMasterySpecialist(
      { currentRole: (w) => w.p([w.formDropdown(['Teacher of maths', 'Second in department', 'Head of department'], 1)]) },
      { seed: 'dropdown role' },
    );
    expect(fieldsOf(bytes).currentRole).toBe('Second in department');
  });

  it('a Yes/No drop-down gives a boolean', () => {
    const yes = secondaryMasterySpecialist({ qtsStatus: (w) => w.p([w.formDropdown(['Yes', 'No'], 0)]) }, { seed: 'dropdown yes' });
    const no = secondaryMasterySpecialist({ qtsStatus: (w) => w.p([w.formDropdown(['Yes', 'No'], 1)]) }, { seed: 'dropdown no' });
    expect(fieldsOf(yes).qtsStatus).toBe(true);
    expect(fieldsOf(no).qtsStatus).toBe(false);
  });

  it('with no w:result shows its first entry, as Word does', () => {
    const bytes = secondaryTfmWorkGroup(
      { workedWithSpecialist: (w) => w.p([w.formDropdown(['No', 'Yes'])]) },
      { seed: 'dropdown default' },
    );
    expect(fieldsOf(bytes).workedWithSpecialist).toBe(false);
  });

  it('is read once when a saver also cached the chosen entry as the result text', () => {
    const bytes = secondaryMasterySpecialist(
      {
        currentRole: (w) =>
          w.p([
            // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- tsc needs it (Xml is a branded string), the linter's view of the type differs
            w
              .formDropdown(['Teacher', 'Second in department'], 1)
              .replace(
                '<w:fldChar w:fldCharType="end"/>',
                '<w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Second in department</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/>',
              ) as never,
          ]),
      },
      { seed: 'dropdown cached' },
    );
    const read = readDocx(bytes);
    expect(read.ok && blocksText(read.document.blocks).match(/Second in department/g)?.length).toBe(1);
    expect(fieldsOf(bytes).currentRole).toBe('Second in department');
  });
});

describe('a value typed into the label cell after its label, with no colon', () => {
  it.each([
    ['a tab', 'School URN\t137 425'],
    ['several spaces', 'School URN    137 425'],
  ])('after %s', (_how, label) => {
    const bytes = secondaryMasterySpecialist({ schoolUrn: '', labels: { schoolUrn: label } }, { seed: `label ${label}` });
    expect(fieldsOf(bytes).schoolUrn).toBe('137425');
  });

  it('a label followed by one space and a word is still a longer label, not a value', () => {
    const bytes = secondaryMasterySpecialist({ schoolName: '', labels: { schoolName: 'Name of school' } }, { seed: 'label plain' });
    expect(fieldsOf(bytes).schoolName).toBe(null);
  });
});
