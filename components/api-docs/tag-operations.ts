// The description's operations grouped by their tag, in the tags' order and then the document's.
import { METHODS, type OpenApiDocument, type OpenApiOperation } from "@/lib/api/openapi/document";
import type { Method, TagSpec } from "@/lib/api/openapi/operation";

export interface TagOperations {
  tag: TagSpec;
  operations: { method: Method; path: string; op: OpenApiOperation }[];
}

export function operationsByTag(doc: OpenApiDocument): TagOperations[] {
  const all = Object.entries(doc.paths).flatMap(([path, item]) => METHODS.flatMap((method) => (item[method] ? [{ method, path, op: item[method] }] : [])));
  return doc.tags.map((tag) => ({ tag, operations: all.filter(({ op }) => op.tags[0] === tag.name) }));
}
