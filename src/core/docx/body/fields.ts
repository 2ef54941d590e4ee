// Fields: hyperlinks (w:hyperlink, HYPERLINK fields), legacy form fields (FORMCHECKBOX, FORMDROPDOWN), simple fields.
import type { Attributes } from '../xml';
import { toggle, type Handlers } from './state';

export const fields: Handlers = {
  open: {
    'w:instrText': (s) => {
      s.inInstruction = true;
    },
    'w:fldChar': (s, a) => {
      const type = a.get('w:fldCharType');
      if (type === 'begin') s.fields.push({ instruction: '', inResult: false, checkboxEmitted: false });
      else if (type === 'separate') {
        const field = s.fields[s.fields.length - 1];
        if (field) {
          field.inResult = true;
          field.link = hyperlinkTarget(field.instruction);
          s.emitFieldCheckbox(field);
          s.emitDropdown(field, false);
        }
      } else if (type === 'end') {
        const field = s.fields[s.fields.length - 1];
        if (field) {
          field.inResult = true;
          s.emitFieldCheckbox(field);
          s.emitDropdown(field, true);
          s.fields.pop();
        }
      }
    },
    'w:checkBox': (s) => {
      const field = s.fields[s.fields.length - 1];
      if (field) field.checkbox = { default: false };
    },
    'w:default': (s, a) => {
      const field = s.fields[s.fields.length - 1];
      if (field?.checkbox && s.names[s.names.length - 2] === 'w:checkBox') field.checkbox.default = toggle(a);
      if (field?.dropdown && s.names[s.names.length - 2] === 'w:ddList') field.dropdown.default = entryIndex(a);
    },
    'w:ddList': (s) => {
      const field = s.fields[s.fields.length - 1];
      if (field) field.dropdown = { entries: [], emitted: false, suppressing: false };
    },
    'w:result': (s, a) => {
      const field = s.fields[s.fields.length - 1];
      if (field?.dropdown && s.names[s.names.length - 2] === 'w:ddList') field.dropdown.result = entryIndex(a);
    },
    'w:listEntry': (s, a) => {
      const field = s.fields[s.fields.length - 1];
      if (field?.dropdown && s.names[s.names.length - 2] === 'w:ddList') field.dropdown.entries.push(a.get('w:val') ?? '');
    },
    'w:fldSimple': (s, a) => {
      s.fields.push({
        instruction: a.get('w:instr') ?? '',
        inResult: true,
        link: hyperlinkTarget(a.get('w:instr') ?? ''),
        checkboxEmitted: false,
      });
    },
    'w:hyperlink': (s, a) => {
      const id = a.get('r:id');
      s.hyperlinks.push(id ? s.links.get(id) : undefined);
    },
    'w:checked': (s, a) => {
      const field = s.fields[s.fields.length - 1];
      if (field?.checkbox && s.names[s.names.length - 2] === 'w:checkBox') field.checkbox.checked = toggle(a);
    },
  },
  close: {
    'w:instrText': (s) => {
      s.inInstruction = false;
    },
    'w:fldSimple': (s) => {
      s.fields.pop();
    },
    'w:hyperlink': (s) => {
      s.hyperlinks.pop();
    },
  },
};

function entryIndex(attributes: Attributes): number | undefined {
  const index = Number(attributes.get('w:val'));
  return Number.isInteger(index) && index >= 0 ? index : undefined;
}

function hyperlinkTarget(instruction: string): string | undefined {
  const match = /^\s*HYPERLINK\s+"([^"]*)"/i.exec(instruction);
  return match?.[1];
}
