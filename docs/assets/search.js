/*
 * The search box in the header (generator/theme/partials/mw-search.html), over the Pagefind
 * index that the build writes into site/pagefind/ after MkDocs (generator/searchindex.py).
 *
 * pagefind.js is loaded on first use and fetches only the pieces of the index a query needs.
 * A result shows what the case page gave Pagefind as metadata: the name in both scripts, a
 * thumbnail, the status and the suspected country, then an excerpt of the page's own text.
 * The case page's other spellings (joined pinyin, a number's last digits, countries in the other
 * language) are metadata too, `names` and `terms`: searched and weighted through
 * ranking.metaWeights below, never shown.
 *
 * Pagefind matches query words as beginnings of words and scores metadata without telling a
 * whole word from a longer one: at a thousand cases it puts ZHOU Fang before ZHOU Fan for
 * "zhoufan", 王华 before 汪华 for "Wāng Huá", and loses MA Jian among the JIANG cases for
 * "ma jian" ("ma" begins "made" on every page, so it weighs nothing). So `find` also searches the
 * query's words joined (case pages give every name joined too) and puts first the results whose
 * names or terms hold the words whole: with the same tones, then without (test_search_scale.py).
 *
 * Keys: "/" or "s" anywhere focuses the box; ArrowDown and ArrowUp move through the results;
 * Enter opens one; Escape closes the list. The header survives Material's instant navigation,
 * so the box is set up once; the list closes when a result or anything outside it is clicked,
 * and on the browser's back and forward.
 */
