import { extractText, getDocumentProxy } from "unpdf";

/** The text of a PDF, every page joined, as a reader would search it. */
export async function pdfTextOf(bytes: Uint8Array | ArrayBuffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text;
}
