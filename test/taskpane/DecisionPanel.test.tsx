/**
 * @jest-environment jsdom
 */
// The decision panel as a reviewer uses it, found by role: criteria pre-filled from the form, a
// decision saved, and a conflicting change shown and resolved.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import DecisionPanel from '../../src/taskpane/components/DecisionPanel';
import { DecisionConflict, type DecisionSave, type FiledItem } from '../../src/taskpane/services/filing';
import type { CriterionView } from '../../src/taskpane/view/pane-view';

const criteria: CriterionView[] = [
  { id: 'qts', kind: 'essential', text: 'Qualified Teacher Status', settled: 'met' },
  { id: 'passion', kind: 'essential', text: 'Passion for teaching for mastery', settled: null },
  { id: 'subjectLeader', kind: 'desirable', text: 'Mathematics Subject Leader', settled: null },
];
const item: FiledItem = {
  id: '7',
  eTag: '"a,1"',
  url: 'http://x/DispForm.aspx?ID=7',
  status: 'New',
  decision: null,
  reviewNotes: null,
  criteria: {},
  decidedBy: null,
  decidedAt: null,
};

function renderPanel(onSave: (item: FiledItem, save: DecisionSave) => Promise<{ item: FiledItem; note: string | null }>) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <DecisionPanel criteria={criteria} item={item} decidedBy="Reviewer" onSave={onSave} describeError={(e) => String(e)} />
    </FluentProvider>,
  );
}

describe('the decision panel', () => {
  it('pre-fills what the form settles and saves the reviewer’s choices', async () => {
    const saves: DecisionSave[] = [];
    renderPanel(async (current, save) => {
      saves.push(save);
      return { item: { ...current, decision: save.decision, status: 'Accepted' }, note: null };
    });
    const qts = screen.getByRole('radiogroup', { name: 'Qualified Teacher Status' });
    expect((qts.querySelector('input[value="met"]') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getAllByRole('radio', { name: 'Not met' })[1]!);
    fireEvent.click(screen.getByRole('radio', { name: 'Accept' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Notes' }), { target: { value: 'Good.' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save decision' })));
    expect(saves).toEqual([{ decision: 'Accepted', notes: 'Good.', criteria: { qts: 'met', passion: 'notMet' }, decidedBy: 'Reviewer' }]);
    expect(screen.getByText(/Decision saved: Accept/)).toBeTruthy();
  });

  it('asks for a decision before saving', async () => {
    renderPanel(async () => Promise.reject(new Error('not called')));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save decision' })));
    expect(screen.getByText('Choose a decision first.')).toBeTruthy();
  });

  it('shows someone else’s change and saves over it with their eTag when asked', async () => {
    const theirs: FiledItem = { ...item, eTag: '"a,2"', status: 'Declined', decision: 'Declined', decidedBy: 'Another Reviewer' };
    const seen: string[] = [];
    renderPanel(async (current, save) => {
      seen.push(current.eTag);
      if (current.eTag === item.eTag) throw new DecisionConflict(theirs);
      return { item: { ...current, decision: save.decision }, note: null };
    });
    fireEvent.click(screen.getByRole('radio', { name: 'Waitlist' }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save decision' })));
    expect(screen.getByText(/changed by Another Reviewer: status Declined, decision Decline/)).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save mine over it' })));
    expect(seen).toEqual(['"a,1"', '"a,2"']);
    expect(screen.getByText(/Decision saved: Waitlist/)).toBeTruthy();
  });
});
