-- Staff roles (issue 12): besides `admin`, finance, support and auditor. What each may do is
-- lib/admin/permissions.ts, the one table; the database only knows the names.
ALTER TYPE "player_role" ADD VALUE IF NOT EXISTS 'finance';
ALTER TYPE "player_role" ADD VALUE IF NOT EXISTS 'support';
ALTER TYPE "player_role" ADD VALUE IF NOT EXISTS 'auditor';
