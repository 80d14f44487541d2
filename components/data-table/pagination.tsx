import { formatNumber } from "../ui/format";

const PAGE_SIZES = [10, 25, 50, 100];

function PageButton({ label, onClick, disabled, children }: { label?: string; onClick: () => void; disabled: boolean; children: React.ReactNode }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={onClick}
      disabled={disabled}
      className="inline-flex items-center gap-1 rounded-lg border border-gray-300 bg-white px-2.5 py-1.5 text-sm font-medium text-gray-800 hover:bg-gray-50 disabled:cursor-not-allowed disabled:opacity-50 dark:border-gray-700 dark:bg-gray-900 dark:text-gray-200 dark:hover:bg-gray-800"
    >
      {children}
    </button>
  );
}

export interface PaginationProps {
  id: string;
  page: number;
  pageCount: number;
  pageSize: number;
  total: number;
  shown: number;
  noun: string;
  canPrevious: boolean;
  canNext: boolean;
  onFirst: () => void;
  onPrevious: () => void;
  onNext: () => void;
  onLast: () => void;
  onPageSize: (size: number) => void;
}

/** Rows per page, "page X of Y", the total, and first/previous/next/last. */
export function Pagination(props: PaginationProps) {
  const { id, page, pageCount, pageSize, total, shown, noun } = props;
  const sizes = PAGE_SIZES.includes(pageSize) ? PAGE_SIZES : [...PAGE_SIZES, pageSize].sort((a, b) => a - b);
  const from = shown > 0 ? (page - 1) * pageSize + 1 : 0;
  const to = shown > 0 ? from + shown - 1 : 0;
  return (
    <nav aria-label={`Pages of ${noun}`} className="flex flex-wrap items-center justify-between gap-3 border-t border-gray-200 px-3 py-3 text-sm dark:border-gray-800">
      <p role="status" className="text-gray-700 dark:text-gray-300">
        {total === 0 ? `No ${noun}` : `${formatNumber(from)}–${formatNumber(to)} of ${formatNumber(total)} ${noun}`}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <label htmlFor={`${id}-page-size`} className="flex items-center gap-2 text-gray-700 dark:text-gray-300">
          Rows per page
          <select
            id={`${id}-page-size`}
            value={pageSize}
            onChange={(e) => props.onPageSize(Number(e.target.value))}
            className="rounded-lg border border-gray-300 bg-white px-2 py-1.5 text-sm dark:border-gray-700 dark:bg-gray-900"
          >
            {sizes.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        <span className="text-gray-700 tabular-nums dark:text-gray-300">
          Page {formatNumber(Math.min(page, Math.max(pageCount, 1)))} of {formatNumber(Math.max(pageCount, 1))}
        </span>
        <div className="flex items-center gap-1">
          <PageButton label="First page" onClick={props.onFirst} disabled={!props.canPrevious}>
            <span aria-hidden="true">«</span>
          </PageButton>
          <PageButton onClick={props.onPrevious} disabled={!props.canPrevious}>
            <span aria-hidden="true">‹</span> Previous
          </PageButton>
          <PageButton onClick={props.onNext} disabled={!props.canNext}>
            Next <span aria-hidden="true">›</span>
          </PageButton>
          <PageButton label="Last page" onClick={props.onLast} disabled={!props.canNext}>
            <span aria-hidden="true">»</span>
          </PageButton>
        </div>
      </div>
    </nav>
  );
}
