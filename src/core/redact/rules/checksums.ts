/** Luhn (mod 10) over the digits of `s`, ignoring spaces and dashes. */
export function luhnValid(s: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) continue;
    let d = c;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * A payment card number: 13–19 digits whose issuer prefix and length belong to a card scheme
 * (Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay) and whose Luhn digit is right. The
 * prefix table is what tells a card from a nanosecond timestamp (`17…`, 19 digits) or a
 * microsecond one (`17…`, 16 digits), which the Luhn check alone passes one time in ten.
 */
export function cardNumberValid(s: string): boolean {
  const d = s.replace(/[ -]/g, '');
  if (!/^\d{13,19}$/.test(d)) return false;
  const n = d.length;
  const p2 = Number(d.slice(0, 2));
  const p3 = Number(d.slice(0, 3));
  const p4 = Number(d.slice(0, 4));
  const scheme =
    (d[0] === '4' && (n === 13 || n === 16 || n === 19)) ||
    (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && n === 16) ||
    ((p2 === 34 || p2 === 37) && n === 15) ||
    ((p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649) || p2 === 62) && n >= 16) ||
    (p4 >= 3528 && p4 <= 3589 && n >= 16) ||
    (((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38) && n >= 14);
  return scheme && luhnValid(d);
}

/** IBAN lengths by country (ISO 13616 registry, the common ones). */
const IBAN_LENGTH: Record<string, number> = {
  AD: 24,
  AE: 23,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BR: 29,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MR: 27,
  MT: 31,
  MU: 30,
  NL: 18,
  NO: 15,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  SA: 24,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  TN: 24,
  TR: 26,
  UA: 29,
  VG: 24,
  XK: 20,
};

/** An IBAN: known country, its length, and the ISO 7064 mod-97 check equal to 1. Spaces ignored. */
export function ibanValid(s: string): boolean {
  const c = s.replace(/ /g, '').toUpperCase();
  if (IBAN_LENGTH[c.slice(0, 2)] !== c.length) return false;
  const r = c.slice(4) + c.slice(0, 4);
  let rem = 0;
  for (let i = 0; i < r.length; i++) {
    const ch = r.charCodeAt(i);
    const v = ch >= 65 ? ch - 55 : ch - 48;
    rem = v >= 10 ? (rem * 100 + v) % 97 : (rem * 10 + v) % 97;
  }
  return rem === 1;
}

/** A US SSN (`AAA-GG-SSSS` or nine digits): area not 000, 666 or 9xx; group not 00; serial not 0000. */
export function ssnValid(s: string): boolean {
  const d = s.replace(/[ -]/g, '');
  if (!/^\d{9}$/.test(d)) return false;
  const area = d.slice(0, 3);
  return area !== '000' && area !== '666' && area[0] !== '9' && d.slice(3, 5) !== '00' && d.slice(5) !== '0000';
}
