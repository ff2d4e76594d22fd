#!/usr/bin/env python3
"""A second, independent lineage benchmark: fictional wire stories and their copies with known parents.

    python3 bench/make_lineage_corpus.py make  --seed 7 --stories 60 --out target/lin7.jsonl
    python3 bench/make_lineage_corpus.py score target/lin7.gold.jsonl EXPORT.json [--errors]

`make` writes a JSON-lines corpus (make_scale_corpus.py's format: id, url, title, outlet, published,
text) and a `.gold.jsonl` sidecar (id, story, parent, ops, tie). Every text is made up at run time from
the small fictional lexicon below (invented names, places and organisations; template sentences), so
nothing in it comes from any evaluation set.

Its shape differs from reuse-dev on purpose:
- delays: a quarter of the copies appear in the same minute as their source, others minutes, hours
  or days later (reuse-dev: hours to a day);
- deep trees: a copy copies the wire or, more often, an earlier copy (re-copies of copies);
- credit lines in several real forms ("CITY (Reuters) — …", "Additional sources • AFP", "— Associated
  Press", "Reporting by … for Reuters"), kept, removed, or rewritten into another form by a copy;
- edits: tail trims, dropped paragraphs, synonym swaps, respelt names, changed figures, reworded
  quotes, new headlines, AI padding (paragraphs no other version has), outlet furniture lines;
- missing wires: sometimes the agency's own dispatch is absent, so its copies are sibling origins.

`score` prints parent accuracy (the export's source is the gold parent), the same without ties (the
gold parent's text is identical to an earlier version's, which no text can settle), ancestor-or-parent
accuracy and origin accuracy; the last line is a JSON summary. `--errors` lists wrong parents with
the operations of the copy (ids and operation names only).
"""

import argparse
import datetime as dt
import json
import random
import sys

START = dt.datetime(2026, 3, 2, 6, 0, tzinfo=dt.timezone.utc)

SYL = ["bra", "ven", "kor", "mal", "tis", "dor", "lun", "fe", "ka", "rin", "sol", "tam", "ber", "gav", "hol",
       "mir", "nes", "ost", "pel", "qua", "ros", "sten", "ul", "var", "wen", "yor", "zel", "dan", "ith", "mon"]
FIRST = ["Ilse", "Tomas", "Maren", "Oskar", "Lidia", "Henrik", "Noor", "Pavel", "Greta", "Anselm", "Rosa",
         "Tobiah", "Marit", "Emil", "Jana", "Ruben", "Selma", "Viktor", "Alma", "Kasimir", "Odile", "Bruno"]
ROLES = ["chair", "spokeswoman", "spokesman", "director", "treasurer", "chief engineer", "mayor", "minister",
         "head of research", "union leader"]
ORG_KINDS = ["Harbour Board", "Water Authority", "Transit Union", "Rail Company", "Farmers' Council",
             "Energy Cooperative", "Medical Institute", "Port Authority", "Teachers' Federation", "Bank"]
NOUNS = ["bridge", "ferry line", "power plant", "school network", "water pipeline", "rail tunnel", "grain silo",
         "wind farm", "clinic", "ring road", "fishing fleet", "library", "tram depot", "dam", "market hall",
         "airport terminal", "steel mill", "vineyard", "shipyard", "reservoir"]
VERBS = ["approved", "postponed", "rejected", "expanded", "reviewed", "funded", "suspended", "announced",
         "criticised", "defended"]
