// A damaged .xls for the end-to-end tests, built in memory.

// A compound file (the container of an .xls) whose workbook stream starts with a FilePass
// record of one byte, where calamine reads two: calamine panics on it (tests/hostile_input.rs
// builds the same file), and in the browser a panic stops the worker's wasm outright.
export function workbookCalaminePanicsOn() {
  const FAT = 0xFFFFFFFD;
  const END = 0xFFFFFFFE;
  const bytes = new Uint8Array(512 * 11);
  const view = new DataView(bytes.buffer);
  bytes.set([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
  bytes.set([0x3E, 0, 3, 0, 0xFE, 0xFF, 9, 0, 6, 0], 24); // version 3, 512-byte and 64-byte sectors
  view.setUint32(44, 1, true); // one sector of the allocation table, sector 0
  view.setUint32(48, 1, true); // the directory at sector 1
  view.setUint32(56, 4096, true);
  view.setUint32(60, END, true);
  view.setUint32(68, END, true);
  for (let i = 0; i < 109; i += 1) view.setUint32(76 + 4 * i, i === 0 ? 0 : 0xFFFFFFFF, true);
  const fat = [FAT, END, 3, 4, 5, 6, 7, 8, 9, END];
  for (let i = 0; i < 128; i += 1) view.setUint32(512 + 4 * i, fat[i] ?? 0xFFFFFFFF, true);
  const entry = (at, name, kind, first, length) => {
    [...name].forEach((c, i) => view.setUint16(at + 2 * i, c.charCodeAt(0), true));
    view.setUint16(at + 64, 2 * name.length + 2, true);
    bytes[at + 66] = kind;
    view.setUint32(at + 116, first, true);
    view.setUint32(at + 120, length, true);
  };
  entry(1024, 'Root Entry', 5, END, 0);
  entry(1024 + 128, 'Workbook', 2, 2, 4096);
  bytes.set([0x2F, 0x00, 0x01, 0x00, 0x00], 1536); // the FilePass record, one byte long
  return Buffer.from(bytes);
}
