/** Packaging failed; `problems` lists every reason, `exitCode` is 2 for bad environment values. */
export class PackagingError extends Error {
  constructor(
    readonly problems: string[],
    readonly exitCode: 1 | 2 = 1,
    heading = 'Cannot build the Teams app package',
  ) {
    super(`${heading}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PackagingError';
  }
}
