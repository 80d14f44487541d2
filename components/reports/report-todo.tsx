import type { ReportTodo } from "@/lib/domain/reports/client-report";

export function ReportTodoList({ items }: { items: ReportTodo[] }) {
  if (items.length === 0) return <p className="text-sm">Nothing: every server is patched and recently scanned.</p>;
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="report-todo">
      {items.map((item) => (
        <li key={`${item.kind}:${item.text}`}>{item.text}</li>
      ))}
    </ul>
  );
}
