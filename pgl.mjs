import { PGlite } from "@electric-sql/pglite";

let t = Date.now();
const pg = await PGlite.create();
console.log("create", Date.now() - t);
t = Date.now();
await pg.exec("create table a(x int); insert into a values (1)");
const c = await pg.clone();
console.log("clone", Date.now() - t);
t = Date.now();
console.log((await c.query("select * from a")).rows);
const d = await pg.dumpDataDir("none");
console.log("dump", Date.now() - t, d.size);
t = Date.now();
const e = await PGlite.create({ loadDataDir: d });
console.log("load", Date.now() - t);
console.log((await e.query("select * from a")).rows);
