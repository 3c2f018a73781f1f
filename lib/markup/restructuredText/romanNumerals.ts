/** Roman numerals for enumerated lists (`i.`, `IV)`), strict as docutils' `roman` module is. */
const NUMERALS: [string, number][] = [
  ['M', 1000], ['CM', 900], ['D', 500], ['CD', 400], ['C', 100], ['XC', 90],
  ['L', 50], ['XL', 40], ['X', 10], ['IX', 9], ['V', 5], ['IV', 4], ['I', 1],
];
const CANONICAL = /^M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;

/** The value of a canonical upper-case numeral (1 to 4999), or null. */
export function fromRoman(numeral: string): number | null {
  if (numeral === '' || !CANONICAL.test(numeral)) return null;
  let value = 0;
  let rest = numeral;
  for (const [letters, amount] of NUMERALS) {
    while (rest.startsWith(letters)) {
      value += amount;
      rest = rest.slice(letters.length);
    }
  }
  return value;
}

export function toRoman(value: number): string | null {
  if (value < 1 || value > 4999) return null;
  let numeral = '';
  let rest = value;
  for (const [letters, amount] of NUMERALS) {
    while (rest >= amount) {
      numeral += letters;
      rest -= amount;
    }
  }
  return numeral;
}
