// Similar projects while a description is being written. Without JavaScript, the journey shows them on a
// page of their own; with it, they appear here as the person types, and that page is skipped.
(function () {
  var sources = document.querySelectorAll("[data-similar-source]");
  var results = document.querySelector("[data-similar-results]");
  if (!sources.length || !results) { return; }
  var url = results.getAttribute("data-similar-url");
  var exclude = results.getAttribute("data-similar-exclude");
  var seen = document.querySelector("input[name=similar_seen]");
  var timer = null;
  var lastText = "";

  function text() {
    return Array.prototype.map.call(sources, function (field) { return field.value; }).join("\n").trim();
  }

  function look() {
    var current = text();
    if (current === lastText || current.split(/\s+/).length < 3) { return; }
    lastText = current;
    var query = "?text=" + encodeURIComponent(current) + (exclude ? "&exclude=" + exclude : "");
    fetch(url + query, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) { return response.ok ? response.text() : ""; })
      .then(function (html) {
        results.innerHTML = html;
        if (seen) { seen.value = "True"; }
      })
      .catch(function () { /* suggestions are a help, not a requirement: say nothing */ });
  }

  Array.prototype.forEach.call(sources, function (field) {
    field.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(look, 700);
    });
  });
  look();
})();
