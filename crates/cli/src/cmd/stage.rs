//! `stage NAME`: one pipeline stage as a JSON-lines filter.
//!
//! The candidate stages (`postings`, `pair-counts`, `offers`, `top-k`) split the batch index's
//! candidate rule ([`wiretrace_reuse::shard`]) for a Spark job: each emits plain-text bundles
//! `SHARD<TAB>item item…` that the job partitions by `SHARD` (a shuffle of a few large records, not
//! one record per posting or pair) and pipes, without the key, into the next stage.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use anyhow::{bail, Context};
use wiretrace_engine::stage::{self, Stage};
use wiretrace_engine::Config;
use wiretrace_reuse::shard::{self, PairEvidence};
use wiretrace_reuse::{Sketch, FINGERPRINT_KEY_SHIFT};

use crate::args::StageName;

/// Items per output bundle line: large enough that the Spark job handles few records, small enough
/// that one line stays a few megabytes.
const ITEMS_PER_LINE: usize = 100_000;

pub fn stage(name: StageName, shards: usize, articles: usize) -> anyhow::Result<ExitCode> {
    let stage = match name {
        StageName::Extract => Stage::Extract,
        StageName::Align => Stage::Align,
        StageName::Pairs => Stage::Pairs,
        StageName::Cluster => Stage::Cluster,
        StageName::Explain => Stage::Explain,
        StageName::Similarity => Stage::Similarity,
        StageName::Discover => Stage::Discover,
        StageName::Sketch => Stage::Sketch,
        StageName::Grade => Stage::Grade,
        StageName::Analyze => Stage::Analyze,
        StageName::Settings => Stage::Settings,
        StageName::Postings
        | StageName::PairCounts
        | StageName::Offers
        | StageName::TopK
        | StageName::HolderDfs
        | StageName::DfLists => {
            let cfg = Config::default();
            let stdin = std::io::stdin().lock();
            let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
            let shards = shards.max(1);
            match name {
                StageName::Postings => postings(stdin, &mut stdout, shards)?,
                StageName::PairCounts => pair_counts(&cfg.reuse, stdin, &mut stdout, shards, articles)?,
                StageName::Offers => offers(&cfg.reuse, stdin, &mut stdout, shards)?,
                StageName::HolderDfs => holder_dfs(stdin, &mut stdout, shards)?,
                StageName::DfLists => df_lists(stdin, &mut stdout)?,
                _ => top_k(&cfg.reuse, stdin, &mut stdout)?,
            }
            stdout.flush()?;
            return Ok(ExitCode::SUCCESS);
        }
    };
    let stdin = std::io::stdin().lock();
    let stdout = std::io::BufWriter::new(std::io::stdout().lock());
    stage::run(&Config::default(), stage, stdin, stdout)?;
    Ok(ExitCode::SUCCESS)
}

/// Collects items per shard and writes them as `SHARD<TAB>item item…` lines.
struct Bundles<'a, W: Write> {
    out: &'a mut W,
    lines: Vec<String>,
    counts: Vec<usize>,
}

impl<'a, W: Write> Bundles<'a, W> {
    fn new(out: &'a mut W, shards: usize) -> Self {
        Bundles {
            out,
            lines: vec![String::new(); shards],
            counts: vec![0; shards],
        }
    }

    fn push(&mut self, shard: usize, item: std::fmt::Arguments) -> anyhow::Result<()> {
        use std::fmt::Write as _;
        let line = &mut self.lines[shard];
        if !line.is_empty() {
            line.push(' ');
        }
        line.write_fmt(item)?;
        self.counts[shard] += 1;
        if self.counts[shard] >= ITEMS_PER_LINE {
            self.flush_shard(shard)?;
        }
        Ok(())
    }

    fn flush_shard(&mut self, shard: usize) -> anyhow::Result<()> {
        if self.counts[shard] > 0 {
            writeln!(self.out, "{shard}\t{}", self.lines[shard])?;
            self.lines[shard].clear();
            self.counts[shard] = 0;
        }
        Ok(())
    }

    fn finish(mut self) -> anyhow::Result<()> {
        for s in 0..self.lines.len() {
            self.flush_shard(s)?;
        }
        Ok(())
    }
}

/// The comma-separated numbers of every item of the input lines (a line may be `SHARD<TAB>items`).
fn items<R: BufRead>(input: R, mut f: impl FnMut(&[u64]) -> anyhow::Result<()>) -> anyhow::Result<()> {
    let mut nums = Vec::with_capacity(8);
    for (n, line) in input.lines().enumerate() {
        let line = line?;
        let body = line.rsplit('\t').next().unwrap_or("");
        for item in body.split_ascii_whitespace() {
            nums.clear();
            for x in item.split(',') {
                nums.push(
                    x.parse::<u64>()
                        .with_context(|| format!("line {}: bad item {item:?}", n + 1))?,
                );
            }
            f(&nums)?;
        }
    }
    Ok(())
}

fn position(article: wiretrace_engine::model::ArticleId) -> anyhow::Result<u32> {
    match article.0.checked_sub(1) {
        Some(p) => Ok(p),
        None => bail!("article id a0: ids count from a1"),
    }
}

fn postings<R: BufRead, W: Write>(input: R, out: &mut W, shards: usize) -> anyhow::Result<()> {
    let mut bundles = Bundles::new(out, shards);
    for (n, line) in input.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let s: Sketch =
            serde_json::from_str(&line).with_context(|| format!("line {}: not a sketch", n + 1))?;
        let pos = position(s.article)?;
        let mut keys: Vec<u64> = s
            .fingerprints
            .iter()
            .map(|fp| fp >> FINGERPRINT_KEY_SHIFT)
            .collect();
        keys.sort_unstable();
        keys.dedup();
        for key in keys {
            bundles.push(shard::fingerprint_shard(key, shards), format_args!("{key},{pos}"))?;
        }
    }
    bundles.finish()
}

