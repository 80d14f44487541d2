// Bounds on a stream-json token stream, so a JSON upload cannot take the import's memory: the tokenizer packs
// a string, key or number whole and keeps a stack entry per open object or array, and an Assembler builds a
// whole entry. The tokenizer must also stream values (stringChunk / numberChunk tokens) and be fed bounded
// pieces: each piece's chunks are checked as they come, so a limit is overshot by one piece at most.
import type { Token } from "stream-json/core/parser.js";
import { ImportFileError } from "../import-file-error";

export interface JsonLimits {
  /** characters of one string, key or number */
  fieldChars: number;
  /** objects and arrays open at once */
  depth: number;
  /** characters of the strings, keys and numbers of one assembled entry */
  entryChars: number;
  /** values and keys of one assembled entry */
  entryValues: number;
}

export class JsonTokenBounds {
  private field = 0;
  private depth = 0;
  private entry: { chars: number; values: number } | null = null;

  /** `line()`: the line the tokenizer has read up to, for messages; `what`: the entry's name ("server entry"). */
  constructor(
    private readonly limits: JsonLimits,
    private readonly line: () => number,
    private readonly what: string,
  ) {}

  /** The tokens that follow, up to leaveEntry(), are assembled into one value. */
  enterEntry(): void {
    this.entry = { chars: 0, values: 0 };
  }

  leaveEntry(): void {
    this.entry = null;
  }

  check(t: Token): void {
    switch (t.name) {
      case "startObject":
      case "startArray":
        if (++this.depth > this.limits.depth) {
          throw this.error("nesting_too_deep", `objects and arrays are nested more than ${this.limits.depth} deep`);
        }
        this.count();
        return;
      case "endObject":
      case "endArray":
        this.depth--;
        return;
      case "startString":
      case "startKey":
      case "startNumber":
        this.field = 0;
        return;
      case "stringChunk":
      case "numberChunk":
        this.field += t.value.length;
        if (this.field > this.limits.fieldChars) {
          throw this.error("field_too_large", `a string, key or number is longer than ${this.limits.fieldChars} characters`);
        }
        if (this.entry !== null && (this.entry.chars += t.value.length) > this.limits.entryChars) {
          throw this.error("entry_too_large", `a ${this.what} holds more than ${this.limits.entryChars} characters`);
        }
        return;
      case "keyValue":
      case "stringValue":
      case "numberValue":
      case "nullValue":
      case "trueValue":
      case "falseValue":
        this.count();
        return;
    }
  }

  private count(): void {
    if (this.entry !== null && ++this.entry.values > this.limits.entryValues) {
      throw this.error("entry_too_large", `a ${this.what} holds more than ${this.limits.entryValues} values`);
    }
  }

  private error(code: string, what: string): ImportFileError {
    const line = this.line();
    return new ImportFileError(code, `Line ${line}: ${what}; the file was not imported.`, { line });
  }
}
