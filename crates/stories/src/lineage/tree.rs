//! The lineage tree: one source per member from the scored edges (a maximum spanning
//! arborescence), refined between a version and its copies by the edits and cuts a copy inherits.

use super::evidence::{allowed, contradicted_sites, Incoming, Member};
use crate::arborescence::{max_arborescence, Arc};
use crate::features::intersect_count;
use crate::Config;

/// A copy `y` explaining this much less of `x` than `w` does is not `x`'s source (rounding slack
/// for a copy that explains exactly as much).
const EXPLAINED_LOSS_SLACK: f32 = 0.002;
/// A paragraph of `y` counts for inherited edits when `x` keeps at least this share of its 3-grams.
const KEPT_PARAGRAPH_SHARE: f32 = 0.5;
/// Inherited inner cuts (see [`inherited_gaps`]) that point at the version that made them.
const MIN_INHERITED_GAPS: usize = 1;
/// A paragraph counts as dropped when less than this share of its 3-grams is left.
const GAP_MAX_SHARE: f32 = 0.2;
/// A dropped paragraph counts when it has at least this many 3-grams (a dropped one-line credit or
/// caption says little).
const GAP_MIN_GRAMS: usize = 8;
/// Inheriting every one of `y`'s edits points at `y` when it made at least this many.
const MIN_ALL_EDITS_INHERITED: usize = 2;
/// How far up its source's ancestors a copy carrying a credit its source lacks looks for a version
/// carrying it: the copy only moves to one of its few kept candidate sources, which lie close to it,
/// and a bound keeps the pass linear in the story's size whatever the depth of its tree.
const CREDIT_WALK_MAX_STEPS: usize = 16;
/// Passes of the promotion step (moving a member down to a copy of its source); each pass can
/// only move members down, and real trees settle in one or two.
const PROMOTION_ROUNDS: usize = 4;

