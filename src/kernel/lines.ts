/** Maps byte offsets in a text to 1-based line and column numbers. */
export interface LineIndex {
  position(offset: number): { line: number; column: number };
}

export function createLineIndex(text: string): LineIndex {
  const starts: number[] = [0];
  let from = 0;
  for (;;) {
    const next = text.indexOf('\n', from);
    if (next < 0) break;
    starts.push(next + 1);
    from = next + 1;
  }
  return {
    position(offset) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((starts[mid] ?? 0) <= offset) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
    },
  };
}
