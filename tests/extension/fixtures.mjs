// A small drafts response in the drafting API's shape, used by several test files.
export const ORIGINAL = 'Met Sam at home. He seemed well. We talked about school.';
export const DRAFT = 'Met Sam at home on 3 May. He seemed well. We discussed school and his attendance.';

export function draftResponse() {
  return {
    draft_id: 'd_0001',
    draft_text: DRAFT,
    marker: '[unreviewed AI draft d_0001]',
    tag: { id: 't1' },
    hunks: [
      {
        index: 0, changed: true, original: 'Met Sam at home. ', proposed: 'Met Sam at home on 3 May. ',
        ops: [{ op: 'equal', text: 'Met Sam at home' }, { op: 'insert', text: ' on 3 May' },
          { op: 'equal', text: '. ' }],
        flags: [{ kind: 'new_date', detail: '3 May' }], min_dwell_ms: 500,
      },
      {
        index: 1, changed: false, original: 'He seemed well. ', proposed: 'He seemed well. ',
        ops: [{ op: 'equal', text: 'He seemed well. ' }], flags: [], min_dwell_ms: 0,
      },
      {
        index: 2, changed: true, original: 'We talked about school.',
        proposed: 'We discussed school and his attendance.',
        ops: [{ op: 'equal', text: 'We ' }, { op: 'delete', text: 'talked about' }, { op: 'insert', text: 'discussed' },
          { op: 'equal', text: ' school' }, { op: 'insert', text: ' and his attendance' }, { op: 'equal', text: '.' }],
        flags: [], min_dwell_ms: 300,
      },
    ],
  };
}
