import Link from "next/link";

export function Forbidden() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-4 px-4 text-center">
      <p className="font-mono text-5xl text-money-loss">403</p>
      <h1 className="text-xl font-semibold text-white">Admins only</h1>
      <p className="text-sm text-zinc-400">
        Your account cannot open the back office. Sign in with an admin account, or go back to the lobby.
      </p>
      <Link href="/" className="text-brand-soft hover:underline">
        Back to the lobby
      </Link>
    </main>
  );
}
