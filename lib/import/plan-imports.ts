// One upload can carry several files (a multipart form with several `file` fields). Each becomes an import of
// its own, all-or-nothing, except the files of one Test-ProxyLogon run: those describe one server together, so
// consecutive Test-ProxyLogon files form one import. Files are streamed one after another, never held: a job's
// files must be read before the next job is asked for.
import { DETECT_HEAD_BYTES, detectFormat, type ScanFormat } from "./detect-format";
import { ImportFileError } from "./import-file-error";
import { isTestProxyLogonFileName } from "./parsers/test-proxylogon";
import { peekHead } from "./peek-head";

export interface UploadFile {
  name: string | null;
  stream: AsyncIterable<Uint8Array>;
}

export interface DetectedFile extends UploadFile {
  head: Buffer;
  /** null when the content matches no format (the reason in `unrecognized`) */
  format: ScanFormat | null;
  unrecognized: ImportFileError | null;
}

export interface ImportJob {
  first: DetectedFile;
  /** every file of the job, `first` included; read them in order */
  files: AsyncIterable<DetectedFile>;
  /** the file names read so far (complete once `files` is consumed) */
  names: string[];
}

export async function detectFile(file: UploadFile): Promise<DetectedFile> {
  const { head, stream } = await peekHead(file.stream, DETECT_HEAD_BYTES);
  let format: ScanFormat | null = null;
  let unrecognized: ImportFileError | null = null;
  try {
    if (head.toString("latin1").trim() === "") throw new ImportFileError("empty_file", `${file.name ? `“${file.name}”` : "The file"} is empty.`);
    format = detectFormat(head, file.name);
  } catch (err) {
    if (!(err instanceof ImportFileError)) throw err;
    unrecognized = err;
  }
  // Test-ProxyLogon writes empty files and plain path lists, which only the name identifies.
  const named = file.name !== null && isTestProxyLogonFileName(file.name);
  if (named && (format === null || format === "unknown-csv")) {
    format = "test-proxylogon";
    unrecognized = null;
  }
  return { ...file, stream, head, format, unrecognized };
}

export async function* planImports(files: AsyncIterable<UploadFile> | Iterable<UploadFile>): AsyncGenerator<ImportJob> {
  const iterator = Symbol.asyncIterator in files ? files[Symbol.asyncIterator]() : toAsync(files)[Symbol.asyncIterator]();
  let pushedBack: DetectedFile | null = null;
  const next = async (): Promise<DetectedFile | null> => {
    if (pushedBack) {
      const file = pushedBack;
      pushedBack = null;
      return file;
    }
    const item = await iterator.next();
    return item.done ? null : detectFile(item.value);
  };

  for (;;) {
    const first = await next();
    if (first === null) return;
    const names = [first.name ?? "upload"];
    if (first.format !== "test-proxylogon") {
      yield { first, names, files: once(first) };
      continue;
    }
    async function* group(): AsyncGenerator<DetectedFile> {
      yield first!;
      for (;;) {
        const file = await next();
        if (file === null) return;
        if (file.format !== "test-proxylogon") {
          pushedBack = file;
          return;
        }
        names.push(file.name ?? "upload");
        yield file;
      }
    }
    yield { first, names, files: group() };
  }
}

async function* once(file: DetectedFile): AsyncGenerator<DetectedFile> {
  yield file;
}

async function* toAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}
