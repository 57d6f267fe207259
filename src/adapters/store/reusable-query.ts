import type { Compilable, CompiledQuery, Kysely } from 'kysely';

/**
 * A read built and compiled by Kysely once, then run with new values: building and compiling a
 * query is most of what a one-row read costs in Elevate's own code (a `help` turn reads the
 * user's profile on every turn). `build` receives one placeholder value per argument and must use
 * each exactly once; the compiled parameters that are placeholders are replaced by the arguments
 * on every run, so their order in the SQL does not matter. The SQL is the dialect's, compiled for
 * the database the query runs on.
 */
export class ReusableQuery<Row, Args extends readonly unknown[]> {
  #compiled: CompiledQuery<Row> | undefined;
  /** Where each compiled parameter takes its value: an argument's index, or -1 for a constant. */
  #slots: number[] = [];

  constructor(
    private readonly db: Pick<Kysely<unknown>, 'executeQuery'>,
    private readonly arity: Args['length'],
    private readonly build: (...placeholders: string[]) => Compilable<Row>,
  ) {}

  async rows(...args: Args): Promise<Row[]> {
    const compiled = this.#compiled ?? this.#compile();
    const parameters = compiled.parameters.map((constant, i) => {
      const slot = this.#slots[i];
      return slot === -1 ? constant : args[slot];
    });
    const result = await this.db.executeQuery<Row>({ ...compiled, parameters });
    return result.rows;
  }

  #compile(): CompiledQuery<Row> {
    const placeholders = Array.from({ length: this.arity }, (_, i) => `\u0000reusable-query-${i}\u0000`);
    const compiled = this.build(...placeholders).compile();
    this.#slots = compiled.parameters.map((value) => placeholders.indexOf(value as string));
    for (let i = 0; i < this.arity; i++) {
      if (this.#slots.filter((slot) => slot === i).length !== 1) {
        throw new Error(`ReusableQuery: argument ${i} must appear exactly once in ${compiled.sql}`);
      }
    }
    this.#compiled = compiled;
    return compiled;
  }
}
