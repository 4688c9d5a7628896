/**
 * People's names for customers, account owners and agents: zh-CN (family + given name, with
 * the pinyin and gender the e-mail addresses and national ids use) and en.
 */
import type { Prng } from './prng.js';
import * as vocab from './vocabulary.js';

/** A Chinese name: `name` as written, `family` and `given` with their pinyin (and the given name's gender). */
export function zhName(prng: Prng): { name: string; family: readonly [string, string]; given: readonly [string, string, vocab.Gender] } {
  const family = prng.chance(0.03) ? prng.pick(vocab.ZH_FAMILY_NAMES.slice(-3)) : prng.pick(vocab.ZH_FAMILY_NAMES);
  const given = prng.pick(vocab.ZH_GIVEN_NAMES);
  return { name: family[0] + given[0], family, given };
}

/** An English name: `name` is first + last. */
export function enName(prng: Prng): { name: string; first: readonly [string, string | null, vocab.Gender]; last: string } {
  const first = prng.pick(vocab.EN_FIRST_NAMES);
  const last = prng.pick(vocab.EN_LAST_NAMES);
  return { name: `${first[0]} ${last}`, first, last };
}

