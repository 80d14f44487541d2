import { ROLE_LABELS } from "@/lib/domain/access";
import { DateTime } from "../ui/date-time";
import { AdminTable } from "./admin-table";
import type { AdminToken } from "./admin-types";
import type { FormState } from "./form-state";
import { OptionalDate } from "./optional-date";
import { OrganizationNames } from "./organization-names";
import { RevokeTokenButton } from "./revoke-token-button";
import { StateBadge } from "./state-badge";
import { CELL, ROW_HEADER } from "./styles";

const STATUS = {
  active: <StateBadge tone="green">Active</StateBadge>,
  revoked: <StateBadge tone="red">Revoked</StateBadge>,
  expired: <StateBadge tone="gray">Expired</StateBadge>,
} as const;

/** The API tokens: who made them, what they may reach, whether they still work. */
export function TokensTable({ tokens, revokeAction }: { tokens: AdminToken[]; revokeAction: (previous: FormState, formData: FormData) => Promise<FormState> }) {
  return (
    <AdminTable
      id="tokens"
      label="API tokens"
      testId="tokens-table"
      columns={["Name", "Role", "Organizations", "Created by", "Created", "Expires", "Last used", "Status", "Actions"]}
    >
      {tokens.map((token) => {
        const rowHeaderId = `token-${token.id}-name`;
        return (
          <tr key={token.id} className="hover:bg-gray-50 dark:hover:bg-gray-800/50">
            {/* Focus lands here after the token is revoked and its button is gone. */}
            <th id={rowHeaderId} tabIndex={-1} scope="row" className={`${ROW_HEADER} break-words`}>
              {token.name}
            </th>
            <td className={`${CELL} whitespace-nowrap`}>{ROLE_LABELS[token.role]}</td>
            <td className={CELL}>
              <OrganizationNames organizations={token.organizations} all={token.organizations.length === 0} />
            </td>
            <td className={`${CELL} break-all`}>{token.createdBy ?? <span className="text-gray-600 dark:text-gray-400">Unknown</span>}</td>
            <td className={`${CELL} whitespace-nowrap`}>
              <DateTime value={token.createdAt} dateOnly />
            </td>
            <td className={`${CELL} whitespace-nowrap`}>
              <OptionalDate value={token.expiresAt} dateOnly never="Never" />
            </td>
            <td className={`${CELL} whitespace-nowrap`}>
              <OptionalDate value={token.lastUsedAt} never="Not yet" />
            </td>
            <td className={CELL}>{STATUS[token.status]}</td>
            <td className={CELL}>
              <RevokeTokenButton token={token} rowHeaderId={rowHeaderId} action={revokeAction} />
            </td>
          </tr>
        );
      })}
    </AdminTable>
  );
}
