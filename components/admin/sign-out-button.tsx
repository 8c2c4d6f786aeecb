"use client";

import { useRouter } from "next/navigation";
import { signOutAction } from "@/lib/auth/actions";

/** The back office's sign-out (ends the session and its second-factor pass). */
export function SignOutButton() {
  const router = useRouter();
  return (
    <form
      action={async () => {
        await signOutAction();
        router.push("/");
        router.refresh();
      }}
    >
      <button type="submit" className="hover:text-white">
        Sign out
      </button>
    </form>
  );
}
