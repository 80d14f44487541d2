import { describe, expect, it } from "vitest";
import { AUDIT_PAGE_SIZE, auditQuery, parseAuditSearch } from "./audit-query";

describe("the audit log's query", () => {
  it("takes an action, who, a range of UTC days and a page", () => {
    expect(parseAuditSearch({ action: "remediate", actor: " Olivia ", from: "2021-03-01", to: "2021-03-31", page: "2" })).toEqual({
      query: { action: "remediate", actor: "Olivia", from: "2021-03-01", to: "2021-03-31", page: 2, pageSize: AUDIT_PAGE_SIZE },
      problems: [],
    });
    expect(parseAuditSearch({ from: "2021-03-05", to: "2021-03-05" }).query).toMatchObject({ from: "2021-03-05", to: "2021-03-05" });
    expect(parseAuditSearch({ from: "", to: "", actor: "" })).toEqual({ query: { page: 1, pageSize: AUDIT_PAGE_SIZE }, problems: [] });
    expect(parseAuditSearch({ from: ["2021-03-01", "2022-01-01"] }).query.from).toBe("2021-03-01");
  });

  it("leaves out a day that is not one, and says so", () => {
    const { query, problems } = parseAuditSearch({ from: "2021-02-30", to: "31/03/2021", actor: "ann" });
    expect(query).toEqual({ actor: "ann", page: 1, pageSize: AUDIT_PAGE_SIZE });
    expect(problems).toEqual(["From was left out: not a day of the calendar.", "To was left out: use YYYY-MM-DD."]);
  });

  it("leaves out the end of a range that ends before it starts, also when another value was bad too", () => {
    expect(parseAuditSearch({ from: "2021-04-01", to: "2021-03-01" })).toEqual({
      query: { from: "2021-04-01", page: 1, pageSize: AUDIT_PAGE_SIZE },
      problems: ["To was left out: the end of the range is before its start."],
    });
    const both = parseAuditSearch({ action: "nonsense", page: "-3", from: "2021-04-01", to: "2021-03-01" });
    expect(both.query).toEqual({ from: "2021-04-01", page: 1, pageSize: AUDIT_PAGE_SIZE });
    expect(both.problems).toEqual(["To was left out: the end of the range is before its start."]);
  });

  it("bounds what it reads", () => {
    expect(auditQuery.safeParse({ actor: "x".repeat(321) }).success).toBe(false);
    expect(auditQuery.safeParse({ pageSize: 201 }).success).toBe(false);
    expect(parseAuditSearch({ actor: "x".repeat(321) }).query.actor).toBeUndefined();
  });
});
