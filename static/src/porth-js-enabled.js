// Runs first thing in <body> (a file, not inline, so the Content-Security-Policy needs no exception):
// GOV.UK Frontend styles its components for JavaScript once these classes are on <body>.
document.body.className += " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
