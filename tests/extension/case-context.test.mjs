import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCaseContext } from '../../extension/lib/case-context.js';

test('names, dates of birth, addresses, ids and the case reference land in the proxy\'s shape', () => {
  const { caseContext, caseRef } = buildCaseContext({
    subject_name: '  Kerry   Nolan ', subject_dob: '17/09/2012', mother_name: 'Ann Nolan',
    address: '14 Acacia Avenue, Leeds LS6 2AB', nhs_number: '943 476 5919', case_ref: 'C-1234',
  });
  assert.deepEqual(caseContext, {
    people: [{ name: 'Kerry Nolan', dob: '2012-09-17' }, { name: 'Ann Nolan' }],
    addresses: ['14 Acacia Avenue, Leeds LS6 2AB'],
    ids: [{ type: 'NHS_NUMBER', value: '943 476 5919' }],
  });
  assert.equal(caseRef, 'C-1234');
});

test('empty values and a date of birth without a name add nothing', () => {
  assert.deepEqual(buildCaseContext({ subject_name: '  ', child_dob: '2012-01-01', bad_dob: 'soon' }),
    { caseContext: null, caseRef: null });
});
