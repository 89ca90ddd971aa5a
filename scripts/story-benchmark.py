#!/usr/bin/env python3
"""Scores the stories `article-widget import` keeps against a hand-made truth laid out as the
article-extraction benchmark's (github.com/scrapinghub/article-extraction-benchmark: a folder
of pages NAME.html or NAME.html.gz, and ground-truth.json mapping each NAME to its
`articleBody` and `url`). Word 4-gram precision, recall and F1, micro- and macro-averaged as
scripts/import-corpus.py computes them (the macro figures are the ones that benchmark
reports), with the pages of worst precision listed.

Usage: scripts/story-benchmark.py PAGES_DIR GROUND_TRUTH.json
                                  [--bin target/release/article-widget] [--worst N]
                                  [--texts DIR] [--json REPORT.json]
The pages are not part of this repository; export them to a scratch folder first.
"""

import argparse
import gzip
import importlib.util
import json
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("import_corpus",
                                               os.path.join(HERE, "import-corpus.py"))
corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(corpus)


def read_page(folder, name):
    for file, opener in [(f"{name}.html", open), (f"{name}.html.gz", gzip.open)]:
        path = os.path.join(folder, file)
        if os.path.exists(path):
            with opener(path, "rb") as f:
                return f.read()
    return None


def page(binary, folder, name, truth, scratch, texts):
    result = {"name": name}
    markup = read_page(folder, name)
    if markup is None:
        result["status"] = "missing"
        return result
    source = os.path.join(scratch, f"{name}.html")
    with open(source, "wb") as f:
        f.write(markup)
    out_dir = os.path.join(scratch, name)
    command = [binary, "import", source, "-o", out_dir]
    if truth.get("url"):
        command += ["--url", truth["url"]]
    code, _, err = corpus.run(command)
    result["stderr"] = err.strip()
    files = sorted(os.listdir(out_dir)) if os.path.isdir(out_dir) else []
    if "panicked" in err or code not in (0, 1):
        result["status"] = "panic" if "panicked" in err else f"exit {code}"
        story = ""
    elif not files:
        result["status"] = "failed"
        story = ""
    else:
        result["status"] = "imported"
        with open(os.path.join(out_dir, files[0]), encoding="utf-8") as f:
            story = corpus.story_text(json.load(f))
    expected = truth.get("articleBody") or ""
    # A page that is not imported keeps nothing: it counts, with no precision to lose.
    result["overlap"] = corpus.overlap(story, expected)
    if texts:
        os.makedirs(os.path.join(texts, name), exist_ok=True)
        for file, text in [("ours.txt", story), ("expected.txt", expected)]:
            with open(os.path.join(texts, name, file), "w", encoding="utf-8") as f:
                f.write(text + "\n")
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages")
    parser.add_argument("truth")
    parser.add_argument("--bin", default="target/release/article-widget")
    parser.add_argument("--worst", type=int, default=10)
    parser.add_argument("--texts", help="write each page's story and the truth here")
    parser.add_argument("--json")
    args = parser.parse_args()
    with open(args.truth, encoding="utf-8") as f:
        truth = json.load(f)
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        for name in sorted(truth):
            results.append(page(args.bin, args.pages, name, truth[name], scratch, args.texts))
    statuses = {}
    for r in results:
        statuses[r["status"]] = statuses.get(r["status"], 0) + 1
    print(f"pages: {len(results)}, " + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items())))
    scored = [r for r in results if r["status"] != "missing"]
    micro, macro = corpus.averages([r["overlap"] for r in scored])
    print(f"story word 4-grams, {len(scored)} pages (a page not imported scores as empty):")
    for label, (p, r, f) in [("micro", micro), ("macro", macro)]:
        print(f"  {label}: precision {p:.4f}, recall {r:.4f}, F1 {f:.4f}")
    ranked = sorted(scored, key=lambda r: corpus.scores(*r["overlap"])[0])[:args.worst]
    if ranked:
        print("  worst precision:")
    for r in ranked:
        shared, ours, _ = r["overlap"]
        p, rec, f = corpus.scores(*r["overlap"])
        print(f"    {r['name'][:16]} ({r['status']}): precision {p:.3f}, recall {rec:.3f}, "
              f"F1 {f:.3f} ({ours - shared} of our {ours} 4-grams not in the truth)")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1, ensure_ascii=False)
    return 0 if all(r["status"] in ("imported", "failed") for r in scored) else 1


if __name__ == "__main__":
    sys.exit(main())
