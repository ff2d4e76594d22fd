//! The lineage graph of a story as inline SVG: time runs left to right, one row per member (in
//! time order, so nodes never overlap), an arrow from each source to its copy labelled with the
//! pair's similarity and whether the copy credits its source.

use std::collections::BTreeMap;

use maud::{html, Markup};
use wiretrace_engine::model::ArticleId;
use wiretrace_engine::views::{Credit, Member};

use crate::pages::Links;

/// Drawing width in SVG units; the graph scales to its container.
const WIDTH: f64 = 960.0;
/// Height of one member's row.
const ROW: f64 = 34.0;
/// Room on the left: the column of undated members.
const LEFT: f64 = 90.0;
/// Room on the right of the last node for its label and its edge's label.
const LABEL_ROOM: f64 = 330.0;
/// Room above the first row for the time axis.
const AXIS: f64 = 34.0;
/// Node radius.
const RADIUS: f64 = 7.0;

fn seconds(iso: Option<&str>) -> Option<i64> {
    // ISO 8601 UTC as the views give it; compared and scaled as seconds since the epoch.
    let t = iso?;
    let (date, time) = t.split_once('T')?;
    let mut d = date.split('-').map(|x| x.parse::<i64>().ok());
    let (y, m, day) = (d.next()??, d.next()??, d.next()??);
    let mut h = time
        .trim_end_matches('Z')
        .split(':')
        .map(|x| x.parse::<i64>().ok());
    let (hh, mm, ss) = (h.next()??, h.next()??, h.next().flatten().unwrap_or(0));
    Some(days_from_civil(y, m, day) * 86_400 + hh * 3600 + mm * 60 + ss)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn credit_word(c: Credit) -> &'static str {
    match c {
        Credit::Origin => "origin",
        Credit::Credited => "credited",
        Credit::Uncredited => "uncredited",
        Credit::CreditRemoved => "credit-removed",
    }
}

/// Draws the lineage graph of a story's members.
pub(crate) fn lineage(members: &[Member], links: &dyn Links) -> Markup {
    let mut order: Vec<&Member> = members.iter().collect();
    order.sort_by_key(|m| (m.article.published.clone(), m.article.id));
    let times: Vec<Option<i64>> = order
        .iter()
        .map(|m| seconds(m.article.published.as_deref()))
        .collect();
    let known: Vec<i64> = times.iter().flatten().copied().collect();
    let (t0, t1) = (
        known.iter().min().copied().unwrap_or(0),
        known.iter().max().copied().unwrap_or(0),
    );
    let span = (t1 - t0).max(1) as f64;
    let plot = WIDTH - LEFT - LABEL_ROOM;
    let x_of = |t: Option<i64>| match t {
        Some(t) => LEFT + 20.0 + (t - t0) as f64 / span * (plot - 20.0),
        None => LEFT / 2.0 - 10.0,
    };
    let pos: BTreeMap<ArticleId, (f64, f64)> = order
        .iter()
        .enumerate()
        .map(|(i, m)| (m.article.id, (x_of(times[i]), AXIS + ROW * (i as f64 + 0.5))))
        .collect();
    let height = AXIS + ROW * order.len() as f64 + 8.0;
    let first = order.iter().find_map(|m| m.article.published.clone());
    // One marker per graph: a report holds many graphs, and a marker inside a hidden one would not draw.
    let marker = format!(
        "arrow-{}",
        members.iter().map(|m| m.article.id).min().map_or(0, |a| a.0)
    );
    let last = order.iter().rev().find_map(|m| m.article.published.clone());
    html! {
        svg.lineage viewBox=(format!("0 0 {WIDTH} {height}")) role="img"
            aria-label="Lineage graph: time runs left to right; arrows go from a source to its copy" {
            defs {
                marker id=(marker) viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse" {
                    path d="M0,0 L10,5 L0,10 z" class="arrowhead" {}
                }
            }
            line.axis x1=(LEFT) y1=(AXIS - 12.0) x2=(WIDTH - LABEL_ROOM) y2=(AXIS - 12.0) {}
            @if times.iter().any(Option::is_none) {
                text.tick x=(LEFT / 2.0 - 10.0) y=(AXIS - 18.0) text-anchor="middle" { "undated" }
            }
            @if let Some(f) = &first {
                text.tick x=(LEFT + 20.0) y=(AXIS - 18.0) { (crate::pages::short_time(Some(f))) }
            }
            @if let Some(l) = &last {
                @if first.as_ref() != Some(l) {
                    text.tick x=(WIDTH - LABEL_ROOM) y=(AXIS - 18.0) text-anchor="end" { (crate::pages::short_time(Some(l))) }
                }
            }
            @for m in &order {
                @if let (Some(src), Some(&(x2, y2))) = (m.source.and_then(|s| pos.get(&s)), pos.get(&m.article.id)) {
                    @let (x1, y1) = *src;
                    @let cls = format!("edge {}", credit_word(m.credit));
                    path class=(cls) marker-end=(format!("url(#{marker})"))
                        d=(format!("M{x1:.1},{y1:.1} C{:.1},{y1:.1} {:.1},{y2:.1} {:.1},{y2:.1}", x1 + 30.0, x2 - 40.0, x2 - RADIUS - 2.0)) {}
                }
            }
            @for m in &order {
                @let (x, y) = pos[&m.article.id];
                a href=(links.article(m.article.id)) {
                    circle class=(if m.source.is_none() { "node origin" } else { "node" }) cx=(format!("{x:.1}")) cy=(format!("{y:.1}")) r=(RADIUS) {
                        title { (m.article.id) " " (m.article.title.as_deref().unwrap_or("")) }
                    }
                    text.node-label x=(format!("{:.1}", x + RADIUS + 4.0)) y=(format!("{:.1}", y + 4.0)) {
                        (m.article.id) " " (m.article.outlet.as_deref().unwrap_or("(no outlet)"))
                        // The edge's label follows the node it ends at: never ambiguous where
                        // edges from one source fan out, never outside the drawing.
                        @if m.source.is_some() {
                            tspan.edge-label dx="8" {
                                (m.similarity.map(|s| format!("sim {s:.2}")).unwrap_or_else(|| "no shared text".into()))
                                " · " (credit_word(m.credit))
                            }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_times_become_epoch_seconds() {
        assert_eq!(seconds(Some("1970-01-02T00:00:01Z")), Some(86_401));
        assert_eq!(
            seconds(Some("2026-03-02T13:30:00Z")).unwrap() - seconds(Some("2026-03-02T00:00:00Z")).unwrap(),
            13 * 3600 + 1800
        );
        assert_eq!(seconds(Some("garbage")), None);
    }
}
