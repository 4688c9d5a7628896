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
import { CompiledQuery, type Compilable, type QueryExecutorProvider, type QueryResult, type RawBuilder } from 'kysely';

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

/** A value `PreparedStatement` stands in for its builder's parameters while it compiles. */
const SLOT_PREFIX = '\u0000switchboard-slot-';
const SLOT = (i: number) => `${SLOT_PREFIX}${i}`;
/** The index of a stand-in, or -1 for any other value. */
const slotOf = (value: unknown): number => (typeof value === 'string' && value.startsWith(SLOT_PREFIX) ? Number(value.slice(SLOT_PREFIX.length)) : -1);

/**
 * A statement built with Kysely's query builder once per dialect and shape, then run with
 * new values: the write path's statements whose texts depend only on how many rows or ids
 * they carry. The builder gets one stand-in per value (`slots`, in the order the caller will
 * pass the values) and must put every stand-in in the statement as a parameter and nothing
 * else from outside; parameters that are not stand-ins (constants the builder wrote, such as
 * `where('type', '=', 'TRANSFERRED')`) are kept as compiled. A shape is the dialect, the
 * number of values and the caller's `shape` key (for statements whose text varies with more
 * than the count, such as rows × columns: pass the row count). The SQLite store's
 * prepared-statement cache then finds the statement by its text (database.ts).
 */
export class PreparedStatement<Db extends QueryExecutorProvider, Row> {
  readonly #build: (db: Db, slots: readonly string[], shape: string) => Compilable<Row> | RawBuilder<Row>;
  readonly #shapes = new Map<string, { text: string; parameters: ({ slot: number } | { constant: unknown })[] }>();

  /**
   * `build` makes the statement on `db` (a Kysely instance for the query builder, or any
   * executor provider for `sql` templates) from the stand-ins of its values and the shape key
   * (see the class comment).
   */
  constructor(build: (db: Db, slots: readonly string[], shape: string) => Compilable<Row> | RawBuilder<Row>) {
    this.#build = build;
  }

  /** Runs the statement with `values` on `db` (a Kysely instance or transaction); `shape` as in the class comment. */
  async execute(db: Db, values: readonly unknown[], shape = ''): Promise<QueryResult<Row>> {
    const executor = db.getExecutor();
    const key = `${executor.adapter.constructor.name} ${values.length} ${shape}`;
    let known = this.#shapes.get(key);
    if (known === undefined) {
      const slots = values.map((_, i) => SLOT(i));
      const query = this.#build(db, slots, shape);
      const compiled = 'isRawBuilder' in query ? query.compile(db) : query.compile();
      const used = new Set<number>();
      const parameters = compiled.parameters.map((value) => {
        const slot = slotOf(value);
        if (slot < 0) return { constant: value };
        used.add(slot);
        return { slot };
      });
      if (used.size !== values.length) throw new Error(`PreparedStatement: the statement uses ${used.size} of its ${values.length} values as parameters.`);
      known = { text: compiled.sql, parameters };
      if (this.#shapes.size >= MAX_SHAPES) this.#shapes.clear();
      this.#shapes.set(key, known);
    }
    const parameters = known.parameters.map((p) => ('slot' in p ? values[p.slot] : p.constant));
    return executor.executeQuery(CompiledQuery.raw(known.text, parameters) as CompiledQuery<Row>);
  }
}
