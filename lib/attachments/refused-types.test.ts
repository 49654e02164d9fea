import { describe, expect, it } from "vitest";
import { assertUploadableType } from "./refused-types";

const text = Buffer.from("echo hello\n");

describe("uploads refuse programs and scripts", () => {
  it("by name, as the recipient's system would save it (trailing dots and spaces dropped, NTFS streams read as the file)", async () => {
    for (const name of ["run.bat", "RUN.EXE", "run.bat.", "run.bat . ", "payload.js::$DATA", "payload.js:zone", "install.sh", "Tool.command", "setup.pkg", "app.dmg", "bundle.msix"]) {
      await expect(assertUploadableType(name, text), name).rejects.toMatchObject({ code: "unsupported_media_type", status: 415 });
    }
  });

  it("by bytes whatever the name (an ELF program called notes.txt)", async () => {
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(56)]);
    await expect(assertUploadableType("notes.txt", elf)).rejects.toMatchObject({ code: "unsupported_media_type" });
  });

  it("accepts documents, images and names that only contain a runnable extension", async () => {
    for (const name of ["invoice.pdf", "screenshot.png", "notes.txt", "batch.report.csv", "my.exe.notes.txt"]) await expect(assertUploadableType(name, text), name).resolves.toBeUndefined();
  });
});
