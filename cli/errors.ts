/** Exit codes: 0 done, 2 a problem with what the user gave (file, header, config, option), 3 the output could not be written. */
export const EXIT_USAGE = 2;
export const EXIT_OUTPUT = 3;

/** A problem with what the user gave the command line (file, header, config, option): exit code 2. */
export class UsageError extends Error {}

/** The output could not be written (missing or unwritable folder, full disk): exit code 3. */
export class OutputError extends Error {}

/** The one-line reason of a failed system call, such as `no such folder` for ENOENT. */
export function systemReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case "ENOENT":
      return "no such folder";
    case "ENOTDIR":
      return "a part of the path is not a folder";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EROFS":
      return "the file system is read-only";
    case "ENOSPC":
    case "EDQUOT":
      return "the disk is full";
    case "EISDIR":
      return "it is a folder";
    default:
      return code ? `${code}: ${(e as Error).message}` : String((e as Error)?.message ?? e);
  }
}
