// Material's own search worker (lunr) in Node, over a built site, without a browser:
// node tests/lunr_search.js <site> <query>...  prints the first locations each query finds.
const fs = require("fs"), path = require("path");
const [site, ...queries] = process.argv.slice(2);
const dir = path.join(site, "assets/javascripts/workers");
const file = fs.readdirSync(dir).find(f => /^search\..*\.min\.js$/.test(f));
let listener, pending = [];
globalThis.self = globalThis;
globalThis.addEventListener = (t, fn) => { listener = fn; };
globalThis.postMessage = m => pending.shift()(m);
globalThis.importScripts = () => {};
require(path.resolve(dir, file));
const send = data => new Promise(res => { pending.push(res); listener({ data }); });
(async () => {
  const idx = JSON.parse(fs.readFileSync(path.join(site, "search/search_index.json"), "utf8"));
  idx.options = { suggest: false }; await send({ type: 0, data: idx });
  for (const q of queries) {
    const r = await send({ type: 2, data: q });
    const locs = (r.data.items || []).map(group => group[0] ? group[0].location : "?").slice(0, 6);
    console.log(JSON.stringify(q), "=>", locs.length ? locs.join(" | ") : "NO RESULTS");
  }
})();
