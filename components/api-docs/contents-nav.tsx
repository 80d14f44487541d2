import { LINK } from "@/components/ui/link-styles";
import { MethodBadge } from "./badges";
import { operationAnchor } from "./operation-view";
import { anchor } from "./schema-parts";
import type { TagOperations } from "./tag-operations";

/** Every operation by tag, each a link to its description. */
export function ContentsNav({ groups }: { groups: TagOperations[] }) {
  return (
    <nav aria-labelledby="contents-heading" className="mb-10">
      <h2 id="contents-heading" className="mb-3 text-lg font-semibold tracking-tight">
        Contents
      </h2>
      <div className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
        {groups.map(({ tag, operations }) => (
          <div key={tag.name}>
            <h3 className="text-sm font-semibold">
              <a href={`#${anchor("tag", tag.name)}`} className={LINK}>
                {tag.name}
              </a>
            </h3>
            <ul className="mt-2 space-y-1.5">
              {operations.map(({ method, path, op }) => (
                <li key={op.operationId} className="flex items-start gap-2 text-sm">
                  <MethodBadge method={method} />
                  <a href={`#${operationAnchor(op)}`} className={`${LINK} min-w-0 font-mono text-xs break-all`}>
                    {path}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </nav>
  );
}
