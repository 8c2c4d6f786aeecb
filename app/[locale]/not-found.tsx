import Link from "next/link";
import { useTranslations } from "next-intl";

export default function NotFound() {
  const t = useTranslations("errors");
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-4 px-4 text-center">
      <p className="font-mono text-5xl text-zinc-400">404</p>
      <h1 className="text-xl font-semibold text-white">{t("notFoundTitle")}</h1>
      <p className="text-sm text-zinc-400">{t("notFoundText")}</p>
      <Link href="/" className="text-brand-soft underline underline-offset-4 hover:text-white">
        {t("backToLobby")}
      </Link>
    </main>
  );
}
