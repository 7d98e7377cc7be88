type TypedArrayKind<T> = { new (buffer: ArrayBuffer | SharedArrayBuffer): T; BYTES_PER_ELEMENT: number };

/**
 * A typed array on shared memory where the platform has it (Node; browsers only when
 * cross-origin isolated), so worker threads can read the journey index without a copy.
 */
export function sharedArray<T>(Kind: TypedArrayKind<T>, length: number): T {
  const bytes = length * Kind.BYTES_PER_ELEMENT;
  return new Kind(typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
}
