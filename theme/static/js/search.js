// The archive's search page, on Pagefind's JavaScript API. Result text comes
// from article pages, so it is inserted as text, never as HTML: only the
// <mark> highlights Pagefind adds are kept, rebuilt as elements.
//
// The index is one Pagefind bundle per year, or per part of a large year
// (pagefind/shards.json lists them, newest first, each with the folder its
// URLs are relative to): the newest is loaded and the others merged into it,
// each tagged with a "shard" filter of its name.
const form = document.querySelector("[data-search]");
const input = form.querySelector("#search-query");
const sort = form.querySelector("#search-sort");
const status = form.querySelector(".search-status");
const list = form.querySelector(".search-results");
const selects = [...form.querySelectorAll("[data-filter]")];
const PAGE_SIZE = 20;

const indexUrl = new URL(form.dataset.pagefind, document.baseURI);
const siteUrl = new URL(form.dataset.baseUrl, document.baseURI);
const listed = (await (await fetch(new URL("shards.json", indexUrl))).json()).shards;
if (!listed.length) throw new Error("The archive has no articles to search yet.");
const shards = listed.map((shard) => shard.bundle);
const bundleOptions = (shard) => ({
  baseUrl: new URL(shard.base, siteUrl).pathname,
  mergeFilter: { shard: shard.bundle },
});
const bundles = shards.map((shard) => new URL(`${shard}/`, indexUrl).pathname);
const pagefind = await import(new URL("pagefind.js", new URL(bundles[0], indexUrl)).href);
await pagefind.options(bundleOptions(listed[0]));
await Promise.all(
  bundles.slice(1).map((bundle, i) => pagefind.mergeIndex(bundle, bundleOptions(listed[i + 1]))),
);

function fillFilters(available) {
  for (const select of selects) {
    const values = Object.entries(available[select.dataset.filter] || {});
    values.sort(([a], [b]) => a.localeCompare(b));
    for (const [value, count] of values) {
      select.append(new Option(`${value} (${count})`, value));
    }
  }
}

function excerptNodes(html) {
  // Parsed in an inert document: nothing in it runs or loads.
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html");
  const nodes = [];
  for (const node of parsed.body.firstChild.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(node.textContent));
    }
  }
  return nodes;
}

function resultItem(data) {
  const item = document.createElement("li");
  item.className = "search-result";
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title;
  heading.append(link);
  const meta = document.createElement("p");
  meta.className = "meta";
  meta.textContent = [data.meta.publisher, data.meta.date].filter(Boolean).join(" · ");
  const excerpt = document.createElement("p");
  excerpt.append(...excerptNodes(data.excerpt));
  item.append(heading, meta, excerpt);
  return item;
}

// Merged results come in order of score, whatever the sort: each bundle sorts
// only its own. Bundles hold consecutive dates, so the newest results are
// those of the newest bundles that have any, taken a bundle at a time.
async function newestFirst(term, options, search) {
  const counts = search.filters.shard || {};
  const results = [];
  for (const shard of shards) {
    if (results.length >= PAGE_SIZE) break;
    if (!counts[shard]) continue;
    const filters = { ...options.filters, shard };
    results.push(...(await pagefind.search(term || null, { ...options, filters })).results);
  }
  return results;
}

async function run() {
  const filters = {};
  for (const select of selects) {
    if (select.value) filters[select.dataset.filter] = select.value;
  }
  const term = input.value.trim();
  if (!term && !Object.keys(filters).length) {
    list.replaceChildren();
    status.textContent = "";
    return;
  }
  const options = { filters };
  if (sort.value === "date") options.sort = { date: "desc" };
  const search = await pagefind.search(term || null, options);
  const first = sort.value === "date" ? await newestFirst(term, options, search) : search.results;
  const results = await Promise.all(first.slice(0, PAGE_SIZE).map((r) => r.data()));
  list.replaceChildren(...results.map(resultItem));
  const count = search.results.length;
  status.textContent = count === 1 ? "1 article found." : `${count} articles found.`;
  if (count > PAGE_SIZE) status.textContent += ` Showing the first ${PAGE_SIZE}.`;
}

fillFilters(await pagefind.filters());
const query = new URLSearchParams(location.search);
input.value = query.get("q") || "";
for (const select of selects) select.value = query.get(select.dataset.filter) || "";
sort.value = query.get("sort") || "";

let timer;
input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 200); });
form.addEventListener("change", run);
form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
// Shown only now: a search typed into it earlier would be lost.
form.hidden = false;
run();
