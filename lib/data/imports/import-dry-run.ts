// One import read as for real and written nowhere: on a read session, so it takes no write lock and cannot write by
// mistake (a read session refuses to). Answers what the import would do, and which organizations it would create.
import type { Access } from "../../domain/access";
import type { DryRunSummary } from "../../views";
import { withReadSession } from "../sql-session";
import type { JobReader } from "./import-job";
import { findImport, importScopeKey } from "./import-scope";
import { ImportWriter } from "./import-writer";

export async function dryRunImport(reader: JobReader, access: Access): Promise<DryRunSummary> {
  const { writer, read } = await withReadSession(async (s) => {
    const writer = new ImportWriter(s, 0, "", new Date(), access.organizationIds, true);
    const read = await reader.readRows((batch) => writer.writeBatch(batch));
    return { writer, read };
  });
  const newOrganizations = [...writer.newOrganizations.values()];
  // The same bytes into the same organizations would be answered with the earlier import; an upload that would
  // create an organization cannot have been imported into it before.
  if (newOrganizations.length === 0) {
    const earlier = await findImport(reader.digest(), importScopeKey(access, writer.touchedOrganizations));
    if (earlier) {
      const { changes: _changes, newOrganizations: _none, ...summary } = earlier;
      return { ...summary, duplicate: true, dryRun: true, newOrganizations: [] };
    }
  }
  const { rows, rejected, errors } = read;
  const created = writer.createdServers.size;
  return {
    id: null,
    format: reader.format,
    fileName: reader.label(),
    rows,
    accepted: rows - rejected,
    rejected,
    serversCreated: created,
    serversUpdated: writer.touchedServers.size - created,
    indicators: writer.indicatorsWritten,
    errors,
    duplicate: false,
    dryRun: true,
    newOrganizations,
  };
}
