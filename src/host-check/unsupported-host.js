/*
 * Runs before the pane's bundle, in plain ES5 so that every webview Office has ever used can run
 * it. The bundle needs a modern webview: WebView2 (Microsoft 365 or Office 2021 and later on
 * Windows, with the WebView2 runtime), Safari's on a Mac, or a current browser for Excel on the
 * web. Office 2019 and older on Windows use Internet Explorer 11 (Trident) or, without WebView2,
 * Edge Legacy (EdgeHTML) ("Browsers and webview controls used by Office Add-ins"): there the pane
 * would stay blank, so this says what is needed instead.
 */
(function () {
  "use strict";
  var agent = navigator.userAgent || "";
  var legacy = agent.indexOf("Trident/") !== -1 || agent.indexOf("MSIE ") !== -1 || agent.indexOf("Edge/") !== -1;
  // ES2019, which the bundle's target needs; EdgeHTML 18 and IE 11 have none of it.
  var modern = typeof Object.fromEntries === "function" && typeof Array.prototype.flat === "function";
  if (!legacy && modern) return;

  var zh =
    "\u201c\u68c0\u67e5\u76ee\u6807\u201d\u65e0\u6cd5\u5728\u6b64\u7248\u672c\u7684 Office \u4e2d\u8fd0\u884c\u3002" +
    "\u9700\u8981\uff1aWindows \u4e0a\u7684 Microsoft 365 \u6216 Office 2021 \u53ca\u66f4\u9ad8\u7248\u672c\uff08\u5e76\u5b89\u88c5 Microsoft Edge WebView2 \u8fd0\u884c\u65f6\uff09\u3001" +
    "Mac \u7248 Office\uff0c\u6216\u7f51\u9875\u7248 Excel\u3002Office 2019 \u53ca\u66f4\u65e9\u7248\u672c\u4e0d\u53d7\u652f\u6301\u3002";
  var en =
    "Check Targets cannot run in this version of Office. It needs Microsoft 365 or Office 2021 or later on Windows " +
    "(with the Microsoft Edge WebView2 runtime), Office on a Mac, or Excel on the web. Office 2019 and earlier are not supported.";

  var show = function () {
    var container = document.getElementById("container");
    if (container) container.style.display = "none";
    var note = document.getElementById("unsupported-webview");
    if (!note) {
      note = document.createElement("div");
      note.id = "unsupported-webview";
      document.body.appendChild(note);
    }
    note.innerHTML = "";
    var lines = [
      ["zh-CN", zh],
      ["en-US", en],
    ];
    for (var i = 0; i < lines.length; i++) {
      var p = document.createElement("p");
      p.setAttribute("lang", lines[i][0]);
      p.appendChild(document.createTextNode(lines[i][1]));
      note.appendChild(p);
    }
    note.removeAttribute("hidden");
    note.style.display = "block";
  };
  if (document.body) show();
  else document.addEventListener("DOMContentLoaded", show);
})();
