/**
 * Cells that fail only because of a known defect, each declared with `test.failing` under a name
 * that says which: issue 11's defects 1–7 (being fixed on f12-flows) and new defects found by the
 * matrix (posted on the board). When a fix lands the cell passes, `test.failing` then reports it,
 * and its line here must go.
 */
export const DEFECTS: Record<string, string> = {
  '1': 'issue 11 defect 1 (Extend takes the role away before it has what the new request needs)',
  '3': 'issue 11 defect 3 (scheduled start sends nothing)',
  '5': 'issue 11 defect 5 (remind-me lead not applied to running activations)',
  '7': 'issue 11 defect 7 (two notices on Deactivate)',
  N1: 'new defect N1 (deactivate does not take the "group <name> member|owner" form activate takes)',
};

const KNOWN: { flow: string; policies?: string[]; surface?: string; defect: keyof typeof DEFECTS }[] = [
  { flow: 'scheduledStart', defect: '3' },
  { flow: 'reminder', defect: '5' },
  { flow: 'deactivateEarly', policies: ['groupMember', 'groupOwner'], defect: 'N1' },
  { flow: 'deactivateLate', policies: ['groupMember', 'groupOwner'], defect: 'N1' },
];

export function knownDefect(flow: string, policy: string, surface: string): string | undefined {
  const found = KNOWN.find(
    (k) =>
      k.flow === flow && (!k.policies || k.policies.includes(policy)) && (k.surface ?? surface) === surface,
  );
  return found && DEFECTS[found.defect];
}
