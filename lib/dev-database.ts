// Where `npm run dev` puts its embedded PostgreSQL; also the development default of DATABASE_URL.
// Its own module so scripts can know the port without evaluating lib/env (and its defaults) early.
export const DEV_DATABASE_PORT = 54329;
export const DEV_DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${DEV_DATABASE_PORT}/webgames`;
