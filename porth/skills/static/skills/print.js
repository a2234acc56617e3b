// The certificate's print button: shown only where JavaScript runs, since printing needs it.
document.querySelectorAll("[data-porth-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () {
    window.print();
  });
});
