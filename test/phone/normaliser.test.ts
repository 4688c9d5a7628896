/**
 * The normaliser's table test (`readPhoneNumber`): every spelling of a number reads as the
 * same main number with its own extension, so a number stored in one spelling is found when
 * called in any other; every refused input is refused with its reason.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { readPhoneNumber, requirePhoneNumber, toE164 } from '../../subgraphs/shared/phone.js';
import { ACCEPTED, REFUSED } from './corpus.js';

describe('readPhoneNumber', () => {
  for (const group of ACCEPTED) {
    test(`${group.name}: each spelling reads as ${group.e164} with its extension`, () => {
      for (const [text, extension] of group.spellings) {
        assert.deepEqual(readPhoneNumber(text), { ok: true, e164: group.e164, extension }, JSON.stringify(text));
      }
    });

    test(`${group.name}: stored as any spelling, called as any other, they match`, () => {
      for (const [stored] of group.spellings) {
        const storedAs = toE164(stored);
        for (const [called] of group.spellings) {
          assert.equal(toE164(called), storedAs, `stored as ${JSON.stringify(stored)}, called as ${JSON.stringify(called)}`);
        }
      }
    });
  }

  test('numbers of different groups never meet', () => {
    assert.equal(new Set(ACCEPTED.map((group) => group.e164)).size, ACCEPTED.length);
  });

  test('every refused input is refused with its reason and a message quoting it', () => {
    for (const [input, reason] of REFUSED) {
      const reading = readPhoneNumber(input);
      assert.equal(reading.ok, false, JSON.stringify(input));
      if (reading.ok) continue;
      assert.equal(reading.reason, reason, JSON.stringify(input));
      if (typeof input === 'string' && input.trim() !== '' && reason !== 'EMPTY') assert.ok(reading.message.includes(JSON.stringify(input)), reading.message);
    }
  });

  test('the refusal says why: area code, country code, extension marker, JSON number', () => {
    const message = (input: unknown) => {
      const reading = readPhoneNumber(input);
      return reading.ok ? '' : reading.message;
    };
    assert.match(message('84664163'), /not a valid phone number in CN: a landline needs its area code/);
    assert.match(message('(650) 253-0000'), /country code \(\+1/);
    assert.match(message('+86 1740000000'), /not a valid phone number in CN: no such number range/);
    assert.match(message('010 6552 9988 8001'), /too many digits.*"ext\. 8001"/);
    assert.match(message(13800138000), /must be a string, got a number \(13800138000\)/);
    assert.match(message('+266696687'), /withheld caller ID/);
  });

  test('requirePhoneNumber throws BAD_USER_INPUT naming the argument, the value and the reason', () => {
    assert.throws(
      () => requirePhoneNumber('84664163', 'phone'),
      (error: { extensions?: Record<string, unknown> }) => {
        assert.deepEqual(error.extensions, { code: 'BAD_USER_INPUT', argumentName: 'phone', value: '84664163', reason: 'INVALID_NUMBER' });
        return true;
      },
    );
    assert.deepEqual(requirePhoneNumber('010-65529988转8001', 'phone'), { ok: true, e164: '+861065529988', extension: '8001' });
  });

  test('another default region reads national numbers there', () => {
    assert.deepEqual(readPhoneNumber('(650) 253-0000', 'US'), { ok: true, e164: '+16502530000', extension: null });
    assert.equal(readPhoneNumber('138 0013 8000', 'US').ok, false);
    assert.deepEqual(readPhoneNumber('0086 138 0013 8000', 'US'), { ok: true, e164: '+8613800138000', extension: null });
  });

  test('a text longer than 256 characters is refused before parsing', () => {
    const reading = readPhoneNumber(`138 0013 8000${' '.repeat(300)}`);
    assert.equal(reading.ok ? null : reading.reason, 'TOO_LONG');
  });
});
