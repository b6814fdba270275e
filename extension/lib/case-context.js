// Turns the values read from the page by IT-configured selectors into the proxy's case-context shape
// ({people:[{name, dob?}], addresses:[...], ids:[{type, value}]}), so known identifiers are redacted.
// Naming convention for selector names: `<who>_name` and `<who>_dob` make a person, `address` / `<x>_address`
// an address, `case_ref` the case reference, anything else an identifier whose type is the name upper-cased.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/u;
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u;
const MAX = 300;

function isoDate(value) {
  if (ISO_DATE.test(value)) return value;
  const m = DMY.exec(value);
  if (!m) return null;
  return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
}

/**
 * @param {Record<string,string>} values  selector name → trimmed text of the element
 * @returns {{caseContext: object|null, caseRef: string|null}}
 */
export function buildCaseContext(values) {
  const people = new Map();
  const addresses = [];
  const ids = [];
  let caseRef = null;
  for (const [name, raw] of Object.entries(values ?? {})) {
    if (typeof raw !== 'string') continue;
    const value = raw.replace(/\s+/gu, ' ').trim().slice(0, MAX);
    if (value === '') continue;
    if (name === 'case_ref') {
      caseRef = value;
    } else if (name.endsWith('_name')) {
      const who = name.slice(0, -'_name'.length);
      people.set(who, { ...(people.get(who) ?? {}), name: value });
    } else if (name.endsWith('_dob')) {
      const who = name.slice(0, -'_dob'.length);
      const dob = isoDate(value);
      if (dob) people.set(who, { ...(people.get(who) ?? {}), dob });
    } else if (name === 'address' || name.endsWith('_address')) {
      addresses.push(value);
    } else {
      ids.push({ type: name.toUpperCase().slice(0, 40), value });
    }
  }
  const persons = [...people.values()].filter((p) => typeof p.name === 'string');
  const context = {};
  if (persons.length) context.people = persons;
  if (addresses.length) context.addresses = addresses;
  if (ids.length) context.ids = ids;
  return { caseContext: Object.keys(context).length ? context : null, caseRef };
}
