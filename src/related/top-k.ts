/**
 * The best few of a stream of items, each a key (an integer: a paper or a term) with a value:
 * higher values rank first, and equal values go to the lower key, so that what is chosen never
 * depends on the order the items came in.
 *
 * A bounded heap with the worst item kept at its root: a long stream costs little more than one
 * comparison per item. Its typed arrays are reused from one selection to the next, and no value
 * is ever passed to a call that may not be inlined (which would box it on the heap), so that
 * choosing for every paper allocates nothing.
 */
export class TopK {
  /** The items kept, in positions 0 to size - 1: in heap order, or best first after `sortBestFirst`. */
  keys: Int32Array;
  values: Float64Array;
  size = 0;
  private limit = 0;

  constructor(capacity: number) {
    this.keys = new Int32Array(capacity);
    this.values = new Float64Array(capacity);
  }

  /** Starts a new selection of the best `limit` items. */
  reset(limit: number): void {
    if (limit > this.keys.length) {
      this.keys = new Int32Array(limit);
      this.values = new Float64Array(limit);
    }
    this.limit = limit;
    this.size = 0;
  }

  /** Small enough to be inlined where it is called: most items lose to the root at once. */
  offer(key: number, value: number): void {
    if (this.size < this.limit) {
      this.keys[this.size] = key;
      this.values[this.size] = value;
      this.siftUp(this.size++);
    } else if (this.limit > 0 && ranksBelow(this.values[0]!, this.keys[0]!, value, key)) {
      this.keys[0] = key;
      this.values[0] = value;
      this.siftDown(0, this.size);
    }
  }

  /** Orders the kept items best first (a heap sort: the worst goes last, then the next worst…). */
  sortBestFirst(): void {
    for (let end = this.size - 1; end > 0; end--) {
      this.swap(0, end);
      this.siftDown(0, end);
    }
  }

  /** Moves the item at `at` up the heap while it ranks below its parent. */
  private siftUp(at: number): void {
    const { keys, values } = this;
    const key = keys[at]!;
    const value = values[at]!;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!ranksBelow(value, key, values[parent]!, keys[parent]!)) break;
      keys[at] = keys[parent]!;
      values[at] = values[parent]!;
      at = parent;
    }
    keys[at] = key;
    values[at] = value;
  }

  /** Moves the item at `at` down the heap `[0, size)` while a child ranks below it. */
  private siftDown(at: number, size: number): void {
    const { keys, values } = this;
    const key = keys[at]!;
    const value = values[at]!;
    for (;;) {
      let worst = 2 * at + 1;
      if (worst >= size) break;
      const right = worst + 1;
      if (right < size && ranksBelow(values[right]!, keys[right]!, values[worst]!, keys[worst]!)) worst = right;
      if (!ranksBelow(values[worst]!, keys[worst]!, value, key)) break;
      keys[at] = keys[worst]!;
      values[at] = values[worst]!;
      at = worst;
    }
    keys[at] = key;
    values[at] = value;
  }

  private swap(a: number, b: number): void {
    const key = this.keys[a]!;
    const value = this.values[a]!;
    this.keys[a] = this.keys[b]!;
    this.values[a] = this.values[b]!;
    this.keys[b] = key;
    this.values[b] = value;
  }
}

/** Whether item a ranks below item b: a lower value, or the same value and a higher key. */
function ranksBelow(valueA: number, keyA: number, valueB: number, keyB: number): boolean {
  return valueA < valueB || (valueA === valueB && keyA > keyB);
}