(function () {
  "use strict";

  // Pagefind's options, also read by tests/pagefind_search.mjs: keep this literal plain JSON.
  var OPTIONS = /* options */ {
    "excerptLength": 24,
    "ranking": {"metaWeights": {"title": 8, "names": 8, "terms": 4}}
  } /* end options */;
  var SHOWN = 10;

  // The search, also run by tests/pagefind_search.mjs over a built index: keep this function
  // self-contained. It resolves to the number of matches and the data of the first `shown`.
  var find = /* find */ function (pagefind, query, shown) {
    var CANDIDATES = 20; // results of each search read and ordered, of which `shown` are kept
    var SEPARATORS = /[\s\-'\u2018\u2019\u02bc.,]+/; // as generator/public/searchterms.py
    function words(text) {
      return text.normalize("NFC").toLowerCase().split(SEPARATORS).filter(Boolean);
    }
    function plain(text) {
      return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    }
    function holds(own, asked) {
      return own.indexOf(asked.join("")) >= 0 || asked.every(function (word) {
        return own.indexOf(word) >= 0;
      });
    }
    // 2 when the case's names or terms hold the query's words whole (or all of them joined),
    // accents and tones included; 1 when they do once accents are dropped; 0 otherwise.
    function whole(asked, meta) {
      var own = words([meta.title, meta.names, meta.terms].join(" "));
      if (holds(own, asked)) {
        return 2;
      }
      return holds(own.map(plain), asked.map(plain)) ? 1 : 0;
    }
    var asked = words(query);
    var searches = [pagefind.search(query)];
    if (asked.length > 1) {
      searches.push(pagefind.search(asked.join("")));
    }
    return Promise.all(searches).then(function (found) {
      var seen = {};
      var candidates = [];
      found.forEach(function (search) {
        search.results.slice(0, CANDIDATES).forEach(function (result) {
          if (!seen[result.id]) {
            seen[result.id] = true;
            candidates.push(result);
          }
        });
      });
      var asTyped = Math.min(found[0].results.length, CANDIDATES);
      return Promise.all(candidates.map(function (result) {
        return result.data();
      })).then(function (pages) {
        var order = pages.map(function (data, at) {
          return {data: data, at: at, whole: whole(asked, data.meta || {})};
        }).filter(function (entry) {
          // The joined search falls back on shorter words when none begins with the joined
          // form ("liming" on "limin"): keep only what it found whole.
          return entry.at < asTyped || entry.whole > 0;
        });
        order.sort(function (a, b) {
          return b.whole - a.whole || a.at - b.at;
        });
        return {
          total: Math.max(found[0].results.length, order.length),
          pages: order.slice(0, shown).map(function (entry) {
            return entry.data;
          })
        };
      });
    });
  } /* end find */;

  var box = document.querySelector(".mw-search");
  // Material's instant navigation may run this script again on a later page: set up once.
  if (!box || box.hasAttribute("data-ready")) {
    return;
  }
  box.setAttribute("data-ready", "true");
  // Addresses from this script's own (assets/search.js), right on any page it runs on.
  var root = new URL("../", document.currentScript.src).href;
  var bundle = root + "pagefind/";
  var input = box.querySelector(".mw-search__input");
  var opener = box.querySelector(".mw-search__open");
  var panel = box.querySelector(".mw-search__results");
  var status = box.querySelector(".mw-search__status");
  var list = box.querySelector(".mw-search__list");
  var loading = null;
  var latest = 0;
  box.hidden = false;

  // The site's words in the page's language (assets/words.js, loaded first).
  var say = window.mwSay;

  function engine() {
    if (!loading) {
      loading = import(bundle + "pagefind.js").then(function (pagefind) {
        var options = Object.assign({}, OPTIONS, {baseUrl: new URL(root).pathname});
        return pagefind.options(options).then(function () {
          return pagefind;
        });
      });
    }
    return loading;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  // Pagefind's excerpt is HTML with <mark> around the matches: keep only its text and marks.
  function excerpt(html) {
    var parsed = document.createElement("template");
    parsed.innerHTML = html;
    var out = element("p", "mw-search__excerpt");
    parsed.content.childNodes.forEach(function (node) {
      var isMark = node.nodeName === "MARK";
      out.appendChild(isMark ? element("mark", "", node.textContent) : document.createTextNode(node.textContent));
    });
    return out;
  }

  function item(data) {
    var meta = data.meta || {};
    var link = element("a", "mw-search__result");
    link.href = data.url;
    if (meta.image) {
      var image = element("img", "mw-search__thumb");
      image.src = new URL(meta.image, root).href;
      image.alt = "";
      image.width = 48;
      image.height = 60;
      link.appendChild(image);
    } else {
      link.appendChild(element("span", "mw-search__thumb mw-search__thumb--none"));
    }
    var text = element("span", "mw-search__text");
    text.appendChild(element("strong", "mw-search__name", meta.title || data.url));
    var where = meta.country
      ? say("believed_in", "Believed in %(country)s", {country: meta.country})
      : say("whereabouts_unknown", "Whereabouts unknown");
    text.appendChild(element("span", "mw-search__facts", (meta.status || "") + " · " + where));
    if (data.excerpt) {
      text.appendChild(excerpt(data.excerpt));
    }
    link.appendChild(text);
    var row = element("li");
    row.appendChild(link);
    return row;
  }

  function show(open) {
    panel.hidden = !open;
    box.classList.toggle("mw-search--results", open);
  }

  function run() {
    var query = input.value.trim();
    var ticket = ++latest;
    if (!query) {
      list.textContent = "";
      status.textContent = "";
      panel.removeAttribute("data-query");
      show(false);
      return;
    }
    show(true);
    status.textContent = say("searching", "Searching…");
    engine()
      .then(function (pagefind) {
        return find(pagefind, query, SHOWN);
      })
      .then(function (found) {
        if (ticket !== latest) {
          return; // a newer query has started
        }
        list.textContent = "";
        found.pages.forEach(function (data) {
          list.appendChild(item(data));
        });
        var counts = {n: found.total, shown: SHOWN};
        status.textContent = found.total === 0
          ? say("no_results", "No published case matches this search.")
          : found.total > SHOWN
            ? say("found_first", {one: "%(n)s case found, the first %(shown)s shown.",
              other: "%(n)s cases found, the first %(shown)s shown."}, counts, found.total)
            : say("found", {one: "%(n)s case found.", other: "%(n)s cases found."}, counts,
              found.total);
        panel.setAttribute("data-query", query);
      })
      .catch(function (error) {
        status.textContent = say("search_failed", "Search is not available: %(error)s",
          {error: error.message});
      });
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  function close() {
    show(false);
    box.classList.remove("mw-search--open");
    opener.setAttribute("aria-expanded", "false");
  }

  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || target.isContentEditable;
  }

  input.addEventListener("input", run);
  input.addEventListener("focus", function () {
    engine(); // start loading while the visitor types
    if (input.value.trim()) {
      show(true);
    }
  });
  opener.addEventListener("click", function () {
    var open = !box.classList.contains("mw-search--open");
    box.classList.toggle("mw-search--open", open);
    opener.setAttribute("aria-expanded", String(open));
    if (open) {
      input.focus();
    } else {
      close();
    }
  });
  box.addEventListener("keydown", function (event) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!all.length) {
        return;
      }
      event.preventDefault();
      var step = event.key === "ArrowDown" ? 1 : -1;
      var next = at + step;
      if (next < 0) {
        input.focus();
      } else {
        all[Math.min(next, all.length - 1)].focus();
      }
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
      input.focus();
    }
  });
  // Capture phase, before Material's own key handling (which would open its absent search).
  window.addEventListener(
    "keydown",
    function (event) {
      var key = event.key;
      if ((key === "/" || key === "s" || key === "S") && !typing(event.target) &&
          !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        event.stopPropagation();
        box.classList.add("mw-search--open");
        opener.setAttribute("aria-expanded", "true");
        input.focus();
        input.select();
      }
    },
    true
  );
  document.addEventListener("click", function (event) {
    if (!box.contains(event.target)) {
      close();
    }
  });
  list.addEventListener("click", function (event) {
    if (event.target.closest("a")) {
      close();
    }
  });
  window.addEventListener("popstate", close);
})();
