/**
 * 18-digit PRC resident identity numbers (GB 11643-1999): six digits of region, eight of
 * birth date, a three-digit sequence whose last digit is odd for men and even for women,
 * and an ISO 7064 MOD 11-2 check character.
 */
import type { Prng } from './prng.js';
import type { Gender } from './vocabulary.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

/** The check character for the first 17 digits. */
export function nationalIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK_CHARACTERS[sum % 11] as string;
}

/** Whether `id` is 18 characters with a correct check character and a real birth date. */
export function isValidNationalId(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const birth = id.slice(6, 14);
  const date = new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10).replaceAll('-', '') !== birth) return false;
  return nationalIdCheckCharacter(id.slice(0, 17)) === id[17];
}

const EARLIEST_BIRTH = Date.UTC(1955, 0, 1);
const LATEST_BIRTH = Date.UTC(2004, 11, 31);

export function nationalId(prng: Prng, region: string, gender: Gender): string {
  const birthMs = EARLIEST_BIRTH + Math.floor(prng.next() * ((LATEST_BIRTH - EARLIEST_BIRTH) / 86_400_000)) * 86_400_000;
  const birth = new Date(birthMs).toISOString().slice(0, 10).replaceAll('-', '');
  const sequenceHead = String(prng.int(0, 99)).padStart(2, '0');
  const genderDigit = gender === 'M' ? prng.pick([1, 3, 5, 7, 9]) : prng.pick([0, 2, 4, 6, 8]);
  const first17 = `${region}${birth}${sequenceHead}${genderDigit}`;
  return first17 + nationalIdCheckCharacter(first17);
}
