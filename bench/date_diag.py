#!/usr/bin/env python3
"""Diagnose publication dates on an extraction-dev style page set (evaluation helper, stdlib only).

    python3 bench/date_diag.py EXPORT.json DATA_DIR [--all] [--name FILE]

EXPORT.json is the `extraction_dev` example's (or `wiretrace export --with-text`) output with
`published` and `published_from`; DATA_DIR holds `dates-expected.json` and the `html/`, `dates/`
folders. For every page whose date is wrong or missing (every page with --all) it lists what the
page offers (JSON-LD dates, date metas, <time> elements, itemprop marks, dates in the URLs, visible
lines that hold the expected day) and which clue the reader took, then counts the failures by a
coarse cause. Nothing here is part of the engine; it reads evaluation data and prints only to the
terminal.
"""

import argparse
import json
import os
import re
import sys
from collections import Counter
from html.parser import HTMLParser

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12, "januar": 1, "februar": 2, "märz": 3, "mai": 5, "juni": 6, "juli": 7,
    "oktober": 10, "dezember": 12,
}


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.metas = []
        self.times = []
        self.itemprops = []
        self.ld = []
        self.links = []
        self.lines = []
        self._script = None
        self._buf = []
        self._skip = 0
        self._time = None

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = a.get("property") or a.get("name") or a.get("itemprop") or a.get("http-equiv") or ""
            if re.search(r"date|time|publish|created|modif|updated", key, re.I):
                self.metas.append((key, a.get("content", "")))
        if tag == "link" and a.get("rel", "").lower() == "canonical":
            self.links.append(a.get("href", ""))
        if tag == "time":
            self._time = [a.get("datetime", ""), a.get("class", ""), a.get("pubdate") is not None or "pubdate" in a, ""]
            self.times.append(self._time)
        ip = a.get("itemprop", "")
        if ip and re.search(r"date", ip, re.I) and tag != "meta":
            self.itemprops.append((ip, tag, a.get("datetime") or a.get("content") or a.get("title") or ""))
        if tag == "script":
            self._script = a.get("type", "")
            self._buf = []
        if tag in ("style", "noscript"):
            self._skip += 1
        if tag in ("p", "div", "li", "span", "h1", "h2", "h3", "td", "br", "time", "header", "footer", "section", "article"):
            self._flush()

    def handle_endtag(self, tag):
        if tag == "script":
            text = "".join(self._buf)
            if self._script == "application/ld+json":
                self.ld.append(text)
            elif "datePublished" in text:
                self.ld.append(text)
            self._script = None
            self._buf = []
        if tag in ("style", "noscript"):
            self._skip = max(0, self._skip - 1)
        if tag == "time":
            self._time = None
        if tag in ("p", "div", "li", "span", "h1", "h2", "h3", "td", "time", "header", "footer", "section", "article"):
            self._flush()

    def handle_data(self, data):
        if self._script is not None:
            self._buf.append(data)
            return
        if self._skip:
            return
        if self._time is not None:
            self._time[3] += data.strip() + " "
        self._buf.append(data)

    def _flush(self):
        if self._script is not None:
            return
        t = re.sub(r"\s+", " ", "".join(self._buf)).strip()
        if t:
            self.lines.append(t)
        self._buf = []


def day_patterns(want):
    y, m, d = (int(x) for x in want.split("-"))
    pats = [
        rf"{y}-0?{m}-0?{d}\b", rf"\b0?{d}\.\s?0?{m}\.\s?({y}|{y % 100:02d})\b", rf"\b0?{m}/0?{d}/({y}|{y % 100:02d})\b",
        rf"\b0?{d}/0?{m}/({y}|{y % 100:02d})\b", rf"{y}/0?{m}/0?{d}", rf"\b{y}\.0?{m}\.0?{d}\b",
    ]
    names = [k for k, v in MONTHS.items() if v == m]
    for n in names:
        pats.append(rf"\b0?{d}\.?\s+{n}\w*\.?,?\s+{y}")
        pats.append(rf"\b{n}\w*\.?\s+0?{d}(st|nd|rd|th)?,?\s+{y}")
    return [re.compile(p, re.I) for p in pats]