ADJ = ["new", "disputed", "costly", "long-delayed", "modest", "ambitious", "regional", "temporary"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
UNITS = ["million euros", "jobs", "households", "kilometres", "tonnes", "per cent", "passengers", "homes"]
# Synonym swaps a copy editor makes (either direction).
SYNONYMS = [("said", "stated"), ("talks", "negotiations"), ("large", "big"), ("begin", "start"),
            ("about", "around"), ("difficult", "hard"), ("help", "assist"), ("plan", "proposal"),
            ("quickly", "rapidly"), ("warned", "cautioned"), ("residents", "locals"), ("cost", "price")]
QUOTE_SWAPS = [("we", "the council"), ("very", "extremely"), ("think", "believe"), ("will", "would"),
               ("hard", "difficult"), ("now", "today"), ("never", "not")]

S_FACT = [
    "The {org} said on {day} that the {adj} {noun} in {place} would cost {n1} {unit}.",
    "Work on the {noun} is expected to begin in {month} and employ about {n2} people, the {org} said.",
    "{p1} {verb} the plan for the {noun} at a meeting in {place} on {day}.",
    "According to the {org}, some {n1} {unit} were affected by the decision.",
    "Residents of {place} have waited {n3} years for the {noun} to be finished.",
    "The {org2} warned that the {noun} could cost {n2} {unit} more than planned.",
    "Talks between the {org} and the {org2} will continue next {day}.",
    "Officials in {place} said the {noun} would help about {n1} {unit}.",
    "The {adj} project was first proposed in {year} by {p2}.",
    "{p2}, who led the {org2} until {year}, said the cost had risen quickly.",
    "A vote on the {noun} is planned for {month}, when the {org} meets in {place}.",
    "The {org} has {verb} {n3} similar projects since {year}.",
    "Critics in {place} said a large share of the {n2} {unit} would go to outside firms.",
    "The {noun} near {place} handled {n1} {unit} last year, up from {n2} the year before.",
]
S_QUOTE = [
    "\"We think the {noun} will be ready by {month}, but it will be very hard,\" said {p1}, {role} of the {org}.",
    "\"This is now the most important decision for {place} in {n3} years,\" {p2} told reporters.",
    "\"We will never accept a {adj} {noun} that nobody in {place} asked for,\" said {p2}.",
    "\"The people of {place} deserve a {noun} that works, and we think they will get one,\" {p1} said.",
    "\"It is very difficult to say when the work will end,\" said {p1}.",
]
PAD = [
    "In today's fast-moving world, the {noun} in {place} shows how communities adapt to change.",
    "Experts agree that projects like the {noun} will shape the future of {place} for years to come.",
    "This development highlights the growing importance of infrastructure in regions such as {place}.",
    "Ultimately, the story of the {noun} is a reminder that progress requires patience and vision.",
    "As debates continue, many observers will be watching {place} closely in the months ahead.",
]
MONTHS = ["January", "March", "April", "June", "September", "October", "November"]

# Agencies: outlet name, dateline form, sign-off forms (real credit-line shapes).
AGENCIES = {
    "Reuters": {"dateline": "{city} (Reuters) — ", "signoff": ["Reporting by {r1} for Reuters; editing by {r2}."]},
    "AFP": {"dateline": "{city} (AFP) — ", "signoff": ["Additional sources • AFP"]},
    "Associated Press": {"dateline": "{city} (AP) — ", "signoff": ["— Associated Press"]},
}
# How a copy credits an agency when it rewrites or adds the credit line.
CREDIT_FORMS = {
    "Reuters": ["(Reuters)", "Source: Reuters", "Additional sources • Reuters", "With reporting from Reuters."],
    "AFP": ["(AFP)", "Source: AFP", "— Agence France-Presse", "Additional sources • AFP"],
    "Associated Press": ["(AP)", "— Associated Press", "Source: Associated Press"],
}
OUTLET_A = ["North", "Harbour", "Valley", "Metro", "Coastal", "Evening", "Daily", "Morning", "Lakeside", "Union",
            "Capital", "Border", "Island", "Prairie", "Civic"]
OUTLET_B = ["Courier", "Sentinel", "Ledger", "Observer", "Chronicle", "Post", "Times", "Herald", "Dispatch",
            "Bulletin", "Review", "Gazette"]
FURNITURE = ["Follow {o} for more updates.", "Share this story: Facebook | X | Email",
             "Sign up for the {o} newsletter.", "Read more stories from {o}.", "© {o} 2026"]


def word(rng, n=2):
    return "".join(rng.choice(SYL) for _ in range(n)).capitalize()


def fill(rng, tpl, ctx):
    return tpl.format(**ctx)


def make_story(rng, sid):
    people = [f"{rng.choice(FIRST)} {word(rng, rng.choice([2, 3]))}" for _ in range(3)]
    place = word(rng, 2) + rng.choice(["vik", "stad", "holm", "berg", "ford"])
    ctx = {
        "org": f"{word(rng)} {rng.choice(ORG_KINDS)}", "org2": f"{word(rng)} {rng.choice(ORG_KINDS)}",
        "place": place, "noun": rng.choice(NOUNS), "adj": rng.choice(ADJ), "verb": rng.choice(VERBS),
        "day": rng.choice(DAYS), "month": rng.choice(MONTHS), "unit": rng.choice(UNITS),
        "n1": rng.randint(12, 990), "n2": rng.randint(120, 9800), "n3": rng.randint(3, 40),
        "year": rng.randint(1990, 2024), "p1": people[0], "p2": people[1], "role": rng.choice(ROLES),
        "city": place.upper(),
    }
    facts = rng.sample(S_FACT, 10)
    quotes = rng.sample(S_QUOTE, 3)
    sentences = [fill(rng, t, ctx) for t in facts]
    for q in quotes:
        sentences.insert(rng.randint(2, len(sentences)), fill(rng, q, ctx))
    paras = []
    i = 0
    while i < len(sentences):
        k = rng.choice([1, 2, 2, 3])
        paras.append(" ".join(sentences[i:i + k]))
        i += k
    title = f"{ctx['org'].split()[0]} {rng.choice(['backs', 'halts', 'weighs', 'doubles'])} {ctx['noun']} in {place}"
    return {"title": title, "paras": paras, "ctx": ctx, "people": people}


def credit_line(agency, rng, ctx):
    a = AGENCIES[agency]
    return rng.choice(a["signoff"]).format(r1=f"{rng.choice(FIRST)} {word(rng)}", r2=f"{rng.choice(FIRST)} {word(rng)}")


def derive(rng, src, story, outlet, wire_agency):
    """One copy of `src` (a version dict: title, paras, dateline, credit, agency) and its op names."""
    v = {"title": src["title"], "paras": list(src["paras"]), "dateline": src["dateline"],
         "credit": src["credit"], "agency": src["agency"]}
    ops = []
    if rng.random() < 0.18:
        return v, ["verbatim"]
    n_ops = rng.choice([1, 1, 2, 2, 3])
    for op in rng.sample(["trim", "drop", "synonym", "name", "number", "quote", "headline", "pad", "credit"], n_ops):
        if op == "trim" and len(v["paras"]) > 3:
            k = rng.randint(1, min(3, len(v["paras"]) - 3))
            v["paras"] = v["paras"][:-k]
        elif op == "drop" and len(v["paras"]) > 3:
            del v["paras"][rng.randrange(1, len(v["paras"]))]
        elif op == "synonym":
            for _ in range(rng.randint(1, 3)):
                a, b = rng.choice(SYNONYMS)
                if rng.random() < 0.5:
                    a, b = b, a
                hits = [i for i, p in enumerate(v["paras"]) if f" {a} " in p]
                if hits:
                    i = rng.choice(hits)
                    v["paras"][i] = v["paras"][i].replace(f" {a} ", f" {b} ", 1)
        elif op == "name":
            last = rng.choice(story["people"][:2]).split()[1]
            # A respelling at a random place: independent editors rarely respell a name alike.
            i = rng.randrange(1, len(last) - 1)
            bad = rng.choice([last[:i] + last[i + 1] + last[i] + last[i + 2:], last[:i] + last[i] + last[i:],
                              last[:i] + last[i + 1:]])
            v["paras"] = [p.replace(last, bad) for p in v["paras"]]
            v["title"] = v["title"].replace(last, bad)
        elif op == "number":
            hits = [i for i, p in enumerate(v["paras"]) if any(c.isdigit() for c in p)]
            if hits:
                i = rng.choice(hits)
                toks = v["paras"][i].split(" ")
                nums = [j for j, t in enumerate(toks) if t.isdigit()]
                if nums:
                    j = rng.choice(nums)
                    toks[j] = str(int(toks[j]) + rng.choice([1, 2, 10, 100]))
                    v["paras"][i] = " ".join(toks)
        elif op == "quote":
            hits = [i for i, p in enumerate(v["paras"]) if "\"" in p]
            if hits:
                i = rng.choice(hits)
                p = v["paras"][i]
                a, b = rng.choice([s for s in QUOTE_SWAPS if f" {s[0]} " in p] or [("", "")])
                if a:
                    v["paras"][i] = p.replace(f" {a} ", f" {b} ", 1)
        elif op == "headline":
            v["title"] = rng.choice(["Update: ", "", "Report: "]) + v["title"] + rng.choice(["", " (updated)", " as costs rise"])
        elif op == "pad":
            ctx = story["ctx"]
            pads = [fill(rng, t, ctx) for t in rng.sample(PAD, rng.randint(1, 3))]
            where = rng.choice(["start", "end", "middle"])
            if where == "start":
                v["paras"] = [" ".join(pads)] + v["paras"]
            elif where == "end":
                v["paras"] = v["paras"] + [" ".join(pads)]
            else:
                v["paras"].insert(len(v["paras"]) // 2, " ".join(pads))
        elif op == "credit" and wire_agency:
            r = rng.random()
            if r < 0.45:
                v["dateline"], v["credit"], v["agency"] = "", "", None
                op = "credit_removed"
            else:
                form = rng.choice(CREDIT_FORMS[wire_agency])
                v["dateline"], v["credit"], v["agency"] = "", form, wire_agency
                op = "credit_rewritten"
        else:
            continue
        ops.append(op)
    return v, ops or ["verbatim"]


def render(v, outlet, rng_furn):
    paras = list(v["paras"])
    if v["dateline"]:
        paras[0] = v["dateline"] + paras[0]
    if v["credit"]:
        paras.append(v["credit"])
    if rng_furn is not None:
        paras.append(rng_furn.format(o=outlet))
    return "\n\n".join(paras)


def make(args):
    rng = random.Random(args.seed)
    outlets = sorted({f"The {a} {b}" for a in OUTLET_A for b in OUTLET_B})
    outlets = rng.sample(outlets, 36)
    furniture = {o: (rng.choice(FURNITURE) if rng.random() < 0.5 else None) for o in outlets}
    records, gold = [], []
    for s in range(args.stories):
        sid = f"ls{s:04d}"
        story = make_story(rng, sid)
        agency = rng.choice(list(AGENCIES))
        t0 = START + dt.timedelta(hours=rng.randint(0, 24 * 60), minutes=rng.randint(0, 59))
        ctx = story["ctx"]
        wire = {"title": story["title"], "paras": story["paras"],
                "dateline": AGENCIES[agency]["dateline"].format(city=ctx["city"]) if agency != "AFP" or rng.random() < 0.5 else "",
                "credit": credit_line(agency, rng, ctx) if agency != "Reuters" or rng.random() < 0.5 else "",
                "agency": agency}
        missing_wire = rng.random() < 0.12
        versions = []  # (rid, version, time, outlet, gold parent rid)
        if not missing_wire:
            rid = f"{sid}-w"
            versions.append((rid, wire, t0, agency, None, ["wire"]))
        n_copies = rng.randint(2, 11)
        pool = [(None, wire, t0)] if missing_wire else [(versions[0][0], wire, t0)]
        for c in range(n_copies):
            # Re-copies of copies: the wire itself only 40% of the time once copies exist.
            if len(pool) > 1 and rng.random() < 0.6:
                prid, pv, pt = rng.choice(pool[1:])
            else:
                prid, pv, pt = pool[0]
            r = rng.random()
            if r < 0.25:
                delay = dt.timedelta(0)
            elif r < 0.55:
                delay = dt.timedelta(minutes=rng.randint(1, 30))
            elif r < 0.85:
                delay = dt.timedelta(hours=rng.randint(1, 12), minutes=rng.randint(0, 59))
            else:
                delay = dt.timedelta(days=rng.randint(1, 3), minutes=rng.randint(0, 59))
            outlet = rng.choice(outlets)
            v, ops = derive(rng, pv, story, outlet, agency)
            rid = f"{sid}-c{c}"
            t = pt + delay
            versions.append((rid, v, t, outlet, prid, ops))
            pool.append((rid, v, t))
        body_of = {}
        for rid, v, t, outlet, prid, ops in versions:
            body_of[rid] = (v["title"], tuple(v["paras"]), v["dateline"], v["credit"])
        for rid, v, t, outlet, prid, ops in versions:
            furn = furniture.get(outlet)
            text = render(v, outlet, furn)
            # A tie: the gold parent's text is identical to an earlier (or same-minute) version's.
            tie = prid is not None and any(
                o != prid and body_of[o] == body_of[prid] and ot <= t
                for o, _, ot, _, _, _ in versions if o != rid)
            records.append({"id": rid, "url": f"https://www.{outlet.lower().replace(' ', '')}.example/{rid}",
                            "title": v["title"], "outlet": outlet,
                            "published": t.strftime("%Y-%m-%dT%H:%M:%SZ"), "text": text})
            gold.append({"id": rid, "story": sid, "parent": prid, "ops": ops, "tie": tie})
    order = list(range(len(records)))
    rng.shuffle(order)
    with open(args.out, "w", encoding="utf-8") as fh:
        for i in order:
            fh.write(json.dumps(records[i], ensure_ascii=False) + "\n")
    gpath = (args.out[:-6] if args.out.endswith(".jsonl") else args.out) + ".gold.jsonl"
    with open(gpath, "w", encoding="utf-8") as fh:
        for i in order:
            fh.write(json.dumps(gold[i]) + "\n")
    print(f"{len(records)} articles, {args.stories} stories -> {args.out}, {gpath}", file=sys.stderr)


def score(args):
    gold = [json.loads(line) for line in open(args.gold, encoding="utf-8") if line.strip()]
    exp = json.load(open(args.export, encoding="utf-8"))
    gid_of = {a["id"]: gold[int(a["path"].rsplit("#", 1)[1])]["id"] for a in exp["articles"]}
    g = {x["id"]: x for x in gold}
    src = {}
    for s in exp["stories"]:
        for e in s.get("lineage", []):
            src[gid_of[e["article"]]] = gid_of[e["source"]] if e.get("source") is not None else None

    def ancestors(i):
        out, p = set(), g[i]["parent"]
        while p is not None:
            out.add(p)
            p = g[p]["parent"]
        return out

    copies = [x for x in gold if x["parent"] is not None]
    origins = [x for x in gold if x["parent"] is None]
    right = [x for x in copies if src.get(x["id"]) == x["parent"]]
    clear = [x for x in copies if not x["tie"]]
    right_clear = [x for x in clear if src.get(x["id"]) == x["parent"]]
    anc = [x for x in copies if src.get(x["id"]) in ancestors(x["id"])]
    orig = [x for x in origins if src.get(x["id"]) is None]
    res = {
        "copies": len(copies), "parent": round(len(right) / len(copies), 4),
        "parent_no_ties": round(len(right_clear) / max(1, len(clear)), 4), "ties": len(copies) - len(clear),
        "ancestor_or_parent": round(len(anc) / len(copies), 4), "origins": len(origins),
        "origin": round(len(orig) / max(1, len(origins)), 4),
    }
    if args.errors:
        for x in copies:
            if src.get(x["id"]) != x["parent"]:
                s = src.get(x["id"])
                how = "origin" if s is None else ("ancestor" if s in ancestors(x["id"]) else
                                                  ("descendant" if x["id"] in ancestors(s) else "other"))
                print(f"{x['id']}: gold {x['parent']} ({'+'.join(g[x['parent']]['ops'])}), got {s} [{how}]"
                      f" ops {'+'.join(x['ops'])}{' tie' if x['tie'] else ''}")
    if args.errors:
        for x in origins:
            if src.get(x["id"]) is not None:
                print(f"{x['id']}: gold origin ({'+'.join(x['ops'])}), got {src[x['id']]}"
                      f" ({'+'.join(g[src[x['id']]]['ops'])}, gold parent {g[src[x['id']]]['parent']})")
    print(f"parent accuracy {res['parent']} ({len(right)}/{len(copies)}); without ties {res['parent_no_ties']}"
          f" ({res['ties']} ties); ancestor-or-parent {res['ancestor_or_parent']}; origin {res['origin']}"
          f" ({len(orig)}/{len(origins)})")
    print(json.dumps(res))


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("make")
    m.add_argument("--seed", type=int, default=7)
    m.add_argument("--stories", type=int, default=60)
    m.add_argument("--out", required=True)
    s = sub.add_parser("score")
    s.add_argument("gold")
    s.add_argument("export")
    s.add_argument("--errors", action="store_true")
    a = ap.parse_args()
    make(a) if a.cmd == "make" else score(a)


if __name__ == "__main__":
    main()
