/**
 * The example operations the product is judged by, each in its own `.graphql` file here,
 * read by the README's examples, `npm run watch`, the tests and the benchmarks alike.
 */
import { readFileSync } from 'node:fs';

function operation(file: string): string {
  return readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
}

export const CUSTOMER_VIEW = operation('customer-view.graphql');
export const SCREEN_POP = operation('screen-pop.graphql');
export const CATCH_UP = operation('catch-up.graphql');
