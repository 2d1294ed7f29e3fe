/*
 * Filters for the listing of wanted persons (cases/ and cases/page/<n>/, written by the
 * generator), over the Pagefind index that the build writes into site/pagefind/.
 *
 * The listing's static pages hold at most 100 cards each, so the filters cannot work on the
 * cards in the page: they ask Pagefind for the case pages that match. Every case page carries its
 * values as Pagefind filters (data-pagefind-filter: status, country, crime, list, fled), under
 * the same names as the form's <select>s and the URL's parameters, and a sort key in listing
 * order (data-pagefind-sort: order). With no filter chosen the page shows its static cards and
 * Pagefind is not loaded at all; with one or more, the matches replace the static cards and the
 * links between the pages, BATCH at a time behind a "Show more" button, each drawn from the
 * case page's metadata (name in both scripts, photo, status, country, crimes).
 *
 * The counts beside each value are the cases it would show given the other filters as they
 * are; they are Pagefind's, so they cover every case at any size. The filter state lives in the
 * URL query (?status=at_large&country=CA) and is restored on load; the form is a GET form of the
 * listing's first page, so a submit the script does not catch loads that page with the same
 * query. With Material's instant navigation the page content is swapped without a reload, so
 * the set-up runs again on every page through Material's document$ observable. The form is
 * displayed only under the mw-js class that the page's head sets (site.css).
 */
