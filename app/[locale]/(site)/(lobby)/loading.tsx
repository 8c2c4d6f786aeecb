import { LobbySkeleton } from "@/components/lobby/lobby-skeleton";

export default function Loading() {
  return <LobbySkeleton />;
}
