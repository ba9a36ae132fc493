// Builds wwwroot/css/site.css and site.rtl.css from site.scss: Sass, then only the rules that some page, tag helper or
// script can use (PurgeCSS over the views, the C# that writes markup and the scripts), then the right-to-left twin
// (rtlcss). `node build.mjs --check` builds in memory and fails if the committed files differ from the sources.
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";
import * as sass from "sass";
import { PurgeCSS } from "purgecss";
import rtlcss from "rtlcss";

const here = path.dirname(fileURLToPath(import.meta.url));
const web = path.resolve(here, "..");
const out = path.join(web, "wwwroot", "css");
const check = process.argv.includes("--check");

const compiled = sass.compile(path.join(here, "site.scss"), {
  style: "compressed",
  loadPaths: [path.join(here, "node_modules")],
  // Bootstrap 5.3's Sass still uses @import and global functions; its own build silences the same notices.
  silenceDeprecations: ["import", "global-builtin", "color-functions", "if-function"],
  quietDeps: true,
}).css;

const [purged] = await new PurgeCSS().purge({
  content: [
    path.join(web, "Views/**/*.cshtml"),
    path.join(web, "Areas/**/*.cshtml"),
    path.join(web, "**/*.cs").replaceAll("\\", "/"),
    path.join(web, "wwwroot/js/*.js"),
  ],
  skippedContentGlobs: ["**/bin/**", "**/obj/**", "**/node_modules/**", "**/Data/CompiledModel/**", "**/Data/Migrations/**"],
  css: [{ raw: compiled }],
  // Attributes that markup or the browser set and that rules select on.
  dynamicAttributes: ["aria-current", "aria-invalid", "dir", "open", "hidden", "disabled", "rel", "href", "type"],
  safelist: { standard: [/^chart-/, "is-invalid", "active", "disabled", "show"] },
  variables: false,
});

const ltr = purged.css.trim() + "\n";
const rtl = rtlcss.process(ltr).trim() + "\n";

const files = { "site.css": ltr, "site.rtl.css": rtl };
let stale = [];
for (const [name, css] of Object.entries(files)) {
  const file = path.join(out, name);
  if (check) {
    const committed = await readFile(file, "utf8").catch(() => "");
    if (committed !== css) stale.push(name);
  } else {
    await writeFile(file, css);
    console.log(`${name}: ${(css.length / 1024).toFixed(1)} KB`);
  }
}
if (stale.length) {
  console.error(`Out of date with Styles/: ${stale.join(", ")}. Run: npm --prefix src/LibrarianExercises.Web/Styles run build`);
  process.exit(1);
}
