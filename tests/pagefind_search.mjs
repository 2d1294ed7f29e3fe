// Pagefind's own search code (site/pagefind/pagefind.js) in Node, over a built site, without a
// browser, with the ranking options and the search function (`find`: a second search of the
// words joined, whole words first) of the site's search script (docs/assets/search.js).
//   node tests/pagefind_search.mjs <site> <query>...   one JSON line per query: the result
//                                                      pages in order, with excerpt and metadata
//   node tests/pagefind_search.mjs <site> --all        one JSON line: every page in the index,
//                                                      decoded (content, metadata, filters)
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const [site, ...queries] = process.argv.slice(2);
const here = path.dirname(fileURLToPath(import.meta.url));
const script = fs.readFileSync(path.join(here, "../docs/assets/search.js"), "utf8");
const options = JSON.parse(script.split("/* options */")[1].split("/* end options */")[0]);
const find = new Function(`return ${script.split("/* find */")[1].split("/* end find */")[0]}`)();

// pagefind.js fetches its index relative to its own address: serve file: addresses from disk.
globalThis.fetch = async (input) => {
  const url = String(input?.url ?? input).split("?")[0];
  return new Response(fs.readFileSync(fileURLToPath(url)));
};
const pagefind = await import(pathToFileURL(path.resolve(site, "pagefind/pagefind.js")).href);
await pagefind.options({ ...options, baseUrl: "/" });

const fields = (data) => ({ url: data.url, excerpt: data.excerpt, content: data.content,
  meta: data.meta, filters: data.filters });
const page = async (result) => fields(await result.data());
if (queries[0] === "--all") {
  const all = await pagefind.search(null, { filters: {} });
  console.log(JSON.stringify(await Promise.all(all.results.map(page))));
} else {
  for (const query of queries) {
    const found = await find(pagefind, query, 8);
    console.log(JSON.stringify({ query, total: found.total, pages: found.pages.map(fields) }));
  }
}
