/**
 * Cells that fail only because of a known defect, each declared with `test.failing` under a name
 * that says which: issue 11's defects and new defects found by the matrix (posted on the board;
 * none is open now). When a fix lands the cell passes, `test.failing` then reports it,
 * and its line here must go.
 */
export const DEFECTS: Record<string, string> = {};

const KNOWN: { flow: string; policies?: string[]; surface?: string; defect: keyof typeof DEFECTS }[] = [];

export function knownDefect(flow: string, policy: string, surface: string): string | undefined {
  const found = KNOWN.find(
    (k) =>
      k.flow === flow && (!k.policies || k.policies.includes(policy)) && (k.surface ?? surface) === surface,
  );
  return found && DEFECTS[found.defect];
}
