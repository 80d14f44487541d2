import { describe, expect, it } from "vitest";
import { dayRange, describeActor, describeTarget, refKey, refsByType, type CurrentName } from "./audit-log";

const names = new Map<string, CurrentName>([
  [refKey("user", "u1"), { name: "Olivia Owner", context: "owner@example.test" }],
  [refKey("token", "7"), { name: "Nightly RMM upload" }],
  [refKey("server", "42"), { name: "EXCH01", context: "Harbor County" }],
  [refKey("organization", "3"), { name: "Harbor County", slug: "harbor-county" }],
]);

describe("the audit log's names", () => {
  it("names people and things as they are now", () => {
    expect(describeActor({ actorType: "user", actorId: "u1", actor: "old@example.test" }, names)).toMatchObject({
      kind: "user",
      name: "Olivia Owner",
      context: "owner@example.test",
      deleted: false,
    });
    expect(describeActor({ actorType: "token", actorId: "7", actor: "Nightly RMM upload" }, names)).toMatchObject({ kind: "token", name: "Nightly RMM upload" });
    expect(describeTarget({ targetType: "server", targetId: "42", target: "server 42" }, names)).toMatchObject({ name: "EXCH01", context: "Harbor County", id: "42" });
    expect(describeTarget({ targetType: "organization", targetId: "3", target: "Harbor" }, names)).toMatchObject({ name: "Harbor County", slug: "harbor-county" });
  });

  it("marks what was deleted since, by the name it had or by its kind and id", () => {
    expect(describeTarget({ targetType: "server", targetId: "123", target: "EXCH09" }, names)).toMatchObject({ name: "EXCH09", deleted: true, slug: null });
    expect(describeTarget({ targetType: "server", targetId: "123", target: null }, names)).toMatchObject({ name: "server #123", deleted: true });
    expect(describeTarget({ targetType: "mapping", targetId: "5", target: " " }, names)).toMatchObject({ name: "column mapping #5", deleted: true });
    expect(describeActor({ actorType: "token", actorId: "8", actor: "Old token" }, names)).toMatchObject({ kind: "token", name: "Old token", deleted: true });
  });

  it("shows the recorded words where an event names nothing by id", () => {
    expect(describeActor({ actorType: "anonymous", actorId: null, actor: "someone@example.test" }, names)).toMatchObject({ kind: "anonymous", name: "someone@example.test", deleted: false });
    expect(describeActor({ actorType: "system", actorId: null, actor: "system" }, names)).toMatchObject({ kind: "system", name: "system" });
    // An event from before ids were recorded, whose user could not be matched.
    expect(describeActor({ actorType: "user", actorId: null, actor: "gone@example.test" }, names)).toMatchObject({ kind: "label", name: "gone@example.test", deleted: false });
    expect(describeTarget({ targetType: null, targetId: null, target: "scan.csv" }, names)).toMatchObject({ kind: "label", name: "scan.csv" });
    expect(describeTarget({ targetType: "campaign", targetId: "x", target: "x" }, names)).toMatchObject({ kind: "label", name: "x" });
    expect(describeTarget({ targetType: null, targetId: null, target: null }, names)).toBeNull();
  });

  it("collects a page's references by type, each once", () => {
    const refs = refsByType([
      { actorType: "user", actorId: "u1", targetType: "server", targetId: "42" },
      { actorType: "user", actorId: "u1", targetType: "user", targetId: "u2" },
      { actorType: "token", actorId: "7", targetType: "server", targetId: "42" },
      { actorType: "anonymous", actorId: null, targetType: null, targetId: null },
      { actorType: "system", actorId: "ignored", targetType: "import", targetId: "9" },
    ]);
    expect(refs).toEqual({ user: ["u1", "u2"], token: ["7"], server: ["42"], organization: [], mapping: [] });
  });
});

describe("dayRange", () => {
  it("covers whole UTC days, both ends included", () => {
    expect(dayRange("2021-03-05", "2021-03-05")).toEqual({ gte: new Date("2021-03-05T00:00:00Z"), lt: new Date("2021-03-06T00:00:00Z") });
    expect(dayRange(undefined, "2021-12-31")).toEqual({ lt: new Date("2022-01-01T00:00:00Z") });
    expect(dayRange("2021-03-01")).toEqual({ gte: new Date("2021-03-01T00:00:00Z") });
    expect(dayRange()).toEqual({});
  });
});
