import { notFound } from "next/navigation";

// Any unknown players' path: the translated 404 (app/[locale]/not-found.tsx) inside the locale's layout.
export default function CatchAll() {
  notFound();
}
