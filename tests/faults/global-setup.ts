import { ensureBuild } from "../../scripts/lib/app-server";

/**
 * The fault suite runs real `next start` processes of a production build. `npm test` builds
 * .next-test just before this suite; alone, `npm run test:faults` reuses that build or makes one
 * (FAULTS_DIST_DIR picks another folder, FAULTS_REBUILD=1 forces a fresh build).
 */
export const FAULTS_DIST_DIR = process.env.FAULTS_DIST_DIR ?? ".next-test";

export default function setup() {
  ensureBuild(FAULTS_DIST_DIR, process.env.FAULTS_REBUILD === "1");
}