fn pair_counts<R: BufRead, W: Write>(
    cfg: &wiretrace_reuse::Config,
    input: R,
    out: &mut W,
    shards: usize,
    articles: usize,
) -> anyhow::Result<()> {
    let postings = read_postings(input)?;
    if let Some(p) = postings.iter().find(|p| p.1 as usize >= articles) {
        bail!("posting {p:?}: position beyond --articles ({articles})");
    }
    let mut bundles = Bundles::new(out, shards);
    for e in shard::shard_pair_counts(cfg, articles, &postings) {
        bundles.push(
            e.i as usize % shards,
            format_args!(
                "{},{},{},{},{},{}",
                e.i, e.j, e.rare, e.rare_weight, e.common, e.common_weight
            ),
        )?;
    }
    bundles.finish()
}

fn offers<R: BufRead, W: Write>(
    cfg: &wiretrace_reuse::Config,
    mut input: R,
    out: &mut W,
    shards: usize,
) -> anyhow::Result<()> {
    let mut first = String::new();
    input.read_line(&mut first)?;
    let Some(sizes) = first.trim_end().strip_prefix("sizes\t") else {
        bail!("offers: the first line must be \"sizes<TAB>n0 n1…\"");
    };
    let sizes: Vec<u32> = sizes
        .split_ascii_whitespace()
        .map(str::parse)
        .collect::<Result<_, _>>()
        .context("offers: bad sizes line")?;
    let mut evidence: Vec<PairEvidence> = Vec::new();
    items(input, |x| match *x {
        [i, j, r, rw, c, cw] if i < j && (j as usize) < sizes.len() => {
            let e = PairEvidence {
                i: i as u32,
                j: j as u32,
                rare: r as u32,
                rare_weight: rw,
                common: c as u32,
                common_weight: cw,
            };
            evidence.push(e);
            Ok(())
        }
        _ => bail!("pair evidence is i,j,rare,rare_weight,common,common_weight with i < j < articles: {x:?}"),
    })?;
    // Sorted by pair, the evidence of one pair from every fingerprint shard is summed (a sorted
    // vector holds the partition in half the memory of a map).
    evidence.sort_unstable_by_key(|e| (e.i, e.j));
    let mut bundles = Bundles::new(out, shards);
    for group in evidence.chunk_by(|x, y| (x.i, x.j) == (y.i, y.j)) {
        let mut e = group[0];
        group[1..].iter().for_each(|x| e.add(x));
        let (i, j) = (e.i, e.j);
        if let Some((_, strength)) = e.candidate(cfg, sizes[i as usize], sizes[j as usize]) {
            bundles.push(i as usize % shards, format_args!("{i},{j},{strength}"))?;
            bundles.push(j as usize % shards, format_args!("{j},{i},{strength}"))?;
        }
    }
    bundles.finish()
}

fn top_k<R: BufRead, W: Write>(cfg: &wiretrace_reuse::Config, input: R, out: &mut W) -> anyhow::Result<()> {
    let mut offers: Vec<(u32, u32, u64)> = Vec::new();
    items(input, |x| match *x {
        [a, other, strength] => {
            offers.push((a as u32, other as u32, strength));
            Ok(())
        }
        _ => bail!("an offer is article,other,strength: {x:?}"),
    })?;
    offers.sort_unstable();
    offers.dedup();
    for group in offers.chunk_by(|x, y| x.0 == y.0) {
        let a = group[0].0;
        let mine: Vec<(u32, u64)> = group.iter().map(|o| (o.1, o.2)).collect();
        for other in shard::top_candidates(cfg, &mine) {
            writeln!(out, "[{}, {}]", a.min(other), a.max(other))?;
        }
    }
    Ok(())
}

fn read_postings<R: BufRead>(input: R) -> anyhow::Result<Vec<(u64, u32)>> {
    let mut postings = Vec::new();
    items(input, |x| match *x {
        [key, pos] if pos < u64::from(u32::MAX) => {
            postings.push((key, pos as u32));
            Ok(())
        }
        _ => bail!("a posting is key,position: {x:?}"),
    })?;
    Ok(postings)
}

fn holder_dfs<R: BufRead, W: Write>(input: R, out: &mut W, shards: usize) -> anyhow::Result<()> {
    let postings = read_postings(input)?;
    let mut bundles = Bundles::new(out, shards);
    for (pos, key, df) in shard::shard_holder_dfs(&postings) {
        bundles.push(pos as usize % shards, format_args!("{pos},{key},{df}"))?;
    }
    bundles.finish()
}

fn df_lists<R: BufRead, W: Write>(input: R, out: &mut W) -> anyhow::Result<()> {
    let mut dfs: Vec<(u32, u64, u32)> = Vec::new();
    items(input, |x| match *x {
        [pos, key, df] => {
            dfs.push((pos as u32, key, df as u32));
            Ok(())
        }
        _ => bail!("a holder's df is position,key,df: {x:?}"),
    })?;
    dfs.sort_unstable();
    dfs.dedup();
    for group in dfs.chunk_by(|x, y| x.0 == y.0) {
        let list: Vec<(u64, u32)> = group.iter().map(|d| (d.1, d.2)).collect();
        writeln!(out, "{}", serde_json::json!([group[0].0, list]))?;
    }
    Ok(())
}
