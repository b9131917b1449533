/* The menu button and the search facets' fold. Without this script the menu stays open and
   the facets stay folded (a click opens them): everything still works. */
document.documentElement.classList.add("js");

document.addEventListener("DOMContentLoaded", function () {
  var wide = window.matchMedia("(min-width: 900px)");

  var button = document.querySelector(".menu-button");
  var menu = button && document.getElementById(button.getAttribute("aria-controls"));
  if (button && menu) {
    var setOpen = function (open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      menu.classList.toggle("is-open", open);
    };
    button.hidden = false;
    setOpen(false);
    button.addEventListener("click", function () {
      setOpen(button.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        setOpen(false);
        button.focus();
      }
    });
  }

  // The facets are open beside the results on a wide screen, folded under them on a phone.
  var folds = document.querySelectorAll("details.facets-fold");
  var placeFolds = function () {
    folds.forEach(function (fold) {
      fold.open = wide.matches || fold.hasAttribute("data-active");
    });
  };
  placeFolds();
  wide.addEventListener("change", placeFolds);
});
