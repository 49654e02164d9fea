import { fileTypeFromBuffer } from "file-type";
import { ApiError } from "../errors";

// Programs and scripts a double-click would run on the recipient's machine. A helpdesk passes files between
// strangers (a visitor to an agent, an agent to a customer), so uploads refuse them, as mail providers do;
// everything else is accepted (active web content only ever downloads, see sniff.ts).
const RUNNABLE_EXTENSIONS = /\.(exe|dll|scr|com|pif|cpl|msi|msix|msp|msc|appx|appxbundle|bat|cmd|ps1|psm1|vbs|vbe|js|jse|mjs|wsf|wsh|hta|jar|apk|lnk|reg|sh|command|app|pkg|dmg|deb|rpm|run)$/i;
/** The name as the recipient's system would save it: Windows drops trailing dots and spaces, and `name:stream` is an NTFS alternate stream of `name`. */
const savedName = (filename: string) => filename.split(":")[0]!.replace(/[. ]+$/, "");
const RUNNABLE_TYPES = new Set(["application/x-msdownload", "application/x-elf", "application/x-mach-binary", "application/x-dosexec", "application/vnd.microsoft.portable-executable"]);

/** Throws 415 `unsupported_media_type` naming the file for a program or script, by its bytes or its name. */
export async function assertUploadableType(filename: string, content: Buffer) {
  const detected = await fileTypeFromBuffer(content).catch(() => undefined);
  const byBytes = detected && RUNNABLE_TYPES.has(detected.mime);
  if (!byBytes && !RUNNABLE_EXTENSIONS.test(savedName(filename))) return;
  throw new ApiError("unsupported_media_type", `“${filename}” is a program or script (${detected?.mime ?? filename.split(".").pop()}): such files cannot be attached`, [
    { path: ["file"], message: "programs and scripts are refused" },
  ]);
}
