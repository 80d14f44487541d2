import { describe, expect, it } from "vitest";
import { can, organizationsFor, seesOrganization, type Access } from "./access";

const access = (role: Access["role"], organizationIds: number[] | null): Access => ({
  actor: { type: "user", id: "u1", label: "u@example.test" },
  role,
  organizationIds,
  ip: null,
});

describe("organizationsFor", () => {
  it("gives owners and admins every organization, whatever is assigned", () => {
    expect(organizationsFor("owner", false, [1])).toBeNull();
    expect(organizationsFor("admin", false, [])).toBeNull();
  });

  it("gives technicians every organization unless an admin limited them to their assignments", () => {
    expect(organizationsFor("technician", true, [1])).toBeNull();
    expect(organizationsFor("technician", false, [1, 2])).toEqual([1, 2]);
  });

  it("gives client viewers only their assignments, even with the all-organizations flag", () => {
    expect(organizationsFor("viewer", true, [3])).toEqual([3]);
    expect(organizationsFor("viewer", false, [])).toEqual([]);
  });
});

describe("can", () => {
  it.each([
    ["owner", true, true],
    ["admin", true, true],
    ["technician", false, true],
    ["viewer", false, false],
  ] as const)("%s: administer %s, write %s", (role, administer, write) => {
    expect(can.administer(access(role, null))).toBe(administer);
    expect(can.write(access(role, null))).toBe(write);
  });
});

describe("seesOrganization", () => {
  it("is true for every organization without a limit, else only for the listed ones", () => {
    expect(seesOrganization(access("admin", null), 7)).toBe(true);
    expect(seesOrganization(access("viewer", [1, 2]), 2)).toBe(true);
    expect(seesOrganization(access("viewer", [1, 2]), 7)).toBe(false);
  });
});