/// Each member's source (or none): the maximum spanning arborescence over the root scores and
/// the candidate edges, then refined between a version and its copies ([`prefers_copy`]). Also
/// returns which members were moved by the refinement (their confidence is capped).
#[allow(clippy::needless_range_loop)] // members are addressed by index in several tables at once
pub(super) fn choose_sources(
    cfg: &Config,
    feats: &[Member],
    root: &[f32],
    facts: &Incoming,
) -> (Vec<Option<usize>>, Vec<bool>) {
    let n = feats.len();
    let f = |k: usize| &feats[k];
    // Arborescence: node 0 is the virtual root, member k is node k + 1.
    let mut arcs = Vec::new();
    for x in 0..n {
        arcs.push(Arc {
            from: 0,
            to: x + 1,
            score: root[x] as f64,
        });
        for (y, s, _) in facts.sources(x) {
            arcs.push(Arc {
                from: y + 1,
                to: x + 1,
                score: s,
            });
        }
    }
    let chosen = max_arborescence(n + 1, 0, &arcs);
    let mut parent: Vec<Option<usize>> = (0..n)
        .map(|x| chosen[x + 1].and_then(|k| (arcs[k].from > 0).then(|| arcs[k].from - 1)))
        .collect();

    // Refinement between a version W and its copies: does X descend from W directly or through one
    // of W's copies Y? `prefers_copy` weighs inherited wording (Y's own substitutions found in X) and
    // inherited cuts (Y's trimmed text retained better), and never accepts a Y that explains less of X
    // than W does. Demote first (walk up while the chosen source is not preferred over its own source),
    // then promote (move down to a copy of the source when it is preferred); order is by time then id.
    let mut refined = vec![false; n];
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&k| (f(k).time.unwrap_or(i64::MAX), k));
    for &x in &order {
        while let Some(y) = parent[x] {
            let Some(w) = parent[y] else { break };
            if !allowed(f(w).time, f(x).time)
                || facts.get(w, x).is_none()
                || prefers_copy(cfg, f(x), f(y), f(w))
            {
                break;
            }
            parent[x] = Some(w);
            refined[x] = true;
        }
    }
    for _round in 0..PROMOTION_ROUNDS {
        let mut changed = false;
        for &x in &order {
            let Some(w) = parent[x] else { continue };
            let mut best: Option<(f64, usize)> = None;
            for (y, s, _) in facts.sources(x) {
                if y == x || y == w || is_ancestor(&parent, x, y) || !is_ancestor(&parent, w, y) {
                    continue;
                }
                if best.is_none_or(|(bs, _)| s > bs) && prefers_copy(cfg, f(x), f(y), f(w)) {
                    best = Some((s, y));
                }
            }
            if let Some((_, y)) = best {
                parent[x] = Some(y);
                refined[x] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    // A credit line travels with the text it credits: a copy crediting an agency its source does
    // not credit (and is not) took the credit from further up, so it moves up to the nearest
    // ancestor of that source that carries it, when that ancestor is one of its candidate sources.
    for &x in &order {
        let Some(y) = parent[x] else { continue };
        let Some(code) = f(x)
            .detail
            .credits
            .iter()
            .map(|c| c.code)
            .find(|&c| !carries_credit(f(y), c))
        else {
            continue;
        };
        let mut z = parent[y];
        let mut steps = 0;
        while let Some(a) = z {
            steps += 1;
            if steps > CREDIT_WALK_MAX_STEPS {
                break;
            }
            if carries_credit(f(a), code) {
                if facts.get(a, x).is_some() {
                    parent[x] = Some(a);
                    refined[x] = true;
                }
                break;
            }
            z = parent[a];
        }
    }
    (parent, refined)
}

/// Whether `m` credits the agency `code` or is that agency's own article.
fn carries_credit(m: &Member, code: &str) -> bool {
    m.detail.own_agency.is_some_and(|a| a.code == code) || m.detail.credits.iter().any(|c| c.code == code)
}

/// Whether `anc` is an ancestor of `x` (or `x` itself) under `parent`.
fn is_ancestor(parent: &[Option<usize>], anc: usize, x: usize) -> bool {
    let mut cur = Some(x);
    let mut steps = 0;
    while let Some(c) = cur {
        if c == anc {
            return true;
        }
        steps += 1;
        if steps > parent.len() {
            return false;
        }
        cur = parent[c];
    }
    false
}

/// Whether copy `x` more likely descends from `y` (itself a copy of `w`) than from `w` directly.
///
/// Evidence for `y`: the share of `y`'s own 3-grams (absent from `w`), within the paragraphs of `y`
/// that `x` keeps, that `x` also has (inherited substitutions: a garbled quote, a misspelt name), when
/// there are at least [`Config::min_shared_variants`] of them; or `x` keeping clearly more of `y` than of
/// `w` (inherited cuts, [`Config::retention_margin`]). Evidence against: `y` explaining less of `x`
/// than `w` does (then `x` holds wording of `w` that `y` lost). A headline that `y` rewrote decides: `x`
/// carrying it points at `y`, `x` carrying `w`'s headline rules `y` out. Figures and names weigh
/// first: more places where `y` changed one and `x` keeps `w`'s wording (a copy rarely restores what
/// its source replaced) than places where `x` carries `y`'s changed figure or name or `y`'s edits
/// inside quotations rule `y` out, whatever common word substitutions the two share outside quotes
/// (independent editors make those alike; they do not garble a quotation alike). An inner paragraph
/// `y` cut that `x` lacks too, keeping the text around the gap, points at `y` ([`inherited_gaps`]).
fn prefers_copy(cfg: &Config, x: &Member, y: &Member, w: &Member) -> bool {
    let edits = edit_events(x, y, w);
    let against = contradicted_sites(x, y, &[w]);
    if against > 0 && against > contradicted_sites(x, w, &[y]) + edits.inherited_quoted {
        return false;
    }
    let sx = x.shingles.len().max(1) as f32;
    let xy = intersect_count(x.shingles, y.shingles) as f32;
    let xw = intersect_count(x.shingles, w.shingles) as f32;
    let explained_gain = xy / sx - xw / sx;
    // A headline is rewritten freely and the rewrites stack ("Update: …", "… (updated)"): when Y
    // rewrote W's headline, X carrying Y's headline (maybe with more added) points at Y, unless Y
    // explains clearly less of X's text; X carrying W's headline but not Y's rules Y out. A change of
    // case alone is too common a house style to count.
    let fold_title = |t: &str| {
        t.split_whitespace()
            .map(wiretrace_text::fold)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (tx, ty, tw) = (
        fold_title(&x.detail.title_raw),
        fold_title(&y.detail.title_raw),
        fold_title(&w.detail.title_raw),
    );
    // (Y's headline must add something: a cut-down headline that W's contains says nothing.)
    if !tx.is_empty() && !ty.is_empty() && !tw.is_empty() && ty != tw && !tw.contains(&ty) {
        if tx.contains(&ty) {
            return explained_gain >= -cfg.title_explained_slack;
        }
        if tx.contains(&tw) {
            return false;
        }
    }
    if explained_gain < -EXPLAINED_LOSS_SLACK {
        return false;
    }
    let retention_gain = xy / y.shingles.len().max(1) as f32 - xw / w.shingles.len().max(1) as f32;
    // A paragraph Y dropped from inside W's text that X lacks too, keeping the paragraphs around
    // the gap: X inherited Y's cut (an editor cutting the same inner paragraph independently is
    // rare; a tail trim to the same length is not, so tails do not count).
    if against == 0 && inherited_gaps(x, y, w) >= MIN_INHERITED_GAPS {
        return true;
    }
    // Several inherited edits, most of Y's; or every one of Y's edits when it made at least two.
    let EditEvents { own, inherited, .. } = edits;
    let inherits_wording = (inherited >= cfg.min_shared_variants
        && inherited as f32 >= cfg.inherit_ratio * own as f32)
        || (inherited >= MIN_ALL_EDITS_INHERITED && inherited == own);
    inherits_wording || retention_gain >= cfg.retention_margin
}

/// Paragraphs of `w` that `y` dropped from inside its text (`y` keeps a later paragraph of `w`) and
/// that `x` lacks too while keeping the paragraph after the gap: a cut `x` inherits.
fn inherited_gaps(x: &Member, y: &Member, w: &Member) -> usize {
    let share = |p: &[u32], m: &Member| {
        if p.is_empty() {
            return 0.0;
        }
        p.iter().filter(|s| m.shingles.binary_search(s).is_ok()).count() as f32 / p.len() as f32
    };
    let paras = &w.detail.paragraph_shingles;
    let kept = |m: &Member, k: usize| share(&paras[k], m) >= KEPT_PARAGRAPH_SHARE;
    let lost = |m: &Member, k: usize| share(&paras[k], m) < GAP_MAX_SHARE;
    let mut gaps = 0;
    for k in 1..paras.len().saturating_sub(1) {
        if paras[k].len() < GAP_MIN_GRAMS || !kept(y, k - 1) || !lost(y, k) || !lost(x, k) {
            continue;
        }
        // The next paragraph `y` keeps after the gap, which `x` must keep too.
        if let Some(j) = (k + 1..paras.len()).find(|&j| kept(y, j)) {
            if kept(x, j) && kept(x, k - 1) {
                gaps += 1;
            }
        }
    }
    gaps
}

/// Edit events of `y` against `w` (runs of `y`'s own 3-grams) within the paragraphs of `y` that `x`
/// keeps: all of them and those `x` inherited, an edit inside a quotation counting twice, and the
/// inherited ones inside quotations counted once each.
#[derive(Debug, Clone, Copy)]
struct EditEvents {
    own: usize,
    inherited: usize,
    inherited_quoted: usize,
}

fn edit_events(x: &Member, y: &Member, w: &Member) -> EditEvents {
    let inx = |s: &u32| x.shingles.binary_search(s).is_ok();
    let inw = |s: &u32| w.shingles.binary_search(s).is_ok();
    // Count edit events, not 3-grams: one substituted word changes up to three consecutive 3-grams,
    // so runs of consecutive own 3-grams are counted once.
    // An edit inside a quotation counts twice: quotes should be reproduced verbatim, so a garbled
    // quote is more idiosyncratic than a reworded sentence.
    let mut own = 0usize;
    let mut inherited = 0usize;
    let mut inherited_quoted = 0usize;
    for (p, quoted) in y.detail.paragraph_shingles.iter().zip(&y.detail.paragraph_quoted) {
        if p.is_empty()
            || (p.iter().filter(|s| inx(s)).count() as f32) < KEPT_PARAGRAPH_SHARE * p.len() as f32
        {
            continue;
        }
        let (mut in_own, mut in_inh) = (false, false);
        for (s, q) in p.iter().zip(quoted) {
            let is_own = !inw(s);
            let is_inh = is_own && inx(s);
            let weight = if *q { 2 } else { 1 };
            if is_own && !in_own {
                own += weight;
            }
            if is_inh && !in_inh {
                inherited += weight;
                if *q {
                    inherited_quoted += 1;
                }
            }
            in_own = is_own;
            in_inh = is_inh;
        }
    }
    EditEvents {
        own,
        inherited,
        inherited_quoted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::{extract, extract_detail};
    use wiretrace_model::Article;

    const WIRE: &str = "The harbour board said on Monday that 240 ferries would be refitted at the Brenvik yard over the next three years. \
        Board chair Ilse Marrow said the work would begin in spring and employ about 600 people. \
        The board also said older vessels would be sold to operators abroad. \
        Unions said they welcomed the plan but wanted guarantees on local hiring.";

    /// Whether a copy holding `copy` is moved from the wire to a sibling holding `sibling`.
    fn moved_to(copy: &str, sibling: &str) -> bool {
        let (x, y, w) = (
            Article::new("copy.txt", copy),
            Article::new("sibling.txt", sibling),
            Article::new("wire.txt", WIRE),
        );
        let feats: Vec<_> = [&x, &y, &w].iter().map(|a| extract(a)).collect();
        let member = |k: usize, a: &Article| Member {
            time: None,
            language: None,
            shingles: &feats[k].shingles,
            facts: &[],
            detail: extract_detail(a),
        };
        prefers_copy(&Config::default(), &member(0, &x), &member(1, &y), &member(2, &w))
    }

    /// Whether `copy` is moved from `wire` to `sibling` (a copy of `wire`), given as paragraphs.
    fn moved_between(copy: &[&str], sibling: &[&str], wire: &[&str]) -> bool {
        let arts = [copy, sibling, wire].map(|p| Article::new("a.txt", p.join("\n\n")));
        let feats: Vec<_> = arts.iter().map(extract).collect();
        let member = |k: usize| Member {
            time: None,
            language: None,
            shingles: &feats[k].shingles,
            facts: &[],
            detail: extract_detail(&arts[k]),
        };
        prefers_copy(&Config::default(), &member(0), &member(1), &member(2))
    }

    #[test]
    fn a_copy_lacking_the_inner_paragraph_its_sibling_cut_descends_from_that_sibling() {
        let wire = [
            "The valley rail company said on Tuesday that it would reopen the Ostmark line in October after two years of repairs.",
            "Company director Pia Lendt said the work had cost 41 million crowns, a third more than planned.",
            "The line carried about 9,000 passengers a day before a landslide closed it in the spring of last year.",
            "Engineers found that the old retaining walls north of the Kessel tunnel had been weakened by heavy rain.",
            "Local councils have paid for replacement buses since the closure, at a cost of about 300,000 crowns a month.",
            "Commuter groups said they welcomed the news but asked for more trains in the morning rush.",
            "The company said timetables for the reopened line would be published in September.",
            "A second line to the coast is due to be modernised from next year, the company added.",
        ];
        // The sibling cut the fourth paragraph; the copy lacks it too, keeps the paragraphs around it,
        // and cut the tail (so it keeps little more of the sibling than of the wire).
        let sibling: Vec<&str> = wire
            .iter()
            .enumerate()
            .filter(|(k, _)| *k != 3)
            .map(|(_, p)| *p)
            .collect();
        let copy = [wire[0], wire[1], wire[2], wire[4]];
        assert!(moved_between(&copy, &sibling, &wire));
        // A copy keeping the paragraph the sibling cut (and trimmed the same way otherwise) stays.
        let keeps = [wire[0], wire[1], wire[2], wire[3]];
        assert!(!moved_between(&keeps, &sibling, &wire));
    }

    #[test]
    fn shared_word_substitutions_do_not_outweigh_a_figure_the_copy_kept() {
        // Copy and sibling made the same common substitutions independently; the sibling also
        // changed a figure that the copy keeps as the wire has it.
        let edits = |t: &str| t.replace("said", "stated").replace("welcomed", "applauded");
        let copy = edits(WIRE);
        let sibling = edits(WIRE).replace("600 people", "800 people");
        assert!(!moved_to(&copy, &sibling));
        // Without the changed figure, the shared substitutions point at the sibling.
        assert!(moved_to(&copy, &edits(WIRE)));
    }
}
