// What the page does for a reader on any screen (_ext/reader_ui.py adds this file to every page).
(function () {
  "use strict";
  if (window.cnnlibReader) return; // once, however many times the page links this file
  window.cnnlibReader = true;
  function ready(callback) {
    if (document.readyState !== "loading") callback();
    else document.addEventListener("DOMContentLoaded", callback);
  }

  // Navigation. Each page has two buttons for the site navigation (☰) and two for the page's contents:
  // one in the header, hidden, and the one the reader sees in the article's header. pydata-sphinx-theme
  // 0.17 and sphinx-book-theme 1.3 wire up only the first of each (pydata-sphinx-theme#2451,
  // sphinx-book-theme#988), so a tap on the visible one did nothing. Hand it to the wired one: on a phone
  // or tablet that opens the drawer; on a desktop the ☰ folds the sidebar.
  ready(function () {
    ["primary", "secondary"].forEach(function (kind) {
      var buttons = document.querySelectorAll("." + kind + "-toggle");
      var wired = buttons[0];
      Array.prototype.slice.call(buttons, 1).forEach(function (button) {
        button.addEventListener("click", function (event) {
          event.preventDefault();
          event.stopPropagation();
          wired.click();
        });
      });
      // a link tapped in the drawer (an anchor of this page, say) closes the drawer
      var drawer = document.getElementById("pst-" + kind + "-sidebar-modal");
      if (drawer) {
        drawer.addEventListener("click", function (event) {
          if (event.target.closest("a[href]") && drawer.open) drawer.close();
        });
      }
    });
  });

  // Solutions. A click anywhere in a solution's title opens or closes it. sphinx-togglebutton's handler
  // only knows the title itself and its button: a click on anything inside the title (a word in a span,
  // a formula) threw "ReferenceError: button is not defined" and, on the old link, jumped back to the
  // exercise. Catch such clicks first and press the button instead.
  ready(function () {
    document.querySelectorAll(".dropdown > .admonition-title, .toggle > .admonition-title").forEach(function (title) {
      title.addEventListener("click", function (event) {
        var button = title.querySelector(".toggle-button");
        if (!button || event.target === title || button.contains(event.target)) return;
        event.preventDefault();
        event.stopPropagation();
        button.click();
      }, true);
    });
  });
})();
