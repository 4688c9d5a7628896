/**
 * A SQL statement whose text depends only on how many ids it is given, compiled once per
 * dialect and id count and then run with the ids as its parameters.
 *
 * Kysely compiles a `sql` template anew on every execution: it walks the whole tree of the
 * statement. For the roll-up statements the write path runs on every CTI event and ticket
 * change (a UNION ALL of six measures, each with a bucket CASE of two dozen branches, joined to
 * every kept block length) that walk cost more than SQLite's own work (bench/cti-write). A
 * template builds the statement once per id count, checks that its parameters are exactly
 * the ids in order (anything else would be a template whose text depends on more than the
 * count: it throws; the ids may appear several times, each time as the same list), keeps the text, and later runs `CompiledQuery.raw(text, ids)`, which the
 * SQLite store's prepared-statement cache then finds by its text (database.ts).
 */
import { CompiledQuery, type QueryExecutorProvider, type QueryResult, type RawBuilder } from 'kysely';

/** Id counts kept per template and dialect (the callers chunk their ids to at most 500). */
const MAX_SHAPES = 512;

export class StatementTemplate<Row> {
  readonly #build: (ids: readonly string[]) => RawBuilder<Row>;
  readonly #texts = new Map<string, { text: string; repeats: number }>();

  /** `build` makes the statement for `ids`; its only parameters must be the ids, in order (literals with `sql.lit`). */
  constructor(build: (ids: readonly string[]) => RawBuilder<Row>) {
    this.#build = build;
  }

  /** Runs the statement for `ids` (non-empty) on `db` (a Kysely instance or transaction). */
  async execute(db: QueryExecutorProvider, ids: readonly string[]): Promise<QueryResult<Row>> {
    const executor = db.getExecutor();
    const shape = `${executor.adapter.constructor.name} ${ids.length}`;
    let known = this.#texts.get(shape);
    if (known === undefined) {
      const compiled = this.#build(ids).compile(db);
      const repeats = compiled.parameters.length / ids.length;
      if (!Number.isInteger(repeats) || compiled.parameters.some((value, i) => value !== ids[i % ids.length])) {
        throw new Error('StatementTemplate: the statement has parameters besides its ids; spell constants with sql.lit.');
      }
      known = { text: compiled.sql, repeats };
      if (this.#texts.size >= MAX_SHAPES) this.#texts.clear();
      this.#texts.set(shape, known);
    }
    const parameters: string[] = [];
    for (let i = 0; i < known.repeats; i++) parameters.push(...ids);
    return executor.executeQuery(CompiledQuery.raw(known.text, parameters) as CompiledQuery<Row>);
  }
}