def find_day(text, want):
    return any(p.search(text) for p in day_patterns(want))


def url_date(u):
    m = re.search(r"/(\d{4})/(\d{1,2})/(\d{1,2})(/|$)", u) or re.search(r"(\d{4})[-_](\d{2})[-_](\d{2})", u)
    if m:
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    return None


def ld_dates(ld_texts):
    out = []
    for t in ld_texts:
        for m in re.finditer(r'"(datePublished|dateCreated|dateModified|uploadDate)"\s*:\s*"([^"]{4,40})"', t):
            out.append((m.group(1), m.group(2)))
    return out


def cause(want, got, frm, p, url_d, lds, metas):
    if got is None:
        if any(want in v for _, v in lds) or any(want in v for _, v in metas):
            return "none: expected in markup, not read"
        if url_d == want:
            return "none: URL date not read"
        if any(find_day(l, want) for l in p.lines):
            return "none: visible only"
        return "none: expected absent"
    if got[:10] == want:
        return "ok"
    mods = [v for k, v in lds if k == "dateModified"] + [v for k, v in metas if re.search("modif|updated", k, re.I)]
    if any(got[:10] in v for v in mods) and not any(want in v for v in mods):
        return f"wrong: took the modified date ({frm})"
    from datetime import date
    try:
        gap = abs((date.fromisoformat(got[:10]) - date.fromisoformat(want)).days)
    except ValueError:
        gap = 99
    if gap == 1:
        return f"wrong: one day off ({frm})"
    everywhere = " ".join(p.lines) + " ".join(v for _, v in lds + metas) + " ".join(t[0] for t in p.times)
    if not find_day(everywhere, want):
        return f"wrong: expected nowhere ({frm})"
    return f"wrong: other date ({frm})"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("export")
    ap.add_argument("data")
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--name")
    ap.add_argument("--quiet", action="store_true", help="only the cause counts")
    a = ap.parse_args()
    arts = json.load(open(a.export, encoding="utf-8"))["articles"]
    idx = {re.split(r"[/\\]", x["path"])[-1]: x for x in arts}
    exp = json.load(open(os.path.join(a.data, "dates-expected.json"), encoding="utf-8"))
    causes = Counter()
    for name in sorted(exp):
        e = exp[name]
        want = e.get("date")
        if not want or (a.name and name != a.name):
            continue
        art = idx.get(name) or {}
        got = art.get("published")
        frm = art.get("published_from")
        raw = open(os.path.join(a.data, e["dir"], name), "rb").read().decode("utf-8", "replace")
        p = Page()
        try:
            p.feed(raw)
            p.close()
        except Exception:  # noqa: BLE001 - malformed pages: keep what was read
            pass
        lds = ld_dates(p.ld)
        url_d = next((u for u in map(url_date, p.links + [v for k, v in p.metas if k == "og:url"]) if u), None)
        c = cause(want, got, frm, p, url_d, lds, p.metas)
        causes[c.split(" (")[0]] += 1
        if c == "ok" and not a.all:
            continue
        if a.quiet:
            continue
        print(f"== {name}  want {want}  got {got} from {frm}  [{c}]")
        print(f"   url(expected-file) {e.get('url')}  canonical-date {url_d}")
        for k, v in lds[:6]:
            print(f"   ld   {k}: {v}")
        for k, v in p.metas[:10]:
            print(f"   meta {k}: {v[:60]}")
        for t in p.times[:6]:
            print(f"   time datetime={t[0]!r} class={t[1]!r} pubdate={t[2]} text={t[3].strip()[:60]!r}")
        for t in p.itemprops[:5]:
            print(f"   itemprop {t}")
        hits = [l for l in p.lines if find_day(l, want)]
        for l in hits[:4]:
            print(f"   line(want) {l[:140]!r}")
        if got:
            hits = [l for l in p.lines if find_day(l, got[:10])]
            for l in hits[:3]:
                print(f"   line(got)  {l[:140]!r}")
    print()
    for c, n in causes.most_common():
        print(f"{n:4d}  {c}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
