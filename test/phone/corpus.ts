/**
 * Spellings of phone numbers as people type them into a CRM and as phone systems send them
 * (vendor documentation, RFC 3261/3966 examples, bug reports), read in the default region CN.
 * One corpus for the normaliser's table test and for every entry point's test, so that all
 * of them are held to the same accept/refuse set.
 */
import type { PhoneRefusal } from '../../subgraphs/shared/phone.js';

/** One number: its E.164 main number and every spelling of it, each with the extension it carries. */
export interface NumberSpellings {
  name: string;
  e164: string;
  spellings: readonly (readonly [text: string, extension: string | null])[];
}

const plain = (...texts: string[]) => texts.map((text) => [text, null] as const);
const withExtension = (extension: string, ...texts: string[]) => texts.map((text) => [text, extension] as const);

export const ACCEPTED: readonly NumberSpellings[] = [
  {
    name: 'a China mobile',
    e164: '+8613800138000',
    spellings: [
      ...plain(
        '138 0013 8000',
        '13800138000',
        '138-0013-8000',
        '+86-138-0013-8000',
        '+86 138 0013 8000',
        '8613800138000',
        '0086 138 0013 8000',
        // A Chinese input method: full-width digits, dashes, plus sign and ideographic spaces.
        '１３８００１３８０００',
        '138－0013－8000',
        '＋８６　１３８　００１３　８０００',
        // Other Unicode dashes, dots and digits.
        '138–0013–8000',
        '138‑0013‑8000',
        '138·0013·8000',
        '١٣٨٠٠١٣٨٠٠٠',
        // Copied from Apple / Outlook contacts: bidi embeddings, marks, isolates, zero-width characters, no-break spaces.
        '\u202A+86 138 0013 8000\u202C',
        '\u200E138 0013 8000',
        '\u2066+86\u00A0138\u00A00013\u00A08000\u2069',
        '138\u200B0013\u200B8000',
        '\uFEFF13800138000',
        // Phone systems: tel: and sip: URIs, SIP name-addr header values.
        'tel:+86-138-0013-8000',
        'tel:+8613800138000',
        'sip:+8613800138000@pbx.example.com;user=phone',
        'sips:8613800138000@10.0.0.1:5061',
        'sip:%2B8613800138000@pbx.example.com',
        '"Zhang San" <sip:+8613800138000@pbx.example.com>',
        '"Zhang San" <sip:+8613800138000@pbx.example.com>;tag=a6c85cf',
        'Zhang San <sip:+8613800138000@pbx.example.com>',
        'From: "Zhang San" <sip:+8613800138000@pbx.example.com>;tag=1928301774',
        '<tel:+8613800138000>',
        '<sip:+8613800138000@pbx.example.com>, <tel:+8613800138000>',
        'sip:+8613800138000@pbx.example.com:5060;transport=udp',
        'sip:013800138000@pbx.example.com',
        'TEL:+8613800138000',
        // Pasted from mail and business cards.
        '(+86) 138 0013 8000',
        '+86 138 0013 8000 (mobile)',
        '手机：138 0013 8000',
        'Mobile: +86 138 0013 8000',
        '手机13800138000',
        'Tel. 138 0013 8000',
        '+86 138 0013 8000 mobile',
        '138 0013 8000;',
        '+8613800138000#',
      ),
      ...withExtension('8001', '+86 138 0013 8000 ext. 8001'),
    ],
  },
  {
    name: 'a Beijing landline, with and without an extension',
    e164: '+861065529988',
    spellings: [
      ...plain(
        '(010) 6552 9988',
        '010-65529988',
        '01065529988',
        '010 65529988',
        '+86 10 6552 9988',
        '+86-10-65529988',
        '86-10-65529988',
        '+86 (0)10 6552 9988',
        '（010）65529988',
        '（０１０）６５５２９９８８',
        'Tel: 010-65529988',
        '电话：010-65529988',
        '【010】65529988',
        '+86 010 6552 9988',
        '0086-010-65529988',
        'tel:65529988;phone-context=+86-10',
        'tel:010-65529988;phone-context=example.com',
      ),
      ...withExtension(
        '8001',
        '010-65529988转8001',
        '010-65529988 转 8001',
        '010-65529988轉8001',
        '010-65529988分机8001',
        '010-65529988-转8001',
        '０１０－６５５２９９８８转８００１',
        '010-65529988 分机号：8001',
        '010-65529988 内线 8001',
        '010-65529988（转8001）',
        '010-65529988 ext. 8001',
        '010-65529988 Ext: 8001',
        '010-65529988 extension 8001',
        '010-65529988 (ext. 8001)',
        '010-65529988 x8001',
        '010-65529988#8001',
        // The Chinese switchboard form: a dash and the extension after a valid landline.
        '010-65529988-8001',
        '010-6552-9988-8001',
        '(010)6552-9988-8001',
        '010–65529988–8001',
        // A dialling pause (iOS/Android contacts) before the extension.
        '+86 10 6552 9988,8001',
        '+86 10 6552 9988;8001',
        '010-65529988,,8001',
        '+861065529988p8001',
        '+86-10-6552-9988;ext=8001',
        'tel:+86-10-6552-9988;ext=8001',
      ),
    ],
  },
  {
    name: 'a Shenzhen landline with an 8-digit local number',
    e164: '+8675588888888',
    spellings: [...plain('0755-8888-8888', '0755 8888 8888', '+86 755 8888 8888'), ...withExtension('123', '0755-8888-8888-123')],
  },
  {
    name: 'a Yiyang landline: the digits of a keypad placeholder, but a valid number when written nationally',
    e164: '+867378742833',
    spellings: plain('0737-874-2833', '7378742833', '+86 737 874 2833'),
  },
  {
    name: 'a China 400 hotline',
    e164: '+864008123456',
    spellings: plain('400-812-3456', '4008123456', '+86 400 812 3456'),
  },
  {
    name: 'a US number (needs its country code in a CN system)',
    e164: '+16502530000',
    spellings: [
      ...plain('+1 650-253-0000', '+1 (650) 253-0000', '001 650 253 0000', '+16502530000', '＋１ ６５０ ２５３ ００００'),
      ...withExtension('136', '+1 650-253-0000 x136', '+1 650 253 0000 ext. 136', 'tel:+1-650-253-0000;ext=136'),
    ],
  },
  {
    name: 'a Canadian number with an RFC 3966 extension',
    e164: '+19052223333',
    spellings: [...plain('+1 905 222 3333'), ...withExtension('555', '+19052223333;ext=555')],
  },
  {
    name: 'a Hong Kong mobile',
    e164: '+85291234567',
    spellings: plain('+852 9123 4567', '00852 9123 4567', '85291234567', '+852-9123-4567'),
  },
  {
    name: 'a London landline',
    e164: '+442079460958',
    spellings: plain('+44 20 7946 0958', '+44 (0)20 7946 0958', '0044 20 7946 0958'),
  },
];

