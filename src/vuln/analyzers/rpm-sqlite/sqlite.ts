/**
 * Reading the rpm SQLite database (rpm ≥ 4.16: `rpmdb.sqlite`), whose `Packages` table holds one
 * header blob per package. ref. rpm `lib/backend/sqlite.c`: `CREATE TABLE Packages (hnum INTEGER
 * PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)`. sql.js (SQLite compiled to WebAssembly) avoids a
 * native build; it is loaded only when an rpm database is found.
 */
interface SqlJsDatabase {
  exec(sql: string): { columns: string[]; values: unknown[][] }[];
  close(): void;
}
interface SqlJsStatic {
  Database: new (data?: Uint8Array) => SqlJsDatabase;
}

let loading: Promise<SqlJsStatic> | undefined;

async function loadSqlJs(): Promise<SqlJsStatic> {
  // A variable specifier: sql.js ships no types, and this keeps it out of the start-up path.
  const specifier = 'sql.js';
  loading ??= (import(specifier) as Promise<{ default: () => Promise<SqlJsStatic> }>).then((mod) => mod.default());
  return await loading;
}

export type RpmSqliteResult = { ok: true; blobs: { hnum: number; blob: Uint8Array }[] } | { ok: false; message: string };

const SQLITE_MAGIC = 'SQLite format 3\u0000';

export async function readRpmSqlite(bytes: Uint8Array): Promise<RpmSqliteResult> {
  if (bytes.length < 100 || new TextDecoder('latin1').decode(bytes.subarray(0, 16)) !== SQLITE_MAGIC) {
    return { ok: false, message: 'not an SQLite database' };
  }
  let sql: SqlJsStatic;
  try {
    sql = await loadSqlJs();
  } catch (error) {
    loading = undefined;
    return { ok: false, message: `cannot load sql.js to read the rpm database: ${error instanceof Error ? error.message : String(error)}` };
  }
  let db: SqlJsDatabase | undefined;
  try {
    db = new sql.Database(bytes);
    const [result] = db.exec('SELECT hnum, blob FROM Packages ORDER BY hnum');
    const blobs = (result?.values ?? []).flatMap(([hnum, blob]) => (blob instanceof Uint8Array ? [{ hnum: Number(hnum), blob }] : []));
    return { ok: true, blobs };
  } catch (error) {
    return { ok: false, message: `cannot read the rpm database: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    db?.close();
  }
}
