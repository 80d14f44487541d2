import { SYSTEM_ACCESS, type Access } from "@/lib/domain/access";

/** Tests that set up data act as the system (every organization, every right). */
export const TEST_ACCESS: Access = { ...SYSTEM_ACCESS, actor: { type: "system", label: "test" } };
