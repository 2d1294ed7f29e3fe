/*
 * The site's words in the page's language, for the other scripts (filters.js, search.js).
 *
 * generator/theme/main.html writes them into every page as JSON (#mw-words: the edition's
 * language and its messages, from generator/pages/themewords.py). window.mwSay(key, english,
 * values, count) gives the message for `key`, or the English given when the page has none; a
 * message with a number has a form for each plural category of the language (one, other…),
 * chosen by `count`; %(name)s is replaced by values[name]. The block is read on every call, so
 * the words follow Material's instant navigation from page to page.
 */
(function () {
  "use strict";

  function words() {
    var block = document.getElementById("mw-words");
    try {
      return block ? JSON.parse(block.textContent) : {};
    } catch (error) {
      return {};
    }
  }

  window.mwSay = function (key, english, values, count) {
    var all = words();
    var known = (all.words || {})[key];
    var text = known !== undefined ? known : english;
    if (typeof text === "object") {
      var category = "other";
      try {
        category = new Intl.PluralRules(all.lang || "en").select(count);
      } catch (error) {
        // an unknown language tag: the general form
      }
      text = text[category] !== undefined ? text[category] : text.other;
    }
    return text.replace(/%\((\w+)\)s/g, function (match, name) {
      var given = values && Object.prototype.hasOwnProperty.call(values, name);
      return given ? String(values[name]) : match;
    });
  };
})();
