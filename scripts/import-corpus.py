#!/usr/bin/env python3
"""Runs `article-widget import` over a folder of real pages laid out as Mozilla
Readability's test corpus (NAME/source.html, NAME/expected-metadata.json and, optionally,
NAME/expected.html), and reports how often the importer agrees with Readability's expected
title, byline, excerpt, lang and dir, how many pages import at all, whether every article
passes `validate` and `render`, and each disagreement.

Where a page has expected.html, its story is also scored as the article-extraction
benchmarks score one: the word 4-grams (`\w+` words as written, counted with repeats) of
the imported story (its paragraphs, headings, quotes, saved posts and captions in order, the
headline left out) against those of expected.html's text. Precision is the share of ours
that Readability's text has, recall the share of Readability's that ours has; micro-averaged
over all 4-grams of all pages, and macro-averaged over pages (F1 of the mean precision and
the mean recall). scripts/story-benchmark.py scores the same way against a hand-made truth. The pages with the worst precision
are listed (--worst N), and --texts DIR writes both texts of each page for a diff.

Readability's values are a proxy, not the truth: its title keeps the site's name, its byline
may keep "By" or a date, its excerpt may be the first paragraph where the page's description
is the better standfirst. Read the disagreements; do not tune the importer to them.

Usage: scripts/import-corpus.py PAGES_DIR [--bin target/release/article-widget]
                                 [--only NAME…] [--json REPORT.json] [--quiet]
                                 [--worst N] [--texts DIR]
The pages are not part of this repository; export them to a scratch folder first.
"""

import argparse
import collections
import html.parser
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

FIELDS = ["headline", "byline", "standfirst", "lang", "dir"]
# Set from the command line: the address each page is imported at when its
# expected-metadata.json gives none (`url`), and whether a field the corpus leaves null is
# left uncounted rather than expected empty.
BASE_URL = None
SKIP_MISSING = False
# Where to write each page's story and Readability's text (--texts), if anywhere.
TEXTS = None
RTL = {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ps", "sd", "ug", "ur", "yi"}


def norm(text):
    if text is None:
        return ""
    text = unicodedata.normalize("NFKC", text)
    for a, b in [("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u2013", "-"), ("\u2014", "-"), ("\u00a0", " "), ("\u2026", "...")]:
        text = text.replace(a, b)
    return " ".join(text.split()).casefold()


def direction(lang):
    if not lang:
        lang = "en"
    parts = lang.lower().split("-")
    if parts[0] in RTL or any(p in ("arab", "hebr") for p in parts[1:]):
        return "rtl"
    return "ltr"


class Text(html.parser.HTMLParser):
    """An HTML text as a reader reads it: blocks apart, scripts and styles left out."""

    BLOCKS = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "br",
              "blockquote", "figure", "figcaption", "table", "tr", "td", "th", "pre",
              "section", "article", "header", "footer", "aside", "dd", "dt", "hr"}

    def __init__(self):
        super().__init__()
        self.parts = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.hidden += 1
        if tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.hidden:
            self.hidden -= 1
        if tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def html_text(markup):
    parser = Text()
    parser.feed(markup)
    return " ".join("".join(parser.parts).split())


def inline_text(value):
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(span.get("text", "") if isinstance(span, dict) else str(span)
                       for span in value)
    return ""


def list_texts(items):
    """A list's items in order, each followed by the items of the list nested in it."""
    for item in items:
        if isinstance(item, dict):
            yield inline_text(item.get("text"))
            yield from list_texts((item.get("list") or {}).get("items", []))
        else:
            yield inline_text(item)


def story_text(article):
    """The story as a reader takes it: paragraphs, headings, quotes, saved posts, lists, tables,
    code and captions in order, then the corrections and updates under it."""
    parts = []
    for block in article.get("body", []):
        kind = block.get("type")
        if kind in ("paragraph", "heading", "code"):
            parts.append(inline_text(block.get("text")))
        elif kind == "quote":
            parts.append(inline_text(block.get("text")))
            parts.append(block.get("cite") or "")
        elif kind in ("image", "video"):
            parts.append(block.get("caption") or "")
        elif kind == "post":
            # A saved post reads as the quote it used to be: its words, then who wrote them.
            for post in (block, block.get("quote") or {}):
                author = post.get("author") or {}
                parts.append(inline_text(post.get("text")))
                parts.append(f"{author.get('name', '')} ({author.get('handle', '')})"
                             if author else "")
        elif kind == "list":
            parts.extend(list_texts(block.get("items", [])))
        elif kind == "table":
            parts.append(block.get("caption") or "")
            for row in block.get("rows", []):
                parts.append(" ".join(inline_text(c.get("text") if isinstance(c, dict) else c)
                                      for c in row))
    parts.extend(note.get("text", "") for note in article.get("notes", []))
    return "\n\n".join(p for p in parts if p)


def grams(text, n=4):
    words = re.findall(r"\w+", text)
    return collections.Counter(tuple(words[i:i + n]) for i in range(max(1, len(words) - n + 1))
                               if words)


