// Text for the PDF's built-in Helvetica, which covers Windows-1252 (WinAnsi) only: any other character (an
// arrow, CJK, an emoji) would be drawn as unrelated glyphs, so it becomes "?". Control characters become spaces.
// Pure: text is always drawn as text by pdfkit (escaped in the content stream), never interpreted.
const CP1252_EXTRAS = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";

export function pdfText(value: string): string {
  let out = "";
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (code === 0x09 || code === 0x0a) out += code === 0x0a ? "\n" : " ";
    else if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0)) out += " ";
    else if (code < 0x100 || CP1252_EXTRAS.includes(ch)) out += ch;
    else out += "?";
  }
  return out;
}
