// A .zip attachment: the files inside become attachments of their own ("forms.zip/Form.docx"),
// within the same limits as a .docx package (entries, inflated size, compression ratio).
import { unzipSync } from 'fflate';
import { DOCX_LIMITS, type DocxLimits } from '../docx/limits';
import type { Attachment } from '../message';

/** Files a zip made on a Mac or by Windows carries beside the real ones. */
const CLUTTER = /(^|\/)(__MACOSX\/|\._|\.DS_Store$|Thumbs\.db$|desktop\.ini$|~\$)/i;

export function expandZip(
  zip: Attachment,
  limits: DocxLimits = DOCX_LIMITS,
): { attachments: Attachment[] } | { problem: { code: string; message: string } } {
  if (zip.bytes.length > limits.attachmentBytes) {
    return {
      problem: {
        code: 'attachment-too-large',
        message: `The zip archive is larger than ${Math.round(limits.attachmentBytes / 1048576)} MB.`,
      },
    };
  }
  let entries = 0;
  let declared = 0;
  let problem: { code: string; message: string } | null = null;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip.bytes, {
      filter: (file) => {
        if (problem) return false;
        if (++entries > limits.zipEntries)
          problem = { code: 'too-many-parts', message: `The zip archive holds more than ${limits.zipEntries} files.` };
        if (file.name.endsWith('/') || CLUTTER.test(file.name)) return false;
        declared += file.originalSize;
        const ratio = file.size ? file.originalSize / file.size : 0;
        if (
          file.originalSize > limits.partBytes ||
          declared > limits.inflatedBytes ||
          (file.originalSize > 1_048_576 && ratio > limits.compressionRatio)
        ) {
          problem = { code: 'zip-bomb', message: 'A file in the zip archive inflates to an implausible size (a zip bomb?).' };
        }
        return !problem;
      },
    });
  } catch {
    return { problem: { code: 'corrupt-zip', message: 'The zip archive is damaged, incomplete or password-protected.' } };
  }
  if (problem) return { problem };
  const attachments = Object.entries(files)
    .filter(([, bytes]) => bytes.length <= limits.partBytes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, bytes]) => ({ name: `${zip.name}/${name}`, contentType: 'application/octet-stream', bytes }));
  return { attachments };
}
