#!/usr/bin/env python3
"""Lists the forbidden ("without") snippets an export still holds, with the DOM context they came from.

    python3 bench/furniture_diag.py EXPORT.json DATA_DIR [--missing] [--class NAME] [--json OUT]

EXPORT.json: `wiretrace export --with-text` (or the `extraction_dev` example) over DATA_DIR/html.
DATA_DIR: the extraction-dev folder (expected.json, html/). Stdlib only; prints nothing from the pages
into the repository: run it, read it, keep only the class counts.

For each surviving forbidden snippet: the smallest element whose text holds it, its tag path with
class/id, its link density (link text / text), its block length, its position against the page's main
text (before the first required snippet, inside, after the last), and whether the snippet also occurs
in a required snippet's element (text no extractor can drop). Snippets are grouped by structural class:
related lists, comments, newsletter, captions/credits, author bios, share bars, tags, footers, read-more
teasers, cookie/consent, header/above-headline, navigation, ads, and "in text" / "other".
With --missing, required snippets the export lost are listed the same way (the recall side).
"""

import argparse
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
        "wbr"}
SKIP = {"script", "style", "noscript", "template", "svg"}


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


class Node:
    __slots__ = ("tag", "attrs", "parent", "children", "start", "end", "link")

    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children = []
        self.start = self.end = 0
        self.link = 0


class Tree(HTMLParser):
    """A forgiving DOM: text concatenated in document order, each element spanning [start, end)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.cur = self.root
        self.text = []
        self.pos = 0
        self.skip = 0
        self.link_spans = []
        self.in_a = 0
        self.a_start = 0

    def handle_starttag(self, tag, attrs):
        if self.skip:
            if tag in SKIP:
                self.skip += 1
            return
        if tag in SKIP:
            self.skip = 1
            return
        if tag in VOID:
            if tag == "br":
                self._add(" ")
            return
        n = Node(tag, dict((k, v or "") for k, v in attrs), self.cur)
        n.start = self.pos
        self.cur.children.append(n)
        self.cur = n
        if tag in ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "tr", "section", "article"):
            self._add(" ")
        if tag == "a":
            self.in_a += 1
            if self.in_a == 1:
                self.a_start = self.pos

    def handle_endtag(self, tag):
        if self.skip:
            if tag in SKIP:
                self.skip -= 1
            return
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is None:
            return
        c = self.cur
        while True:
            c.end = self.pos
            if c.tag == "a":
                self.in_a = max(0, self.in_a - 1)
                if self.in_a == 0:
                    self.link_spans.append((self.a_start, self.pos))
            if c is n:
                break
            c = c.parent
        self.cur = n.parent
        self._add(" ")

    def handle_data(self, data):
        if not self.skip:
            self._add(data)

    def _add(self, s):
        s = re.sub(r"\s+", " ", s)
        if not s:
            return
        if s == " " and self.text and self.text[-1].endswith(" "):
            return
        self.text.append(s)
        self.pos += len(s)

    def finish(self):
        c = self.cur
        while c is not None:
            c.end = self.pos
            c = c.parent
        self.root.end = self.pos
        return "".join(self.text)


def parse(path):
    raw = open(path, "rb").read()
    m = re.search(rb"charset=[\"']?([A-Za-z0-9_-]+)", raw[:4000])
    enc = m.group(1).decode() if m else "utf-8"
    try:
        s = raw.decode(enc, errors="replace")
    except LookupError:
        s = raw.decode("utf-8", errors="replace")
    t = Tree()
    try:
        t.feed(s)
        t.close()
    except Exception:  # noqa: BLE001 - broken pages still give what was read
        pass
    text = t.finish()
    return t, text


def smallest_holding(node, a, b):
    """Deepest element whose span covers [a, b)."""
    best = node
    while True:
        nxt = None
        for c in node.children:
            if c.start <= a and c.end >= b:
                nxt = c
                break
        if nxt is None:
            return best
        best = node = nxt


def path_of(n):
    out = []
    while n is not None and n.tag != "#root":
        label = n.tag
        if n.attrs.get("id"):
            label += "#" + n.attrs["id"][:30]
        if n.attrs.get("class"):
            label += "." + ".".join(n.attrs["class"].split()[:3])[:50]
        out.append(label)
        n = n.parent
    return list(reversed(out))


BLOCKISH = {"p", "div", "li", "ul", "ol", "section", "article", "aside", "nav", "footer", "header", "td", "table",
            "figure", "figcaption", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "dl", "dd", "main", "form"}


def block_of(n):
    while n is not None and n.tag not in BLOCKISH and n.parent is not None:
        n = n.parent
    return n


def link_density(tree, n):
    total = max(1, n.end - n.start)
    inside = sum(max(0, min(e, n.end) - max(s, n.start)) for s, e in tree.link_spans)
    return inside / total


CLASSES = [
    ("cookie", r"cookie|consent|gdpr|dsgvo|privacy|datenschutz"),
    ("comments", r"comment|respond|reply|disqus|kommentar|discussion|forum"),
    ("newsletter", r"newsletter|subscri|signup|sign-up|abonn|paywall|premium|register|login"),
    ("caption/credit", r"caption|credit|figure|figcaption|photo|foto|image|img|bild|gallery|media"),
    ("author bio", r"author|bio|byline|profile|autor"),
    ("share", r"share|social|follow|teilen|facebook|twitter|whatsapp"),
    ("tags", r"\btags?\b|keyword|schlagw|topics|categor"),
    ("footer", r"footer|copyright|impressum|legal|contentinfo"),
    ("related/teaser", r"related|teaser|recommend|popular|most|more|also|trending|outbrain|taboola|readmore|read-more"),
    ("nav/header", r"\bnav|menu|breadcrumb|header|masthead|banner|skip|toolbar"),
    ("ad", r"\bads?\b|advert|sponsor|promo|anzeige|werbung|dfp"),
    ("sidebar", r"sidebar|\baside\b|widget|\brail\b|complementary"),
]


def locate(page, s, out_text, tree):
    """The occurrence of `s` on the page that the output kept: outside <head>, and the one whose
    surroundings match the output's paragraph holding the snippet best."""
    head_end = next((c.end for c in tree.root.children if c.tag == "head"), 0)
    for c in tree.root.children:
        for d in c.children:
            if d.tag == "head":
                head_end = max(head_end, d.end)
    hits, i = [], page.find(s)
    while i >= 0:
        if i >= head_end:
            hits.append(i)
        i = page.find(s, i + 1)
    if not hits:
        return page.find(s)
    if len(hits) == 1 or s not in out_text:
        return hits[0]
    j = out_text.find(s)
    ctx = out_text[max(0, j - 40):j + len(s) + 40]

    def score(h):
        around = page[max(0, h - 60):h + len(s) + 60]
        return sum(1 for k in range(0, len(ctx) - 8, 4) if ctx[k:k + 8] in around)
    return max(hits, key=score)


