import type { Metadata } from "next";
import { CreateStaffForm, DisableButton, RoleForm } from "@/components/admin/staff-forms";
import { PageTitle, Section } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { A, Badge, Time } from "@/components/ui/text";
import { staffForPage } from "@/lib/admin/guard";
import { can, PERMISSIONS, type Permission, STAFF_ROLES } from "@/lib/admin/permissions";
import { ASSIGNABLE_ROLES, listStaff } from "@/lib/admin/staff";
import { changeRoleAction, createStaffAction, setDisabledAction } from "./actions";

export const metadata: Metadata = { title: "Staff" };

export default async function StaffPage() {
  const staff = await staffForPage("/admin/staff", "staff.view");
  const rows = await listStaff(staff);
  const manage = can(staff, "staff.manage");
  return (
    <>
      <PageTitle sub="Every staff member signs in with a password and a second factor. Changes apply on the person's next request and are audited.">
        Staff
      </PageTitle>
      {manage ? (
        <Section title="New staff member">
          <CreateStaffForm action={createStaffAction} roles={STAFF_ROLES} />
        </Section>
      ) : null}
      <Section title={`Staff (${rows.length})`}>
        <Table head={["Email", "Name", "Role", "Status", "Two-factor", "Last sign-in (UTC)", ""]} empty={rows.length === 0}>
          {rows.map((r) => (
            <tr key={r.id} data-staff-email={r.email}>
              <Td>
                <A href={`/admin/players/${r.id}`}>{r.email}</A>
              </Td>
              <Td>{r.nick}</Td>
              <Td>
                {manage && r.id !== staff.id ? (
                  <RoleForm action={changeRoleAction.bind(null, r.id)} current={r.role} roles={ASSIGNABLE_ROLES} email={r.email} />
                ) : (
                  <Badge tone="neutral">{r.role}</Badge>
                )}
              </Td>
              <Td>
                <Badge tone={r.blocked ? "bad" : "ok"}>{r.blocked ? "disabled" : "active"}</Badge>
              </Td>
              <Td>{r.secondFactor ? "set up" : "not yet"}</Td>
              <Td>
                <Time iso={r.lastSignInAt} /> {r.lastSignInIp}
              </Td>
              <Td>
                {manage && r.id !== staff.id ? (
                  <DisableButton action={setDisabledAction.bind(null, r.id, !r.blocked)} disabled={r.blocked} email={r.email} />
                ) : null}
              </Td>
            </tr>
          ))}
        </Table>
      </Section>
      <Section title="What each role may do (lib/admin/permissions.ts)">
        <Table head={["Permission", ...STAFF_ROLES]}>
          {(Object.keys(PERMISSIONS) as Permission[]).map((p) => (
            <tr key={p}>
              <Td mono>{p}</Td>
              {STAFF_ROLES.map((role) => (
                <Td key={role}>{(PERMISSIONS[p] as readonly string[]).includes(role) ? "✓" : ""}</Td>
              ))}
            </tr>
          ))}
        </Table>
      </Section>
    </>
  );
}
