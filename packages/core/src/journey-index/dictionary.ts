import { NameCodes } from './name-codes.ts';

/** String ↔ dense code, for dictionary-encoded columns. */
export class Dictionary {
  readonly values: string[] = [];
  private readonly codes = new NameCodes(this.values);

  codeOf(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }

  /** Restores a persisted dictionary into an empty one: `values[code]`. */
  restore(values: readonly string[]): void {
    if (this.values.length > 0) throw new Error('restore needs an empty dictionary');
    // By position: codes are what the store holds, even should two names be equal.
    this.codes.reserve(values.length);
    values.forEach((value, code) => {
      this.values.push(value);
      if (!this.codes.has(value)) this.codes.set(value, code);
    });
  }

  /**
   * Forgets the values of codes nothing refers to any more (right to erasure): each becomes ''
   * and is no longer found by value; codes are never reused.
   */
  forgetUnused(used: (code: number) => boolean): void {
    for (let code = 0; code < this.values.length; code++) {
      if (used(code)) continue;
      const value = this.values[code] as string;
      if (this.codes.get(value) === code) this.codes.delete(value);
      this.values[code] = '';
    }
  }

  lookup(value: string): number | undefined {
    return this.codes.get(value);
  }

  valueOf(code: number): string {
    return this.values[code] as string;
  }

  get size(): number {
    return this.values.length;
  }
}