def words(n):
    s = " ".join([n.tag, n.attrs.get("role", ""), n.attrs.get("class", ""), n.attrs.get("id", "")])
    s = re.sub(r"([a-z])([A-Z])", r"\1 \2", s).lower()
    return " ".join(re.split(r"[^a-z0-9]+", s))


def classify(chain):
    """The structural class named by the closest ancestor (tag, role, class or id)."""
    for n in chain:
        s = words(n)
        for name, rx in CLASSES:
            if re.search(rx, s):
                return name
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("export")
    ap.add_argument("data")
    ap.add_argument("--missing", action="store_true", help="list lost required snippets too")
    ap.add_argument("--class", dest="only", help="only this class")
    ap.add_argument("--json", help="write the rows as JSON here")
    a = ap.parse_args()

    exp = json.load(open(a.export, encoding="utf-8"))
    arts = exp.get("articles", exp)
    texts = {}
    for art in arts:
        name = unicodedata.normalize("NFC", re.split(r"[/\\]", str(art.get("path", "")))[-1])
        texts.setdefault(name, norm(art.get("text") or ""))
    expected = json.load(open(os.path.join(a.data, "expected.json"), encoding="utf-8"))
    rows = []
    for name in sorted(expected):
        item = expected[name]
        text = texts.get(unicodedata.normalize("NFC", name), "")
        kept = [w for w in item["without"] if norm(w) in text]
        lost = [w for w in item["with"] if norm(w) not in text] if a.missing else []
        if not kept and not lost:
            continue
        path = os.path.join(a.data, "html", name)
        if not os.path.exists(path):
            continue
        tree, page = parse(path)
        # The main text's span: between the first and the last required snippet on the page.
        req = [page.find(norm(w)) for w in item["with"]]
        req = [p for p in req if p >= 0]
        lo, hi = (min(req), max(req)) if req else (-1, -1)
        for kind, snips in (("kept", kept), ("lost", lost)):
            for w in snips:
                s = norm(w)
                at = locate(page, s, text, tree)
                row = {"page": name, "kind": kind, "snippet": s[:90]}
                if at < 0:
                    row.update(where="not in page text", cls="unlocated")
                    rows.append(row)
                    continue
                n = smallest_holding(tree.root, at, at + len(s))
                blk = block_of(n)
                chain, c = [], n
                while c is not None and c.tag != "#root":
                    chain.append(c)
                    c = c.parent
                pos = ("before" if at < lo else "after" if at > hi else "inside") if lo >= 0 else "?"
                in_req_block = any(
                    blk.start <= p < blk.end for p in req
                ) if blk is not None else False
                row.update(
                    path=" > ".join(path_of(n)[-6:]),
                    link_density=round(link_density(tree, blk), 2) if blk else None,
                    block_chars=(blk.end - blk.start) if blk else None,
                    position=pos,
                    with_required=in_req_block,
                    repeats=page.count(s),
                    cls=(classify(chain) or ("in text" if pos == "inside" else "other")),
                )
                rows.append(row)
    rows = [r for r in rows if not a.only or r["cls"] == a.only]
    by = defaultdict(list)
    for r in rows:
        by[(r["kind"], r["cls"])].append(r)
    for (kind, cls), rs in sorted(by.items(), key=lambda kv: (kv[0][0], -len(kv[1]))):
        print(f"== {kind} / {cls}: {len(rs)} snippets on {len({r['page'] for r in rs})} pages")
        for r in rs:
            print(f"  {r['page'][:14]} pos={r.get('position')} ld={r.get('link_density')} "
                  f"len={r.get('block_chars')} req-block={r.get('with_required')} x{r.get('repeats')} | {r['snippet'][:60]}")
            if r.get("path"):
                print(f"      {r['path']}")
    summ = Counter((r["kind"], r["cls"]) for r in rows)
    print("summary:", json.dumps({f"{k}/{c}": v for (k, c), v in sorted(summ.items())}))
    print("pages with a kept forbidden snippet:", len({r["page"] for r in rows if r["kind"] == "kept"}))
    if a.json:
        json.dump(rows, open(a.json, "w", encoding="utf-8"), ensure_ascii=False, indent=1)


if __name__ == "__main__":
    sys.exit(main())
