// Type-ahead for long lists of organisations. Without JavaScript the plain <select>, or the checkboxes, still
// work; with it, accessible-autocomplete (from the GOV.UK team) lets people type a name in English or Welsh.
//
// - select[data-autocomplete]: one choice. The type-ahead replaces the select and sets it.
// - [data-autocomplete-checkboxes]: several choices, as GOV.UK checkboxes. Only the ticked ones stay in view
//   (untick one to drop it); the type-ahead above them ticks another.
//
// An option or checkbox may carry data-names, its names by language ({"en": "Isle of Anglesey", "cy": "Ynys
// Môn"}): a name in either language finds it, on either language's page. Case and accents are ignored.
(function () {
  var script = document.currentScript;
  var text = script.dataset;
  if (!window.accessibleAutocomplete) {
    return;
  }

  var messages = {
    dropdownArrow: function () { return ""; },
    tNoResults: function () { return text.noResults; },
    tStatusQueryTooShort: function () { return text.statusQueryTooShort; },
    tStatusNoResults: function () { return text.statusNoResults; },
    tStatusSelectedOption: function (option, length, index) {
      return option + " " + (index + 1) + "/" + length + " " + text.statusSelectedOption;
    },
    tStatusResults: function (length) { return length + " " + text.statusResults; },
    tAssistiveHint: function () { return text.assistiveHint; }
  };

  function fold(value) {
    return value.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  function escapeHtml(value) {
    return value.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function namesByLanguage(element) {
    try {
      return JSON.parse(element.dataset.names || "{}");
    } catch (error) {
      return {};
    }
  }

  // One thing to choose: the label shown, every name it is found by (folded), and the name in the page's
  // other language when it differs (shown beside the label, so that a match on it makes sense).
  function choice(element, label) {
    var names = namesByLanguage(element);
    var page = document.documentElement.lang || "en";
    var other = Object.keys(names).filter(function (lang) {
      return lang !== page && names[lang] && fold(names[lang]) !== fold(label);
    })[0];
    var all = [label].concat(Object.keys(names).map(function (lang) { return names[lang]; }));
    return {
      label: label,
      other: other ? { lang: other, name: names[other] } : null,
      names: all.filter(Boolean).map(fold),
      element: element
    };
  }

  function matching(choices, query) {
    var wanted = fold(query);
    return choices.filter(function (c) {
      return c.names.some(function (name) { return name.indexOf(wanted) !== -1; });
    });
  }

  function suggestion(c) {
    if (!c || typeof c === "string") {
      return c ? escapeHtml(c) : "";
    }
    var other = c.other
      ? ' <span lang="' + escapeHtml(c.other.lang) + '">(' + escapeHtml(c.other.name) + ")</span>"
      : "";
    return escapeHtml(c.label) + other;
  }

  document.querySelectorAll("select[data-autocomplete]").forEach(function (select) {
    var choices = [].filter.call(select.options, function (option) { return option.value; }).map(function (option) {
      return choice(option, option.textContent);
    });
    window.accessibleAutocomplete.enhanceSelectElement(Object.assign({}, messages, {
      selectElement: select,
      defaultValue: "",
      showAllValues: true,
      // The labels, as enhanceSelectElement expects: it sets the select's option whose text was chosen.
      source: function (query, populate) {
        populate(matching(choices, query).map(function (c) { return c.label; }));
      }
    }));
  });

  document.querySelectorAll("[data-autocomplete-checkboxes]").forEach(function (group) {
    var choices = [].map.call(group.querySelectorAll(".govuk-checkboxes__item"), function (item) {
      var input = item.querySelector("input[type=checkbox]");
      var label = item.querySelector("label");
      var c = choice(input, label.textContent.trim());
      c.item = item;
      return c;
    });
    if (!choices.length) {
      return;
    }
    // (GOV.UK's checkbox items are display: flex, which the hidden attribute alone does not undo.)
    choices.forEach(function (c) { c.item.classList.toggle("govuk-!-display-none", !c.element.checked); });

    var id = choices[0].element.name + "-autocomplete";
    var wrapper = document.createElement("div");
    wrapper.className = "govuk-!-margin-bottom-3";
    var label = document.createElement("label");
    label.className = "govuk-label";
    label.htmlFor = id;
    label.textContent = text.addLabel;
    var holder = document.createElement("div");
    var status = document.createElement("div");
    status.className = "govuk-visually-hidden";
    status.setAttribute("role", "status");
    wrapper.appendChild(label);
    wrapper.appendChild(holder);
    wrapper.appendChild(status);
    group.parentNode.insertBefore(wrapper, group);

    // A fresh, empty type-ahead each time one is chosen, ready for the next.
    function typeAhead() {
      var element = document.createElement("div");
      holder.replaceChildren(element);
      window.accessibleAutocomplete(Object.assign({}, messages, {
        element: element,
        id: id,
        name: "",
        showAllValues: true,
        confirmOnBlur: false,
        source: function (query, populate) {
          populate(matching(choices, query).filter(function (c) { return !c.element.checked; }));
        },
        templates: {
          inputValue: function (c) { return c && typeof c !== "string" ? c.label : c || ""; },
          suggestion: suggestion
        },
        onConfirm: function (c) {
          if (!c || typeof c === "string") {
            return;
          }
          c.element.checked = true;
          c.item.classList.remove("govuk-!-display-none");
          status.textContent = text.added.replace("{name}", c.label);
          window.setTimeout(function () {
            typeAhead();
            document.getElementById(id).focus();
          }, 0);
        }
      }));
    }
    typeAhead();
  });
})();
