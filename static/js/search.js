// Progressive enhancement for /zoeken; the page works fully without this file.
// 1. Autocomplete: fills the <datalist> of the search box from /api/v1/suggest.
// 2. Instant filters: a changed filter or sort order updates the results in place
//    (same URL as the "Filters toepassen" button would give), keeping keyboard focus
//    on the control the person used and announcing the new count.
(function () {
  var form = document.querySelector(".search-form");
  if (!form || !window.fetch) return;
  var input = form.querySelector("#q");
  var list = document.getElementById("q-suggestions");
  var timer = null;

  input.addEventListener("input", function () {
    clearTimeout(timer);
    var value = input.value;
    if (value.trim().length < 2) return;
    timer = setTimeout(function () {
      fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(value))
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (data) {
          list.innerHTML = "";
          data.suggestions.forEach(function (s) {
            var option = document.createElement("option");
            option.value = s;
            list.appendChild(option);
          });
        })
        .catch(function () {});
    }, 150);
  });

  var live = document.createElement("p");
  live.className = "visually-hidden";
  live.setAttribute("aria-live", "polite");
  form.appendChild(live);

  form.addEventListener("change", function (event) {
    var target = event.target;
    if (target === input) return;
    var params = new URLSearchParams(new FormData(form));
    var url = form.action + "?" + params.toString();
    fetch(url, { headers: { "X-Requested-With": "fetch" } })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.querySelector(".search-layout");
        var current = form.querySelector(".search-layout");
        if (!fresh || !current) { window.location = url; return; }
        current.replaceWith(fresh);
        history.replaceState(null, "", url);
        var selector = target.type === "checkbox"
          ? 'input[name="' + target.name + '"][value="' + CSS.escape(target.value) + '"]'
          : "#" + target.id;
        var again = form.querySelector(selector);
        if (again) again.focus();
        var count = form.querySelector(".result-count");
        if (count) live.textContent = count.textContent.trim();
      })
      .catch(function () { window.location = url; });
  });
})();