/** Inputs every entry point refuses, with the reason. */
export const REFUSED: readonly (readonly [input: unknown, reason: PhoneRefusal])[] = [
  // Valid length, no such number: a local number without its area code, a foreign number without its country code.
  ['84664163', 'INVALID_NUMBER'],
  ['6552 9988', 'INVALID_NUMBER'],
  ['(650) 253-0000', 'INVALID_NUMBER'],
  ['650-253-0000', 'INVALID_NUMBER'],
  ['+86 1740000000', 'INVALID_NUMBER'],
  ['13800138000-1', 'INVALID_NUMBER'],
  ['65529988-8001', 'INVALID_NUMBER'],
  // Short service numbers and too many digits (an extension must be marked).
  ['12', 'TOO_SHORT'],
  ['95588', 'TOO_SHORT'],
  ['10086', 'TOO_SHORT'],
  ['+86 138 0013 8000 8000', 'TOO_LONG'],
  ['010 6552 9988 8001', 'TOO_LONG'],
  ['13800138000/13900139000', 'TOO_LONG'],
  ['+999 1234 5678', 'INVALID_COUNTRY'],
  ['not a number', 'NOT_A_NUMBER'],
  ['138 0013 8000, 139 0013 9000', 'NOT_A_NUMBER'],
  ['sip:alice@example.com', 'NOT_A_NUMBER'],
  ['sip:pbx.example.com', 'NOT_A_NUMBER'],
  ['client:alice', 'NOT_A_NUMBER'],
  // Withheld and placeholder caller IDs.
  ['anonymous', 'WITHHELD'],
  ['Anonymous', 'WITHHELD'],
  ['RESTRICTED', 'WITHHELD'],
  ['Private Number', 'WITHHELD'],
  ['unknown', 'WITHHELD'],
  ['unavailable', 'WITHHELD'],
  ['withheld', 'WITHHELD'],
  ['匿名', 'WITHHELD'],
  ['Anonymous Caller', 'WITHHELD'],
  ['非通知', 'WITHHELD'],
  ['"Anonymous" <sip:anonymous@anonymous.invalid>;tag=1', 'WITHHELD'],
  ['sip:anonymous@pbx.example.com', 'WITHHELD'],
  ['tel:anonymous', 'WITHHELD'],
  ['+266696687', 'WITHHELD'],
  ['+7378742833', 'WITHHELD'],
  ['+17378742833', 'WITHHELD'],
  ['+2562533', 'WITHHELD'],
  ['+8656696', 'WITHHELD'],
  ['+86282452253', 'WITHHELD'],
  ['266696687', 'WITHHELD'],
  ['+1 000-000-0000', 'WITHHELD'],
  ['00000000000', 'WITHHELD'],
  ['000-0000-0000', 'WITHHELD'],
  ['+0000000000', 'WITHHELD'],
  ['0', 'WITHHELD'],
  ['', 'EMPTY'],
  ['   ', 'EMPTY'],
  ['\u200B\u200E', 'EMPTY'],
  // A JSON number has lost its "+" and leading "0": refused, never read as digits.
  [13800138000, 'NOT_A_STRING'],
  [8613800138000, 'NOT_A_STRING'],
  [true, 'NOT_A_STRING'],
];

/** The refused inputs that are strings (what a GraphQL `String` argument can carry). */
export const REFUSED_TEXTS = REFUSED.filter((entry): entry is readonly [string, PhoneRefusal] => typeof entry[0] === 'string');