def overlap(ours, theirs):
    """Shared 4-grams, ours, theirs (counts with repeats)."""
    a, b = grams(ours), grams(theirs)
    return sum((a & b).values()), sum(a.values()), sum(b.values())


def scores(shared, ours, theirs):
    precision = shared / ours if ours else (1.0 if not theirs else 0.0)
    recall = shared / theirs if theirs else (1.0 if not ours else 0.0)
    return precision, recall, f1(precision, recall)


def f1(precision, recall):
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def averages(overlaps):
    """Micro (all pages' 4-grams pooled) and macro (the mean of the pages' precision and of
    their recall, and the F1 of those two means, as the extraction benchmarks average)."""
    totals = [sum(o[i] for o in overlaps) for i in range(3)]
    each = [scores(*o) for o in overlaps]
    precision = sum(s[0] for s in each) / len(each)
    recall = sum(s[1] for s in each) / len(each)
    return scores(*totals), (precision, recall, f1(precision, recall))


def print_overlap(results, worst):
    """The averages, and the `worst` pages by precision."""
    scored = [r for r in results if "overlap" in r]
    if not scored:
        return
    micro, macro = averages([r["overlap"] for r in scored])
    print(f"story word 4-grams, {len(scored)} pages (pages not imported are left out):")
    for label, (p, r, f) in [("micro", micro), ("macro", macro)]:
        print(f"  {label}: precision {p:.4f}, recall {r:.4f}, F1 {f:.4f}")
    ranked = sorted(scored, key=lambda r: scores(*r["overlap"])[0])[:worst]
    if ranked:
        print("  worst precision:")
    for r in ranked:
        shared, ours, _ = r["overlap"]
        p, rec, f = scores(*r["overlap"])
        print(f"    {r['name']}: precision {p:.3f}, recall {rec:.3f}, F1 {f:.3f} "
              f"({ours - shared} of our {ours} 4-grams not in the expected text)")


def article_text(article):
    out = []

    def walk(value):
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in ("href", "src", "url", "type"):
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(article.get("body", []))
    return " ".join(" ".join(out).split())


def strip_by(text):
    return re.sub(r"^(by|written by|words by|von|par|por)\s+", "", text.strip(), flags=re.I)


def compare(field, ours, expected):
    """'agree', 'loose' (the same up to a prefix, a site name or a date) or 'differ'."""
    a, b = norm(ours), norm(expected)
    if a == b:
        return "agree"
    if field == "headline":
        if a and b and (b.startswith(a) or b.endswith(a)):
            return "loose"
    if field == "byline":
        if a and norm(strip_by(expected or "")) == a:
            return "loose"
        names = [norm(n) for n in (ours or "").split(", ") if n]
        if names and all(n in b for n in names):
            return "loose"
    if field == "standfirst":
        if a and b and (a.startswith(b.rstrip(".")) or b.startswith(a.rstrip("."))):
            return "loose"
    if field == "lang" and a and b and a.split("-")[0] == b.split("-")[0]:
        return "loose"
    return "differ"


def run(cmd, timeout=120):
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        return done.returncode, done.stdout, done.stderr
    except subprocess.TimeoutExpired:
        return -1, "", "timed out"


