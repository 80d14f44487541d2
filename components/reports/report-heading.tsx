/** A heading of the report at the level its place needs (a fleet report nests each client's parts one deeper). */
export function ReportHeading({ level, id, children }: { level: 2 | 3; id: string; children: React.ReactNode }) {
  const Tag = level === 2 ? "h2" : "h3";
  return (
    <Tag id={id} className={`mt-8 mb-3 font-semibold tracking-tight break-after-avoid ${level === 2 ? "text-lg" : "text-base"}`}>
      {children}
    </Tag>
  );
}
