// What a reader refuses a file with, for tests that compare the exact error a person would see.

/** The error a reader throws, as its code and message; 'read' when it reads the file. */
export function refusalOf(read: () => unknown): { code: string; message: string } | 'read' {
  try {
    read();
  } catch (error) {
    const { code, message } = error as { code: string; message: string };
    return { code, message };
  }
  return 'read';
}
