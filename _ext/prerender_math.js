// Typeset TeX with MathJax in Node.js, for _ext/prerender_math.py.
//
//   node prerender_math.js MATHJAX_DIR < request.json > response.json
//
// request:  {"formulas": [[tex, display], ...], "tex": {TeX input options}, "fontURL": "...", "scale": 1.13}
// response: {"html": [<mjx-container> markup per formula], "css": the CHTML stylesheet for all of them}
//
// The same MathJax that the site would otherwise load in the browser (sphinx-mathjax-offline's copy),
// with assistive MathML, so that screen readers read the formulas as they would in the browser.
"use strict";
const fs = require("fs");
const path = require("path");

const dir = path.resolve(process.argv[2]);
const request = JSON.parse(fs.readFileSync(0, "utf8"));

require(path.join(dir, "node-main.js"))
  .init({
    loader: { paths: { mathjax: dir }, load: ["input/tex-full", "output/chtml", "adaptors/liteDOM", "a11y/assistive-mml"] },
    tex: request.tex,
    chtml: { fontURL: request.fontURL, scale: request.scale },
    startup: { typeset: false },
  })
  .then((MathJax) => {
    const adaptor = MathJax.startup.adaptor;
    const errors = [];
    const html = request.formulas.map(([tex, display]) => {
      const node = MathJax.tex2chtml(tex, { display });
      if (adaptor.tags(node, "mjx-merror").length) errors.push(tex);
      return adaptor.outerHTML(node);
    });
    const css = adaptor.textContent(MathJax.chtmlStylesheet());
    process.stdout.write(JSON.stringify({ html, css, errors }));
  })
  .catch((err) => {
    console.error(err && err.stack ? err.stack : String(err));
    process.exit(1);
  });
