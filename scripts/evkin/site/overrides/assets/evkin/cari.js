/* evkin: the archive's search page (site/search.py).
 * Served over http(s): Pagefind (Indonesian stemming; filters for year, period and predikat).
 * Opened from a folder (file://): the small title-and-summary index in ringkas.js.
 * Every text shown is set with textContent; nothing from a report is parsed as HTML here. */
(function () {
  "use strict";
  var box = document.getElementById("evkin-cari");
  if (!box) { return; }
  var form = box.querySelector("form");
  var input = box.querySelector("input[name=q]");
  var filterBox = box.querySelector(".evkin-cari-saring");
  var statusLine = box.querySelector(".evkin-cari-status");
  var list = box.querySelector(".evkin-cari-hasil");
  var siteRoot = new URL(box.getAttribute("data-akar") || "./", location.href);
  // "name:Label,…" (the province portal filters by agency too); these by default.
  var FILTERS = (box.getAttribute("data-saring") || "tahun:Tahun,periode:Periode,predikat:Predikat")
    .split(",").map(function (pair) { return pair.split(":"); });
  var outside = box.getAttribute("data-luar") === "1";  // the portal links agencies' own sites
  var SHOWN = 20;
  var PART_FILTER = "evkin-bagian";  // a filter of each index part's pages: its name
  var MAIN_PART = "umum";  // the part of every page not in a report's part (site/search.py)
  var offline = location.protocol === "file:";
  var engine = null;  // a promise of {filters(): counts, search(query, chosen): results}
  var selects = {};
  var counter = 0;
  var timer = null;
  var moreButton = null;  // "the next results", below the list while there are more

  function el(tag, cls, content) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (content !== undefined) { node.textContent = content; }
    return node;
  }

  function decode(value) {  // the entities Pagefind writes into excerpts, and no markup
    return value.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos|#39);/gi, function (m, e) {
      var low = e.toLowerCase();
      if (low[0] === "#") {
        var code = low[1] === "x" ? parseInt(low.slice(2), 16) : parseInt(low.slice(1), 10);
        return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : "";
      }
      return {amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'"}[low] || m;
    });
  }

  function excerpt(text, into) {  // <mark> is the one tag kept, as an element we create
    var marked = false;
    String(text || "").split(/(<mark>|<\/mark>)/).forEach(function (part) {
      if (part === "<mark>") { marked = true; return; }
      if (part === "</mark>") { marked = false; return; }
      var plain = decode(part);
      if (!plain) { return; }
      into.appendChild(marked ? el("mark", "", plain) : document.createTextNode(plain));
    });
  }

  function safeUrl(value, base, elsewhere) {  // inside this site, or http(s) where allowed
    try {
      var url = new URL(String(value), base);
      if (elsewhere && outside && (url.protocol === "https:" || url.protocol === "http:")) {
        return url.href;
      }
      if (url.protocol !== siteRoot.protocol || url.host !== siteRoot.host) { return null; }
      return url.href;
    } catch (e) { return null; }
  }

  function partFilter(part) {  // Pagefind's filter of one index part's pages
    var filter = {};
    filter[PART_FILTER] = part;
    return filter;
  }

  function normalise(value) {
    return String(value || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function words(value) {
    return normalise(value).split(/[^0-9a-z]+/).filter(Boolean);
  }

  function pagefindEngine() {
    var bundle = new URL("pagefind/pagefind.js", siteRoot).href;
    return import(bundle).then(function (pagefind) {
      // noWorker: on the page's own thread the index is ready sooner than through a Web
      // Worker (no second copy of Pagefind's script to fetch, compile and start).
      var options = {baseUrl: siteRoot.pathname, excerptLength: 24, noWorker: true};
      var tag = window.evkinCariTag;  // the entry file the page preloaded (overrides/main.html)
      if (typeof tag === "string" && /^[0-9]+$/.test(tag)) { options.metaCacheTag = tag; }
      // The reports' pages are indexed in parts (site/search.py): each is merged in, with
      // the same options; the search waits for all of them (never a partial answer).
      var parts = (box.getAttribute("data-bagian") || "").split(" ").filter(function (p) {
        return /^laporan-[0-9]+$/.test(p);
      });
      // Each index marks its pages with its part's name (``narrowed``): an index without
      // the filter would answer a search filtered by it with all its pages.
      return pagefind.options(parts.length ? Object.assign({mergeFilter: partFilter(MAIN_PART)},
                                                           options) : options)
        .then(function () {
          return Promise.all(parts.map(function (part) {
            return pagefind.mergeIndex(new URL("pagefind/" + part + "/", siteRoot).pathname,
                                       {baseUrl: options.baseUrl,
                                        excerptLength: options.excerptLength,
                                        metaCacheTag: options.metaCacheTag,
                                        mergeFilter: partFilter(part)});
          }));
        })
        .then(function () {
          /* Two ways a part answers unlike one index over every page:
           * - Pagefind passes over a word that no page of an index holds (a typo), so a part
           *   without one of the words answers with the pages holding the others;
           * - a part with no word starting with a query word answers with the pages holding
           *   the longest word that starts it ("0142" finds "014" there), where one index
           *   over every page finds the words starting with it ("0142", "01425").
           * So each word is searched alone (the index chunks are loaded already), and in each
           * part (``PART_FILTER``): a part that answers with near matches (``nearness``)
           * has its pages dropped for that word, as one index would not have found them
           * (``pagesOf``). A page is kept only when it is among the pages of every word
           * found anywhere. A phrase in quotes is matched whole already. */
          function ids(answer) {
            var found = Object.create(null);
            answer.results.forEach(function (r) { found[r.id] = true; });
            return found;
          }
          /* How near a part's answer to one word is: 0 when it holds the word, or words
           * starting with it; else the length of the word starting it that it answered with
           * (its first page shows which). */
          function nearness(word, answer, exact) {
            if (!answer.results.length || answer.results.some(function (r) {
              return exact[r.id];
            })) {
              return Promise.resolve(0);
            }
            var term = words(word).join("");
            return answer.results[0].data().then(function (d) {
              var text = String(d.content || "").split(/[\r\n\s]+/g);
              var at = d.locations || [];
              var shortest = Infinity;
              // A place found is near when none of its word's pieces ("IK-01." is "ik", "01"
              // and "ik01"; "1.153,5" is "11535" too) starts with the word searched: by the
              // longest piece that starts it.
              at.forEach(function (i) {
                var pieces = words(text[i]);
                pieces.push(pieces.join(""));
                var starts = pieces.some(function (p) {
                  return p.slice(0, term.length) === term;
                });
                var longest = 0;
                pieces.forEach(function (p) {
                  if (p.length < term.length && term.slice(0, p.length) === p) {
                    longest = Math.max(longest, p.length);
                  }
                });
                shortest = Math.min(shortest, starts ? 0 : longest);
              });
              return at.length ? shortest : 0;
            }, function () { return 0; });
          }
          function pagesOf(word) {
            return Promise.all([pagefind.search("\"" + word + "\""), pagefind.search(word)])
              .then(function (answers) {
                var exact = ids(answers[0]);
                var all = answers[1];
                if (!all.results.length) { return null; }
                if (all.results.every(function (r) { return exact[r.id]; })) {
                  return ids(all);  // every page found holds the word itself: nothing near
                }
                return Promise.all([MAIN_PART].concat(parts).map(function (part) {
                  return pagefind.search(word, {filters: partFilter(part)});
                })).then(function (answers) {
                  return Promise.all(answers.map(function (a) {
                    return nearness(word, a, exact);
                  })).then(function (near) {
                    // Where some part holds the word, every near answer goes; where none
                    // does, one index answers with the longest word starting it, found in
                    // any part: the parts that answered with a shorter one go.
                    var held = near.some(function (n, i) {
                      return n === 0 && answers[i].results.length;
                    });
                    var best = Math.max.apply(null, near);
                    var found = ids(all);
                    answers.forEach(function (a, i) {
                      if (near[i] && (held || near[i] < best)) {
                        a.results.forEach(function (r) { delete found[r.id]; });
                      }
                    });
                    return found;
                  });
                });
              });
          }
          function narrowed(query) {
            var terms = String(query || "").trim().split(/\s+/).map(function (word) {
              return word.replace(/"/g, "");
            }).filter(Boolean);
            if (!parts.length || !terms.length || /^\s*".+"\s*$/.test(query)) {
              return Promise.resolve(function () { return true; });
            }
            return Promise.all(terms.map(pagesOf)).then(function (answers) {
              var holding = answers.filter(Boolean);
              return function (result) {
                return holding.every(function (found) { return found[result.id] === true; });
              };
            });
          }
          return {
            filters: function () { return pagefind.filters(); },
            search: function (query, chosen) {
              return Promise.all([pagefind.search(query || null, {filters: chosen}),
                                  narrowed(query)]).then(function (answers) {
                var found = answers[0].results.filter(answers[1]);
                return {total: found.length, page: function (from, show) {
                  return inOrder(found.slice(from, from + SHOWN), found.length, show);
                }};
              });
            }
          };
        });
    });
  }

  function fromPagefind(d) {
    var url = safeUrl(d.url, siteRoot);
    return {title: (d.meta && d.meta.title) || d.url, url: url,
            pdf: url && d.meta && d.meta.pdf ? safeUrl(d.meta.pdf, url, true) : null,
            excerpt: d.excerpt, filters: d.filters || {}};
  }

  /* Each result's text is fetched on its own: show the results in their order as soon as
   * they arrive (the first one without waiting for the twentieth). One that fails to load
   * is left out. */
  function inOrder(top, total, show) {
    var items = top.map(function () { return undefined; });
    var shown = 0;
    var settled = 0;
    return new Promise(function (resolve) {
      function next() {
        var ready = [];
        while (shown < items.length && items[shown] !== undefined) {
          if (items[shown]) { ready.push(items[shown]); }
          shown += 1;
        }
        if (ready.length || settled === items.length) {
          show({total: total, items: ready, done: settled === items.length});
        }
        if (settled === items.length) { resolve(); }
      }
      if (!items.length) { next(); return; }
      top.forEach(function (r, i) {
        r.data().then(function (d) { items[i] = fromPagefind(d); }, function () { items[i] = null; })
          .then(function () { settled += 1; next(); });
      });
    });
  }

  function summaryEngine() {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = box.getAttribute("data-ringkas") || "ringkas.js";
      script.onload = function () {
        var entries = (window.evkinRingkas || []).map(function (e) {
          var saring = e.saring || {};
          return {entry: e, filters: saring,
                  title: words(e.judul), body: words(e.judul + " " + e.ringkasan)};
        });
        resolve({
          filters: function () {
            var counts = {};
            entries.forEach(function (x) {
              Object.keys(x.filters).forEach(function (name) {
                counts[name] = counts[name] || {};
                counts[name][x.filters[name]] = (counts[name][x.filters[name]] || 0) + 1;
              });
            });
            return Promise.resolve(counts);
          },
          search: function (query, chosen) {
            var terms = words(query);
            var hits = entries.filter(function (x) {
              return Object.keys(chosen).every(function (n) { return x.filters[n] === chosen[n]; })
                && terms.every(function (t) {
                  return x.body.some(function (w) { return w.indexOf(t) === 0; });
                });
            }).map(function (x) {
              var score = terms.filter(function (t) {
                return x.title.some(function (w) { return w.indexOf(t) === 0; });
              }).length;
              return {x: x, score: score};
            }).sort(function (a, b) { return b.score - a.score; });
            return Promise.resolve({total: hits.length, page: function (from, show) {
              show({total: hits.length, done: true,
                    items: hits.slice(from, from + SHOWN).map(function (h) {
                      var e = h.x.entry;
                      var url = safeUrl(e.url, siteRoot);
                      return {title: e.judul, url: url,
                              pdf: e.pdf ? safeUrl(e.pdf, siteRoot, true) : null,
                              excerpt: "", summary: e.ringkasan, filters: h.x.filters};
                    })});
              return Promise.resolve();
            }});
          }
        });
      };
      script.onerror = function () { reject(new Error("ringkas.js")); };
      document.head.appendChild(script);
    });
  }

  function chosenFilters() {  // the selects once shown, the address's until then
    var chosen = {};
    FILTERS.forEach(function (p) {
      var value = selects[p[0]] ? selects[p[0]].value : wanted[p[0]];
      if (value) { chosen[p[0]] = value; }
    });
    return chosen;
  }

  function showFilters(counts, wanted) {
    FILTERS.forEach(function (pair) {
      var values = Object.keys((counts || {})[pair[0]] || {});
      if (!values.length) { return; }
      values.sort();
      if (pair[0] === "tahun") { values.reverse(); }
      var label = el("label", "evkin-cari-filter", pair[1] + " ");
      var select = el("select");
      select.name = pair[0];
      select.setAttribute("aria-label", pair[1]);
      select.appendChild(new Option("Semua", ""));
      values.forEach(function (v) { select.appendChild(new Option(v, v)); });
      if (wanted[pair[0]] && values.indexOf(wanted[pair[0]]) >= 0) { select.value = wanted[pair[0]]; }
      select.addEventListener("change", function () { run(); });
      label.appendChild(select);
      filterBox.appendChild(label);
      selects[pair[0]] = select;
    });
  }

  function showItem(item) {
    var li = el("li", "evkin-cari-item");
    var heading = el("p", "evkin-cari-judul");
    if (item.url) {
      var a = el("a", "", item.title);
      a.href = item.url;
      heading.appendChild(a);
    } else {
      heading.textContent = item.title;
    }
    li.appendChild(heading);
    var tags = FILTERS.filter(function (p) { return item.filters[p[0]]; }).map(function (p) {
      return [].concat(item.filters[p[0]]).join(", ");
    });
    if (tags.length) { li.appendChild(el("p", "evkin-cari-label", tags.join(" · "))); }
    var text = el("p", "evkin-cari-kutipan");
    if (item.excerpt) { excerpt(item.excerpt, text); } else { text.textContent = item.summary || ""; }
    li.appendChild(text);
    if (item.pdf) {
      var pdf = el("a", "evkin-cari-pdf", "Unduh PDF");
      pdf.href = item.pdf;
      pdf.setAttribute("download", "");
      var p = el("p");
      p.appendChild(pdf);
      li.appendChild(p);
    }
    list.appendChild(li);
  }

  /* Called once or more per page of results: the next results in order, then done. The
   * list is aria-busy until the last one is in. */
  function showResults(found, first) {
    if (first) { list.textContent = ""; }
    found.items.forEach(showItem);
    var count = list.children.length;
    if (found.done) { list.removeAttribute("aria-busy"); } else { list.setAttribute("aria-busy", "true"); }
    var more = found.total > count && found.done ? " (" + count + " teratas ditampilkan)" : "";
    statusLine.textContent = found.total ? found.total + " hasil" + more + "." :
      "Tidak ada hasil. Coba kata lain atau hapus saringan.";
  }

  /* The results from ``from`` on, SHOWN at a time: a button below the list asks for the
   * next ones (each result's text is fetched only when its page is shown). Asked by the
   * button, the first new result takes the focus the button had (it is gone). */
  function showPage(answer, from, mine, focus) {
    if (moreButton) { moreButton.remove(); moreButton = null; }
    var first = from === 0;
    var before = first ? 0 : list.children.length;
    return answer.page(from, function (found) {
      if (mine !== counter) { return; }
      showResults(found, first);
      first = false;
      if (focus && list.children.length > before) {
        var link = list.children[before].querySelector("a");
        if (link) { link.focus(); }
        focus = false;
      }
      var next = from + SHOWN;
      if (found.done && next < answer.total) {
        var left = Math.min(SHOWN, answer.total - next);
        var look = form.querySelector("button");  // dressed as the page's own search button
        var dress = look ? look.className.replace(/\S*--primary/g, "").trim() : "";
        moreButton = el("button", (dress ? dress + " " : "") + "evkin-cari-lagi",
                        "Tampilkan " + left + " hasil berikutnya");
        moreButton.type = "button";
        moreButton.addEventListener("click", function () {
          statusLine.textContent = "Memuat…";
          showPage(answer, next, mine, true);
        });
        list.parentNode.insertBefore(moreButton, list.nextSibling);
      }
    });
  }

  function remember(query, chosen) {
    var params = new URLSearchParams();
    if (query) { params.set("q", query); }
    Object.keys(chosen).forEach(function (n) { params.set(n, chosen[n]); });
    var search = params.toString();
    try { history.replaceState(null, "", search ? "?" + search : location.pathname); } catch (e) { /* file:// */ }
  }

  function run() {
    var query = input.value.trim();
    var chosen = chosenFilters();
    var mine = ++counter;
    remember(query, chosen);
    if (moreButton) { moreButton.remove(); moreButton = null; }
    if (!query && !Object.keys(chosen).length) {
      list.textContent = "";
      list.removeAttribute("aria-busy");
      statusLine.textContent = "";
      return Promise.resolve();
    }
    statusLine.textContent = "Mencari…";
    return engine.then(function (e) {
      return e.search(query, chosen);
    }).then(function (answer) {
      if (mine === counter) { return showPage(answer, 0, mine); }
    }).catch(function () {
      if (mine === counter) {
        list.removeAttribute("aria-busy");
        statusLine.textContent = "Pencarian tidak dapat dimuat.";
      }
    });
  }

  var params = new URLSearchParams(location.search);
  var wanted = {};
  FILTERS.forEach(function (p) { if (params.get(p[0])) { wanted[p[0]] = params.get(p[0]); } });
  input.value = params.get("q") || "";
  engine = offline ? summaryEngine() : pagefindEngine();
  // The filters' counts load after the first results: they do not compete with them.
  var searched = input.value || Object.keys(wanted).length ? run() : Promise.resolve();
  searched.then(function () { return engine; }).then(function (e) {
    return e.filters();
  }).then(function (counts) {
    showFilters(counts, wanted);
  }).catch(function () { statusLine.textContent = "Pencarian tidak dapat dimuat."; });
  if (offline) {
    box.insertBefore(el("p", "evkin-catatan",
      "Dibuka dari folder: pencarian hanya pada judul dan ringkasan laporan."), statusLine);
  }
  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 250);
  });
})();
