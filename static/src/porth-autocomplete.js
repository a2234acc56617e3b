// Type-ahead for long lists of organisations. Without JavaScript the plain <select> still works; with it,
// accessible-autocomplete (from the GOV.UK team) lets people type a name in English or Welsh.
(function () {
  var script = document.currentScript;
  var text = script.dataset;
  document.querySelectorAll("select[data-autocomplete]").forEach(function (select) {
    window.accessibleAutocomplete.enhanceSelectElement({
      selectElement: select,
      defaultValue: "",
      showAllValues: true,
      dropdownArrow: function () { return ""; },
      tNoResults: function () { return text.noResults; },
      tStatusQueryTooShort: function () { return text.statusQueryTooShort; },
      tStatusNoResults: function () { return text.statusNoResults; },
      tStatusSelectedOption: function (option, length, index) {
        return option + " " + (index + 1) + "/" + length + " " + text.statusSelectedOption;
      },
      tStatusResults: function (length) { return length + " " + text.statusResults; },
      tAssistiveHint: function () { return text.assistiveHint; }
    });
  });
})();
