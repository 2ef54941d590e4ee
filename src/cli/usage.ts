/** A command used the wrong way: main prints the usage and exits with status 2. */
export class UsageError extends Error {}
