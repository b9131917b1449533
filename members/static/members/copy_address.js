// "Copy the address" beside each private feed address: shown only where the browser can copy;
// the result is announced to screen readers through the status line.
(function () {
  "use strict";
  if (!navigator.clipboard) {
    return;
  }
  var status = document.querySelector(".copy-status");
  document.querySelectorAll("button.copy-address").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = document.getElementById(button.dataset.copy).textContent.trim();
      navigator.clipboard.writeText(text).then(function () {
        if (status) {
          status.textContent = status.dataset.copied;
        }
      });
    });
  });
})();
