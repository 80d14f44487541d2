// A build judged against one campaign's fixes: the answer and the reason in words. A leaf module (types only).
export interface BuildVerdict {
  status: "patched" | "unpatched" | "unknown";
  product: string | null;
  cumulativeUpdate: string | null;
  reason: string;
}
