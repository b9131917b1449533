// pa11y (HTML_CodeSniffer, WCAG 2 AA) over a list of pages in one Chromium.
//
//   node tests/browser/pa11y_pages.js pages.json
//
// pages.json: [{"url": "...", "cookie": "sessionid=..." or null}, ...]. Prints one JSON object:
// {url: [issues...]} with every error (warnings and notices are not asked for).
"use strict";

const fs = require("fs");
const pa11y = require("pa11y");
const puppeteer = require("puppeteer");

async function main() {
  const pages = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  const found = {};
  try {
    for (const { url, cookie } of pages) {
      const page = await browser.newPage();
      const result = await pa11y(url, {
        browser,
        page,
        standard: "WCAG2AA",
        runners: ["htmlcs"],
        headers: cookie ? { Cookie: cookie } : {},
        timeout: 60000,
      });
      found[url] = result.issues.map((issue) => ({
        code: issue.code,
        message: issue.message,
        selector: issue.selector,
        context: issue.context,
      }));
      await page.close();
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(found));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