def page(binary, folder, name, scratch):
    source = os.path.join(folder, name, "source.html")
    with open(os.path.join(folder, name, "expected-metadata.json"), encoding="utf-8") as f:
        expected = json.load(f)
    out_dir = os.path.join(scratch, name)
    command = [binary, "import", source, "-o", out_dir]
    page_url = expected.get("url") or BASE_URL
    if page_url:
        command += ["--url", page_url]
    code, _, err = run(command)
    result = {"name": name, "expected": expected, "stderr": err.strip()}
    if "panicked" in err or code not in (0, 1):
        result["status"] = "panic" if "panicked" in err else f"exit {code}"
        return result
    files = sorted(os.listdir(out_dir)) if os.path.isdir(out_dir) else []
    if not files:
        result["status"] = "failed"
        return result
    path = os.path.join(out_dir, files[0])
    with open(path, encoding="utf-8") as f:
        article = json.load(f)
    result["status"] = "imported"
    v_code, _, v_err = run([binary, "validate", path])
    r_code, r_out, r_err = run([binary, "render", path])
    result["validate"] = v_code == 0 or v_err.strip()
    result["render"] = (r_code == 0 and "<" in r_out) or r_err.strip()
    authors = ", ".join(a.get("name", "") for a in article.get("authors", []))
    ours = {
        "headline": article.get("headline"),
        "byline": authors or None,
        "standfirst": article.get("standfirst"),
        "lang": article.get("lang"),
        "dir": direction(article.get("lang")),
    }
    theirs = {
        "headline": expected.get("title"),
        "byline": expected.get("byline"),
        "standfirst": expected.get("excerpt"),
        "lang": expected.get("lang"),
        "dir": expected.get("dir"),
    }
    result["ours"], result["theirs"] = ours, theirs
    verdicts = {}
    for field in FIELDS:
        if SKIP_MISSING and theirs[field] is None:
            # The corpus does not say: not counted either way.
            verdicts[field] = "unknown"
        elif field == "dir" and theirs["dir"] is None:
            # Readability says nothing without a dir attribute; ours is read from the
            # language, so only a right-to-left language without one is worth a look.
            verdicts[field] = "agree" if ours["dir"] == "ltr" else "differ"
        elif field == "lang" and theirs["lang"] is None:
            # Readability reads only <html lang>; a language from elsewhere is not wrong.
            verdicts[field] = "agree" if ours["lang"] is None else "extra"
        else:
            verdicts[field] = compare(field, ours[field], theirs[field])
    result["verdicts"] = verdicts
    expected_html = os.path.join(folder, name, "expected.html")
    body = article_text(article)
    result["body_chars"] = len(body)
    if os.path.exists(expected_html):
        with open(expected_html, encoding="utf-8") as f:
            expected_text = html_text(f.read())
        result["expected_chars"] = len(expected_text)
        story = story_text(article)
        result["overlap"] = overlap(story, expected_text)
        if TEXTS:
            os.makedirs(os.path.join(TEXTS, name), exist_ok=True)
            for file, text in [("ours.txt", story), ("expected.txt", expected_text)]:
                with open(os.path.join(TEXTS, name, file), "w", encoding="utf-8") as f:
                    f.write(text + "\n")
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages")
    parser.add_argument("--bin", default="target/release/article-widget")
    parser.add_argument("--only", nargs="*")
    parser.add_argument("--json")
    parser.add_argument("--quiet", action="store_true", help="figures only")
    parser.add_argument("--url", help="import each page at this address (--url), "
                        "unless its expected-metadata.json gives a `url`")
    parser.add_argument("--skip-missing", action="store_true",
                        help="leave fields the corpus gives as null uncounted")
    parser.add_argument("--worst", type=int, default=10,
                        help="list this many pages with the worst story precision")
    parser.add_argument("--texts", help="write each page's story and Readability's text here")
    args = parser.parse_args()
    global BASE_URL, SKIP_MISSING, TEXTS
    BASE_URL, SKIP_MISSING, TEXTS = args.url, args.skip_missing, args.texts
    names = sorted(
        n for n in os.listdir(args.pages)
        if os.path.exists(os.path.join(args.pages, n, "source.html"))
        and os.path.exists(os.path.join(args.pages, n, "expected-metadata.json"))
    )
    if args.only:
        names = [n for n in names if n in args.only]
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        for name in names:
            results.append(page(args.bin, args.pages, name, scratch))
    imported = [r for r in results if r["status"] == "imported"]
    print(f"pages: {len(results)}, imported: {len(imported)}, "
          f"failed: {sum(r['status'] == 'failed' for r in results)}, "
          f"panicked or crashed: {sum(r['status'] not in ('imported', 'failed') for r in results)}")
    print(f"validate failures: {sum(r['validate'] is not True for r in imported)}, "
          f"render failures: {sum(r['render'] is not True for r in imported)}")
    for field in FIELDS:
        counts = {}
        for r in imported:
            counts[r["verdicts"][field]] = counts.get(r["verdicts"][field], 0) + 1
        agree = counts.get("agree", 0)
        loose = counts.get("loose", 0)
        n = (len(imported) - counts.get("unknown", 0)) or 1
        rest = ", ".join(f"{k} {v}" for k, v in sorted(counts.items())
                         if k not in ("agree", "loose"))
        print(f"  {field:10} exact {agree}/{n} ({100 * agree / n:.0f}%), "
              f"with loose {agree + loose}/{n} ({100 * (agree + loose) / n:.0f}%); {rest}")
    thin = [r for r in imported if r.get("expected_chars")
            and r["body_chars"] < 0.5 * r["expected_chars"]]
    fat = [r for r in imported if r.get("expected_chars")
           and r["body_chars"] > 1.5 * r["expected_chars"] + 200]
    print(f"  body: {len(thin)} much shorter than Readability's, {len(fat)} much longer")
    print_overlap(imported, args.worst)
    if not args.quiet:
        for r in results:
            if r["status"] != "imported":
                last = r["stderr"].splitlines()[-1] if r["stderr"] else ""
                print(f"\n{r['name']}: {r['status']}: {last}")
                continue
            lines = []
            if r["validate"] is not True:
                lines.append(f"  validate: {r['validate']}")
            if r["render"] is not True:
                lines.append(f"  render: {r['render']}")
            for field in FIELDS:
                if r["verdicts"][field] not in ("agree", "unknown"):
                    lines.append(f"  {field} [{r['verdicts'][field]}]: ours {r['ours'][field]!r}"
                                 f" | readability {r['theirs'][field]!r}")
            if r in thin or r in fat:
                lines.append(f"  body: {r['body_chars']} chars, readability "
                             f"{r['expected_chars']}")
            if lines:
                print(f"\n{r['name']}:")
                print("\n".join(lines))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
