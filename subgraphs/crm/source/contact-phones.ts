/**
 * A customer's phone numbers as the CRM stores them: each read by the one normaliser
 * (`readPhoneNumber`), so contact updates and seed loads accept and refuse exactly what
 * caller identification and the CTI webhook do. The raw text is kept as typed; the main
 * number (E.164) and the extension are stored apart, and calls match on the main number.
 */
import { badUserInput } from '../../../schema/errors.js';
import { readPhoneNumber, requirePhoneNumber } from '../../shared/phone.js';
import { MAX_CONTACTS } from './port.js';
import type { CustomerRecord, PhoneRecord, PhoneType } from './records.js';

const PHONE_TYPES: ReadonlySet<string> = new Set<PhoneType>(['MOBILE', 'LANDLINE', 'WORK', 'HOME', 'OTHER']);

/**
 * Validates `updateCustomerContact`'s `phones` before anything is written: at most
 * `MAX_CONTACTS`, each a known type and a number `readPhoneNumber` accepts, else a
 * `BAD_USER_INPUT` naming `phones[i].number` / `phones[i].type` (with `reason` for numbers).
 * The same number with the same extension given twice is kept once (the first).
 */
export function contactPhones(input: readonly { number: string; type: PhoneType }[]): PhoneRecord[] {
  if (input.length > MAX_CONTACTS) {
    throw badUserInput(`At most ${MAX_CONTACTS} phone numbers, got ${input.length}.`, { argumentName: 'phones' });
  }
  const seen = new Set<string>();
  const phones: PhoneRecord[] = [];
  input.forEach((phone, i) => {
    if (!PHONE_TYPES.has(phone.type)) {
      throw badUserInput(`${JSON.stringify(phone.type)} is not a phone type.`, { argumentName: `phones[${i}].type` });
    }
    const { e164, extension } = requirePhoneNumber(phone.number, `phones[${i}].number`);
    const key = `${e164};${extension ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    phones.push({ raw: phone.number.trim(), e164, extension, type: phone.type });
  });
  return phones;
}

/**
 * A seed customer's phones, each re-read from its raw text: a number the normaliser refuses,
 * or one whose E.164 form differs from the seed's, is an error naming the customer (a
 * generator bug), so nothing the API would refuse is ever loaded.
 */
export function seedPhones(customer: CustomerRecord): PhoneRecord[] {
  return customer.phones.map((phone) => {
    const reading = readPhoneNumber(phone.raw);
    if (!reading.ok) throw new Error(`Seed customer ${customer.id}: phone ${JSON.stringify(phone.raw)} is refused (${reading.reason}): ${reading.message}`);
    if (reading.e164 !== phone.e164 || reading.extension !== phone.extension) {
      throw new Error(`Seed customer ${customer.id}: phone ${JSON.stringify(phone.raw)} reads as ${reading.e164} ext ${String(reading.extension)}, the seed says ${phone.e164} ext ${String(phone.extension)}.`);
    }
    return { raw: phone.raw, e164: reading.e164, extension: reading.extension, type: phone.type };
  });
}
