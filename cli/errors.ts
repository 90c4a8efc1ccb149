/** A problem with what the user gave the command line (file, header, config, option): exit code 2. */
export class UsageError extends Error {}

export const EXIT_USAGE = 2;
