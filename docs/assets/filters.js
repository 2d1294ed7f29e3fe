/*
 * Filters for the listing of wanted persons (cases/index.md, written by the generator).
 *
 * The page holds every card; each card carries its values as data attributes (data-status,
 * data-country, data-crimes, data-lists, data-fled). The form #mw-filters has one <select> per
 * filter, named after its URL parameter, whose data-attribute names the card attribute it reads
 * (data-multiple: the attribute holds space-separated values). The form is displayed only under
 * the mw-js class that the page's head sets (site.css): without JavaScript every card is shown.
 *
 * The filter state lives in the URL query (?status=at_large&country=CA), so a filtered view can
 * be shared: it is restored on load, and kept up to date with history.replaceState. The form is
 * a GET form of the listing itself: the script filters as soon as a value changes and handles
 * its submit button ("Apply") in place; a submit it does not catch reloads the page with the
 * same query, which is restored. With
 * Material's instant navigation the page content is swapped without a reload, so the set-up runs
 * again on every page through Material's document$ observable.
 */
(function () {
  "use strict";

  function values(card, select) {
    var raw = card.getAttribute("data-" + select.getAttribute("data-attribute")) || "";
    return select.hasAttribute("data-multiple") ? raw.split(/\s+/).filter(Boolean) : [raw];
  }

  function matches(card, select, value) {
    return value === "" || values(card, select).indexOf(value) !== -1;
  }

  function matchesAll(card, selects, except) {
    return selects.every(function (select) {
      return select === except || matches(card, select, select.value);
    });
  }

  function setUp() {
    var form = document.getElementById("mw-filters");
    if (!form || form.hasAttribute("data-ready")) {
      return;
    }
    form.setAttribute("data-ready", "true");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-attribute]"));
    var groups = Array.prototype.slice.call(document.querySelectorAll(".mw-cards[data-group]"));
    var cards = Array.prototype.slice.call(
      document.querySelectorAll(".mw-cards[data-group] .mw-card")
    );
    var summary = document.getElementById("mw-filter-summary");
    var empty = document.getElementById("mw-filter-empty");
    var reset = document.getElementById("mw-filter-reset");
    var total = cards.length;

    function apply() {
      var shown = 0;
      cards.forEach(function (card) {
        var visible = matchesAll(card, selects, null);
        card.hidden = !visible;
        if (visible) {
          shown += 1;
        }
      });
      groups.forEach(function (group) {
        var count = group.querySelectorAll(".mw-card:not([hidden])").length;
        var heading = group.previousElementSibling;
        group.hidden = count === 0;
        if (heading && heading.classList.contains("mw-group")) {
          heading.hidden = count === 0;
          var label = heading.querySelector(".mw-group__count");
          if (label) {
            label.textContent = "(" + count + ")";
          }
        }
      });
      // Each value's count: the cards it would show, given the other filters as they are.
      selects.forEach(function (select) {
        Array.prototype.forEach.call(select.options, function (option) {
          var n = cards.filter(function (card) {
            return matchesAll(card, selects, select) && matches(card, select, option.value);
          }).length;
          option.textContent = option.getAttribute("data-label") + " (" + n + ")";
        });
      });
      var active = selects.some(function (select) {
        return select.value !== "";
      });
      summary.textContent = active
        ? "Showing " + shown + " of " + total + " cases."
        : "Showing all " + total + " cases.";
      form.setAttribute("data-shown", String(shown));
      if (empty) {
        empty.hidden = shown !== 0;
      }
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
      reset.addEventListener("click", function () {
        selects.forEach(function (select) {
          select.value = "";
        });
        apply();
        remember();
      });
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