(function () {
  "use strict";

  var BATCH = 50;
  // Addresses from this script's own (assets/filters.js), right on any page it runs on.
  var root = new URL("../", document.currentScript.src).href;
  var loading = null;

  // The site's words in the page's language (assets/words.js, loaded first).
  var say = window.mwSay;

  function engine() {
    if (!loading) {
      loading = import(root + "pagefind/pagefind.js").then(function (pagefind) {
        return pagefind.options({baseUrl: new URL(root).pathname}).then(function () {
          // Pagefind counts the values of the filters whose index it has loaded: load them all.
          return pagefind.filters();
        }).then(function () {
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

  // A card like the generator's (_macros.html.j2), from a case page's Pagefind record.
  function card(data) {
    var meta = data.meta || {};
    var status = (data.filters.status || [""])[0];
    var article = element("article", "mw-card mw-card--" + status);
    article.setAttribute("data-case", data.url.split("/").filter(Boolean).pop());
    article.setAttribute("data-status", status);
    var link = element("a", "mw-card__link");
    link.href = data.url;
    var photo = element("div", "mw-card__photo");
    var image = element("img");
    image.src = new URL(meta.image || "assets/placeholder.svg", root).href;
    image.alt = meta.image ? meta.image_alt || "" : say("no_photo",
      "No photograph of %(name)s is published", {name: meta.latin});
    image.width = 360;
    image.height = 450;
    image.loading = "lazy";
    photo.appendChild(image);
    link.appendChild(photo);
    var name = element("p", "mw-card__name");
    name.appendChild(element("strong", "", meta.latin || meta.title));
    if (meta.native) {
      name.appendChild(document.createTextNode(" "));
      name.appendChild(element("span", "mw-card__native", meta.native));
    }
    link.appendChild(name);
    article.appendChild(link);
    var badge = element("p");
    badge.appendChild(element("span", "mw-badge mw-badge--" + status, meta.status));
    article.appendChild(badge);
    if (status === "at_large") {
      var where = meta.country
        ? say("believed_in", "Believed in %(country)s", {country: meta.country})
        : say("whereabouts_unknown", "Whereabouts unknown");
      article.appendChild(element("p", "mw-card__where", where));
    }
    article.appendChild(element("p", "mw-card__crimes", meta.crimes || ""));
    return article;
  }

  function setUp() {
    var form = document.getElementById("mw-filters");
    if (!form || form.hasAttribute("data-ready")) {
      return;
    }
    form.setAttribute("data-ready", "true");
    var article = form.closest("article") || document.body;
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var summary = document.getElementById("mw-filter-summary");
    var results = document.getElementById("mw-filter-results");
    var reset = document.getElementById("mw-filter-reset");
    var total = Number(form.getAttribute("data-total"));
    var staticCounts = selects.map(function (select) {
      return Array.prototype.map.call(select.options, function (option) {
        return option.textContent;
      });
    });
    var latest = 0;

    function chosen(except) {
      var filters = {};
      selects.forEach(function (select) {
        if (select !== except && select.value !== "") {
          filters[select.name] = select.value;
        }
      });
      return filters;
    }

    function label(option, n) {
      option.textContent = say("count_label", "%(label)s (%(count)s)",
        {label: option.getAttribute("data-label"), count: n});
    }

    // Each value's count: the cases it would show, given the other filters as they are.
    function count(pagefind, select, found) {
      var others = chosen(select);
      var search = select.value === "" ? Promise.resolve(found)
        : pagefind.search(null, {filters: others});
      return search.then(function (mine) {
        var counts = mine.filters[select.name] || {};
        Array.prototype.forEach.call(select.options, function (option) {
          label(option, option.value === "" ? mine.results.length : counts[option.value] || 0);
        });
      });
    }

    function show(found, shown) {
      var more = results.querySelector(".mw-filter__more");
      if (more) {
        more.remove();
      }
      var batch = found.results.slice(shown, shown + BATCH);
      return Promise.all(batch.map(function (result) {
        return result.data();
      })).then(function (pages) {
        var cards = results.querySelector(".mw-cards");
        pages.forEach(function (data) {
          cards.appendChild(card(data));
        });
        var next = shown + batch.length;
        if (next < found.results.length) {
          var button = element("button", "md-button mw-filter__more",
            say("show_more", "Show more (%(n)s left)", {n: found.results.length - next}));
          button.type = "button";
          button.addEventListener("click", function () {
            show(found, next).then(function () {
              var first = results.querySelectorAll(".mw-card")[next];
              if (first) {
                first.querySelector("a").focus();
              }
            });
          });
          results.appendChild(button);
        }
        results.setAttribute("data-shown", String(next));
      });
    }

    function apply() {
      var filters = chosen(null);
      var active = Object.keys(filters).length > 0;
      var ticket = ++latest;
      if (!active) {
        form.removeAttribute("aria-busy");
        article.classList.remove("mw-filtering");
        results.hidden = true;
        results.textContent = "";
        selects.forEach(function (select, i) {
          Array.prototype.forEach.call(select.options, function (option, j) {
            option.textContent = staticCounts[i][j];
          });
        });
        summary.textContent = say("showing_all",
          {one: "Showing the %(total)s case.", other: "Showing all %(total)s cases."},
          {total: total}, total);
        form.setAttribute("data-shown", String(total));
        return Promise.resolve();
      }
      form.setAttribute("aria-busy", "true");
      return engine().then(function (pagefind) {
        return pagefind.search(null, {filters: filters, sort: {order: "asc"}}).then(function (found) {
          if (ticket !== latest) {
            return null;
          }
          return Promise.all(selects.map(function (select) {
            return count(pagefind, select, found);
          })).then(function () {
            return found;
          });
        });
      }).then(function (found) {
        if (!found || ticket !== latest) {
          return null;
        }
        article.classList.add("mw-filtering");
        results.textContent = "";
        results.hidden = false;
        var n = found.results.length;
        if (n === 0) {
          // The sentence around the link, in the edition's order: "… %(link)s."
          var parts = say("no_match", "No published case matches these filters. %(link)s.",
            {}).split("%(link)s");
          var empty = element("p", "mw-filter__empty", parts[0]);
          var all = element("a", "", say("show_every", "Show every case"));
          all.href = form.getAttribute("action");
          all.addEventListener("click", function (event) {
            event.preventDefault();
            clear();
          });
          empty.appendChild(all);
          empty.appendChild(document.createTextNode(parts.slice(1).join("")));
          results.appendChild(empty);
        } else {
          results.appendChild(element("div", "mw-cards"));
        }
        summary.textContent = say("showing",
          {one: "Showing %(n)s of %(total)s case.", other: "Showing %(n)s of %(total)s cases."},
          {n: n, total: total}, total);
        form.setAttribute("data-shown", String(n));
        return show(found, 0);
      }).catch(function (error) {
        summary.textContent = say("filters_failed", "The filters could not load the index of " +
          "cases; every case is listed on these pages.");
        throw error;
      }).finally(function () {
        if (ticket === latest) {
          form.removeAttribute("aria-busy");
        }
      });
    }

    function query() {
      var params = new URLSearchParams();
      selects.forEach(function (select) {
        if (select.value !== "") {
          params.set(select.name, select.value);
        }
      });
      var text = params.toString();
      return text ? "?" + text : "";
    }

    function remember() {
      history.replaceState(history.state, "", location.pathname + query());
    }

    function restore() {
      var params = new URLSearchParams(location.search);
      selects.forEach(function (select) {
        var wanted = params.get(select.name) || "";
        var known = Array.prototype.some.call(select.options, function (option) {
          return option.value === wanted;
        });
        select.value = known ? wanted : "";
      });
    }

    function clear() {
      selects.forEach(function (select) {
        select.value = "";
      });
      apply();
      remember();
    }

    selects.forEach(function (select) {
      select.addEventListener("change", function () {
        apply();
        remember();
      });
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      apply();
      remember();
    });
    if (reset) {
      reset.addEventListener("click", clear);
    }
    restore();
    apply();
    if (location.search && location.search !== query()) {
      remember(); // a submitted form also sends the empty filters: keep the address short
    }
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
