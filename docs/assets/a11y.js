// Accessibility fixes to the theme's own markup, applied once the page is ready.
// The search overlay is a dialog; give it an accessible name.
(function () {
  function label() {
    var search = document.querySelector(".md-search[role=dialog]");
    if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "Search");
  }
  if (typeof document$ !== "undefined") document$.subscribe(label);
  else document.addEventListener("DOMContentLoaded", label);
})();
