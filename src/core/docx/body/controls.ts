// Content controls (w:sdt: placeholders, w14 checkboxes) and tracked deletions, whose text is not the answer.
import type { CheckboxInline } from '../model';
import { toggle, type Handlers } from './state';

export const controls: Handlers = {
  open: {
    'w:del': (s) => {
      s.suppressed++;
    },
    'w:moveFrom': (s) => {
      s.suppressed++;
    },
    'w:sdt': (s) => {
      s.contentControls.push({ placeholder: false, suppressing: false });
    },
    'w:showingPlcHdr': (s, a) => {
      const control = s.contentControls[s.contentControls.length - 1];
      if (control) control.placeholder = toggle(a);
    },
    'w14:checkbox': (s) => {
      const control = s.contentControls[s.contentControls.length - 1];
      if (control) control.checkbox = false;
    },
    'w14:checked': (s, a) => {
      const control = s.contentControls[s.contentControls.length - 1];
      if (control && control.checkbox !== undefined) control.checkbox = toggle(a);
    },
    'w:sdtEndPr': () => 'skip',
    'w:sdtContent': (s) => {
      const control = s.contentControls[s.contentControls.length - 1];
      if (!control) return;
      if (control.checkbox !== undefined) {
        // The glyph inside (☒/☐) is replaced by the checkbox's own state.
        const box: CheckboxInline = { kind: 'checkbox', checked: control.checkbox };
        if (s.currentParagraph() && !isBlockLevel(s.names)) s.emit(box);
        else s.pendingCheckbox = box;
        control.suppressing = true;
      } else if (control.placeholder) {
        control.suppressing = true;
      }
      if (control.suppressing) s.suppressed++;
    },
  },
  close: {
    'w:del': (s) => {
      s.suppressed--;
    },
    'w:moveFrom': (s) => {
      s.suppressed--;
    },
    'w:sdtContent': (s) => {
      const control = s.contentControls[s.contentControls.length - 1];
      if (control?.suppressing) {
        s.suppressed--;
        control.suppressing = false;
      }
    },
    'w:sdt': (s) => {
      s.contentControls.pop();
    },
  },
};

function isBlockLevel(names: readonly string[]): boolean {
  // An sdt directly in the body, a cell or a text box wraps paragraphs; one inside w:p wraps runs.
  const parent = names[names.length - 3];
  return parent === 'w:body' || parent === 'w:tc' || parent === 'w:txbxContent' || parent === 'w:tr' || parent === 'w:tbl';
}
