import { NameCodes } from '../journey-index/name-codes.ts';

/** What a link did: `from`'s customer now belongs to `into`. */
export interface IdentityMerge {
  from: number;
  into: number;
}

/**
 * Identity stitching (EVENTS.md): every userId and anonymousId gets a dense code; codes
 * that name the same customer share a root (union-find). An anonymousId joins the first
 * userId it is seen with; a later different userId on the same device does not fuse two
 * known customers. `alias` is an explicit instruction and always merges. When the workspace
 * links by traits, an identify call's normalised `email`/`phone` merges its customer with every
 * customer seen with the same value before ({@link linkTrait}).
 */
export class IdentityGraph {
  private readonly names: string[] = [];
  /** Name → code; after a bulk {@link restore} it is built on first use. */
  private codesByName: NameCodes | null = new NameCodes(this.names);
  private parent = new Int32Array(1024);
  private known = new Uint8Array(1024);
  /** Trait link keys (`email:…`, `phone:…`) → the first identity seen with each (personal data: erased with it). */
  private readonly traitKeys = new Map<string, number>();

  get size(): number {
    return this.names.length;
  }

  private get codes(): NameCodes {
    if (this.codesByName === null) {
      const map = new NameCodes(this.names);
      map.reserve(this.names.length);
      for (let code = 0; code < this.names.length; code++) {
        const name = this.names[code] as string;
        if (name !== '') map.set(name, code);
      }
      this.codesByName = map;
    }
    return this.codesByName;
  }

  /** The code for an identity, created on first sight. */
  codeOf(name: string): number {
    let code = this.codes.get(name);
    if (code === undefined) {
      code = this.names.length;
      this.names.push(name);
      this.codes.set(name, code);
      if (code >= this.parent.length) this.grow();
      this.parent[code] = code;
    }
    return code;
  }

  /**
   * Restores a persisted dictionary (bulk load into an empty graph): `names[code]`, with ''
   * for codes whose identity was erased. Which codes are userIds is replayed with the links
   * ({@link markUser}), in arrival order, as it happened live.
   */
  restore(names: readonly string[]): void {
    if (this.names.length > 0) throw new Error('restore needs an empty identity graph');
    while (this.parent.length < names.length) this.grow();
    for (let code = 0; code < names.length; code++) {
      const name = names[code] as string;
      this.names.push(name);
      this.parent[code] = code;
    }
    this.codesByName = null; // built when first needed: reports only need code → name
  }

  /**
   * The identity has appeared as a userId. From then on it is a known customer: an anonymousId
   * seen with another userId no longer joins it. Applied in arrival order, with the links.
   */
  markUser(code: number): void {
    this.known[code] = 1;
  }

  /** Whether the identity has appeared as a userId (a customer's root is one as soon as any of theirs has). */
  isUser(code: number): boolean {
    return this.known[code] === 1;
  }

  /** Identity names from `fromCode` on (to persist what was added since). */
  namesFrom(fromCode: number): string[] {
    return this.names.slice(fromCode);
  }

  lookup(name: string): number | undefined {
    return this.codes.get(name);
  }

  nameOf(code: number): string {
    return this.names[code] as string;
  }

  /** The customer (root code) an identity belongs to now. */
  customerOf(code: number): number {
    let root = code;
    while (this.parent[root] !== root) root = this.parent[root] as number;
    let node = code;
    while (this.parent[node] !== root) {
      const next = this.parent[node] as number;
      this.parent[node] = root;
      node = next;
    }
    return root;
  }

  /** The customer's display id: their userId when they have one. */
  customerName(root: number): string {
    return this.names[root] as string;
  }

  /** A message carried both ids: the anonymous history becomes the user's. */
  linkAnonymous(anonymousCode: number, userCode: number): IdentityMerge | null {
    const anonRoot = this.customerOf(anonymousCode);
    const userRoot = this.customerOf(userCode);
    if (anonRoot === userRoot) return null;
    if (this.known[anonRoot] === 1) return null; // already someone's device: first user wins
    this.parent[anonRoot] = userRoot;
    return { from: anonRoot, into: userRoot };
  }

  /** `alias`: previousId and everything linked to it becomes userId's customer. */
  alias(previousCode: number, userCode: number): IdentityMerge | null {
    const fromRoot = this.customerOf(previousCode);
    const intoRoot = this.customerOf(userCode);
    if (fromRoot === intoRoot) return null;
    this.parent[fromRoot] = intoRoot;
    return { from: fromRoot, into: intoRoot };
  }

  /**
   * An identify call carried a shared trait (workspace setting `identity.linkBy`): the
   * identity's customer and every customer seen with the same key before become one. The
   * merged customer's root is a userId if either's is, else the one seen first.
   */
  linkTrait(code: number, key: string): IdentityMerge | null {
    const first = this.traitKeys.get(key);
    if (first === undefined) {
      this.traitKeys.set(key, code);
      return null;
    }
    const earlier = this.customerOf(first);
    const later = this.customerOf(code);
    if (earlier === later) return null;
    // The merged customer is named by a userId if either has one, else by the identity seen first
    // (codes are given in arrival order): the same whatever order the links come in.
    const laterWins = this.known[later] !== this.known[earlier] ? this.known[later] === 1 : later < earlier;
    const [from, into] = laterWins ? [earlier, later] : [later, earlier];
    this.parent[from] = into;
    return { from, into };
  }

  /** How many trait link keys are held (0 when linking by traits is off). */
  get traitKeyCount(): number {
    return this.traitKeys.size;
  }

  /** Every identity name that belongs to the customer (for erasure). */
  codesOf(root: number): number[] {
    const codes: number[] = [];
    for (let code = 0; code < this.names.length; code++) if (this.customerOf(code) === root) codes.push(code);
    return codes;
  }

  /** Every identity name that belongs to the customer. */
  membersOf(root: number): string[] {
    return this.codesOf(root).map((code) => this.names[code] as string);
  }

  /** Drops every identity of the customer from memory (right to erasure). */
  forget(root: number): void {
    const codes = new Set(this.codesOf(root));
    for (const code of codes) {
      this.codes.delete(this.names[code] as string);
      this.names[code] = '';
    }
    for (const [key, code] of this.traitKeys) if (codes.has(code)) this.traitKeys.delete(key);
  }

  private grow(): void {
    const parent = new Int32Array(this.parent.length * 2);
    parent.set(this.parent);
    this.parent = parent;
    const known = new Uint8Array(this.known.length * 2);
    known.set(this.known);
    this.known = known;
  }
}
