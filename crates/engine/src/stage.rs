//! Stage commands for scale-out: each reads JSON lines and writes JSON lines, running the same
//! library code as the local pipeline, so a Spark job (`RDD.pipe`) can run any stage.
//!
//! | stage | reads (one record per line) | writes |
//! |---|---|---|
//! | `extract` | a path: `{"path": "file"}`, a JSON string `"file"`, or the path as plain text; or one record of a JSON-lines file, `{"path": "f.jsonl", "record": N, "line": "{…}"}` (N counts non-blank lines from 0) | one `Article` per article (ids 1, 2, … in output order), or `{"error": "path#N: reason"}` |
//! | `align` | `{"a": Article, "b": Article}` (distinct ids) | one `Pair` per line with reuse, nothing otherwise; `{"error": …}` when both carry one id |
//! | `pairs` | `Article` lines (a whole partition; ids 1..n are given when missing) | `Pair` lines for every pair in it |
//! | `cluster` | `{"type":"article","data":Article}` and `{"type":"pair","data":Pair}` | `Story` lines |
//! | `explain` | same as `cluster` | `Change` lines |
//! | `discover` | a path (as `extract`): file or directory | each input file under it, canonical, sorted: `{"file": "/abs/f.txt", "index": N}`, or `{"error": …}` |
//! | `sketch` | `Article` lines | one `Sketch` per article (`{"v", "article", "tokens", "grams", "fingerprints"}`) |
//! | `grade` | `{"a": Article, "b": Article, "df": [[key, df], …], "max_df": M}` (the corpus's document frequencies of the two articles' fingerprints, keys `fingerprint >> fingerprint_key_shift`) | `{"pair": Pair, "strong": bool}` when they share text |
//! | `analyze` | as `cluster` (the whole corpus) | `{"type": "story", "data": Story}`, then `{"type": "pair", "data": Pair}` for the anchored pairs (method `anchors`: translations aligned sentence to sentence within a story), then `{"type": "change", "data": Change}` lines: what `Engine::analyze` computes from the same articles and pairs |
//! | `settings` | `{"articles": N}` | `{"reuse": reuse::Config, "max_df": cap for N articles, "fingerprint_key_shift", "candidate_weight_one"}` |
//! | `similarity` | `{"id": ANY, "a": ARTICLE, "b": ARTICLE}`, ARTICLE with `text` and optionally `title`, `language`, `published`, `outlet` | `{"id", "story_similarity"}` (0..1) per line, in input order |
//!
//! `similarity` reads the whole input first: anchor weights depend on how many of its articles carry
//! each anchor, so a batch of pairs is scored against the corpus its articles form (the score
//! clustering uses, see `wiretrace_stories::Similarity`).

use std::io::{BufRead, Write};

use serde::Deserialize;
use wiretrace_model::{Article, Pair};

use crate::{Config, Error, Result};

/// The stages that can run as JSON-lines commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Paths in, articles out.
    Extract,
    /// Article pairs in, reuse pairs out.
    Align,
    /// Articles in, all reuse pairs among them out.
    Pairs,
    /// Articles and pairs in, stories out.
    Cluster,
    /// Articles and pairs in, changes out.
    Explain,
    /// Article pairs in, story similarity out.
    Similarity,
    /// Paths in, the input files under them out (canonical, sorted, numbered).
    Discover,
    /// Articles in, their fingerprint sketches out.
    Sketch,
    /// Candidate pairs with the corpus's document frequencies in, graded pairs out.
    Grade,
    /// Articles and pairs in, stories then changes out (as the engine's analysis).
    Analyze,
    /// A corpus size in, the reuse settings a scale-out job needs out.
    Settings,
}

#[derive(Deserialize)]
#[serde(tag = "type", content = "data", rename_all = "snake_case")]
enum Record {
    Article(Box<Article>),
    Pair(Pair),
}

#[derive(Deserialize)]
struct AlignJob {
    a: Article,
    b: Article,
}

#[derive(Deserialize)]
struct GradeJob {
    a: Article,
    b: Article,
    /// `(fingerprint key, document frequency)` of the corpus, for fingerprints of `a` and `b` held
    /// by two or more articles.
    #[serde(default)]
    df: Vec<(u64, u32)>,
    max_df: u32,
}

#[derive(Deserialize)]
struct SettingsJob {
    articles: usize,
}

#[derive(Deserialize)]
struct SimilarityJob {
    #[serde(default)]
    id: serde_json::Value,
    a: PairArticle,
    b: PairArticle,
}

/// An article of a similarity job: only `text` is required.
#[derive(Deserialize)]
struct PairArticle {
    text: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    language: Option<String>,
    /// RFC 3339 or a plain `YYYY-MM-DD` day.
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum PathJob {
    Bare(String),
    /// One record of a JSON-lines file, read by the caller (a Spark job splits large files by
    /// lines): `record` counts the file's non-blank lines from 0, as the file reader numbers them.
    Record {
        path: String,
        record: usize,
        line: String,
    },
    Object {
        path: String,
    },
}

/// What one `extract` line asks for.
enum ExtractJob {
    File(String),
    Record {
        path: String,
        record: usize,
        line: String,
    },
}

/// Runs one stage over JSON lines from `input`, writing JSON lines to `output`.
///
/// # Errors
/// [`Error::BadRecord`] naming the line for malformed input; I/O errors of the streams.
pub fn run(cfg: &Config, stage: Stage, input: impl BufRead, mut output: impl Write) -> Result<usize> {
    let mut written = 0usize;
    let mut emit = |out: &mut dyn Write, v: &dyn erased::Json| -> Result<()> {
        out.write_all(v.to_json().as_bytes())?;
        out.write_all(b"\n")?;
        written += 1;
        Ok(())
    };
    let lines = input.lines().enumerate().filter_map(|(i, l)| match l {
        Ok(l) if l.trim().is_empty() => None,
        other => Some((i + 1, other)),
    });
    match stage {
        Stage::Extract => {
            // Ids count the articles written, so the later stages can tell them apart.
            let mut next_id = 1u32;
            for (n, line) in lines {
                let results = match extract_job(n, &line?)? {
                    ExtractJob::File(path) => {
                        wiretrace_ingest::read_file(&cfg.ingest, std::path::Path::new(&path))
                    }
                    ExtractJob::Record { path, record, line } => read_record(cfg, &path, record, &line),
                };
                for r in results {
                    match r {
                        Ok(mut a) => {
                            a.id = wiretrace_model::ArticleId(next_id);
                            next_id += 1;
                            emit(&mut output, &a)?
                        }
                        Err(e) => emit(&mut output, &serde_json::json!({ "error": e.to_string() }))?,
                    }
                }
            }
        }
        Stage::Align => {
            for (n, line) in lines {
                let job: AlignJob = parse(n, &line?)?;
                if let Some(error) = same_id_error(n, &job.a, &job.b) {
                    emit(&mut output, &error)?;
                    continue;
                }
                if let Some(p) = wiretrace_reuse::align(&cfg.reuse, &job.a, &job.b) {
                    emit(&mut output, &p)?;
                }
            }
        }
        Stage::Pairs => {
            let mut articles = Vec::new();
            for (n, line) in lines {
                articles.push(parse::<Article>(n, &line?)?);
            }
            number_articles(&mut articles);
            for p in wiretrace_reuse::find_pairs(&cfg.reuse, &articles, &|_| true) {
                emit(&mut output, &p)?;
            }
        }
        Stage::Similarity => {
            let mut jobs = Vec::new();
            for (n, line) in lines {
                jobs.push(parse::<SimilarityJob>(n, &line?)?);
            }
            let mut articles = Vec::with_capacity(jobs.len() * 2);
            for (k, job) in jobs.iter().enumerate() {
                for (side, x) in [("a", &job.a), ("b", &job.b)] {
                    let mut a = Article::new(format!("pair{k}.{side}"), x.text.clone());
                    a.id = wiretrace_model::ArticleId(articles.len() as u32 + 1);
                    a.title = x.title.clone();
                    a.language = x.language.clone();
                    a.published = x.published.as_deref().and_then(parse_day_or_time);
                    a.outlet = x.outlet.clone();
                    articles.push(a);
                }
            }
            let embeddings = crate::encoding::embeddings(cfg, &articles)?;
            let index = wiretrace_stories::Similarity::with_embeddings(&cfg.stories, &articles, &embeddings);
            for (k, job) in jobs.iter().enumerate() {
                let (a, b) = (articles[2 * k].id, articles[2 * k + 1].id);
                let score = index.score(a, b).map_or(0.0, |s| s.story_similarity);
                emit(
                    &mut output,
                    &serde_json::json!({ "id": job.id, "story_similarity": score }),
                )?;
            }
        }
        Stage::Cluster | Stage::Explain | Stage::Analyze => {
            let (mut articles, mut pairs) = (Vec::new(), Vec::new());
            for (n, line) in lines {
                match parse::<Record>(n, &line?)? {
                    Record::Article(a) => articles.push(*a),
                    Record::Pair(p) => pairs.push(p),
                }
            }
            articles.sort_by_key(|a| a.id);
            pairs.sort_by_key(|p| (p.a, p.b));
            let embeddings = crate::encoding::embeddings(cfg, &articles)?;
            let stories = wiretrace_stories::build_stories_with(&cfg.stories, &articles, &pairs, &embeddings);
            if stage == Stage::Cluster {
                for s in &stories {
                    emit(&mut output, s)?;
                }
                output.flush()?;
                return Ok(written);
            }
            let changes = crate::corpus_changes(cfg, &articles, &stories);
            if stage == Stage::Analyze {
                for s in &stories {
                    emit(&mut output, &serde_json::json!({ "type": "story", "data": s }))?;
                }
                // Anchored pairs (translations) come from the stories, so this stage writes them.
                let pairs = pairs
                    .into_iter()
                    .filter(|p| p.method.is_text())
                    .collect::<Vec<_>>();
                let sentences = crate::encoding::sentence_encoder(cfg, articles.len())?;
                let enc = sentences
                    .as_ref()
                    .map(|s| s as &dyn wiretrace_stories::SentenceEncoder);
                for p in
                    wiretrace_stories::anchored_pairs_with(&cfg.passages, &articles, &stories, &pairs, enc)
                {
                    emit(&mut output, &serde_json::json!({ "type": "pair", "data": p }))?;
                }
                for c in &changes {
                    emit(&mut output, &serde_json::json!({ "type": "change", "data": c }))?;
                }
            } else {
                for c in &changes {
                    emit(&mut output, c)?;
                }
            }
        }
        Stage::Discover => {
            let mut paths = Vec::new();
            for (n, line) in lines {
                paths.push(std::path::PathBuf::from(path_of_job(n, &line?)?));
            }
            let (files, errors) = wiretrace_ingest::discover(&paths);
            for e in errors {
                emit(&mut output, &serde_json::json!({ "error": e.to_string() }))?;
            }
            // The engine keys and orders articles by canonical file path (`Engine::add`).
            let mut files: Vec<std::path::PathBuf> = files.iter().map(|f| crate::canonical(f)).collect();
            files.sort();
            files.dedup();
            for (index, f) in files.iter().enumerate() {
                emit(
                    &mut output,
                    &serde_json::json!({ "file": f.display().to_string(), "index": index }),
                )?;
            }
        }
        Stage::Sketch => {
            for (n, line) in lines {
                let a: Article = parse(n, &line?)?;
                emit(&mut output, &wiretrace_reuse::sketch(&cfg.reuse, &a))?;
            }
        }
        Stage::Grade => {
            for (n, line) in lines {
                let job: GradeJob = parse(n, &line?)?;
                if let Some(error) = same_id_error(n, &job.a, &job.b) {
                    emit(&mut output, &error)?;
                    continue;
                }
                let df = wiretrace_reuse::CorpusDf::new(job.df, job.max_df);
                if let Some((pair, strong)) =
                    wiretrace_reuse::align_graded_in(&cfg.reuse, &df, &job.a, &job.b)
                {
                    emit(
                        &mut output,
                        &serde_json::json!({ "pair": pair, "strong": strong }),
                    )?;
                }
            }
        }
        Stage::Settings => {
            for (n, line) in lines {
                let job: SettingsJob = parse(n, &line?)?;
                emit(
                    &mut output,
                    &serde_json::json!({
                        "reuse": cfg.reuse,
                        "max_df": cfg.reuse.effective_max_df(job.articles),
                        "fingerprint_key_shift": wiretrace_reuse::FINGERPRINT_KEY_SHIFT,
                        "candidate_weight_one": wiretrace_reuse::CANDIDATE_WEIGHT_ONE,
                    }),
                )?;
            }
        }
    }
    output.flush()?;
    Ok(written)
}

/// A publication time given as RFC 3339 or as a plain `YYYY-MM-DD` day (midnight UTC).
/// The error record for a pair job whose two articles share an id: such a pair reads downstream as
/// an article paired with itself.
fn same_id_error(n: usize, a: &Article, b: &Article) -> Option<serde_json::Value> {
    (a.id == b.id).then(|| {
        serde_json::json!({
            "error": format!("line {n}: a and b both have id {}; give them distinct ids", a.id)
        })
    })
}

fn parse_day_or_time(s: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&chrono::Utc));
    }
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc())
}

/// Gives articles ids 1..=n in input order unless they already carry distinct non-zero ids
/// (a Spark driver usually assigns them, e.g. with `zipWithIndex`; `extract` leaves them at 0).
fn number_articles(articles: &mut [Article]) {
    let mut ids: Vec<u32> = articles.iter().map(|a| a.id.0).collect();
    ids.sort_unstable();
    let distinct = ids.windows(2).all(|w| w[0] != w[1]);
    if !distinct || ids.first() == Some(&0) {
        for (i, a) in articles.iter_mut().enumerate() {
            a.id = wiretrace_model::ArticleId(i as u32 + 1);
        }
    }
}

/// The path an `extract` or `discover` line names: a JSON object or string, or the line itself as
/// plain text (what `find … | wiretrace stage extract` gives).
fn path_of_job(n: usize, line: &str) -> Result<String> {
    Ok(match extract_job(n, line)? {
        ExtractJob::File(p) | ExtractJob::Record { path: p, .. } => p,
    })
}

fn extract_job(n: usize, line: &str) -> Result<ExtractJob> {
    let t = line.trim();
    if !(t.starts_with('{') || t.starts_with('"')) {
        return Ok(ExtractJob::File(t.to_string()));
    }
    Ok(match parse::<PathJob>(n, t)? {
        PathJob::Bare(p) | PathJob::Object { path: p } => ExtractJob::File(p),
        PathJob::Record { path, record, line } => ExtractJob::Record { path, record, line },
    })
}

/// One JSON-lines record read as the file reader reads it, named `path#record` as it would be.
fn read_record(
    cfg: &Config,
    path: &str,
    record: usize,
    line: &str,
) -> Vec<std::result::Result<Article, wiretrace_ingest::IngestError>> {
    let mut out = wiretrace_ingest::read_jsonl_stream(&cfg.ingest, path, std::io::Cursor::new(line));
    for r in &mut out {
        match r {
            Ok(a) => a.path = format!("{path}#{record}"),
            Err(e) => {
                e.input.record = Some(record);
                // The line number within the file is the caller's to know.
                e.input.line = None;
            }
        }
    }
    out
}

fn parse<T: serde::de::DeserializeOwned>(line: usize, text: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| Error::BadRecord {
        line,
        reason: format!("invalid record: {e}"),
    })
}

mod erased {
    /// Object-safe JSON serialisation for the emit helper.
    pub(super) trait Json {
        fn to_json(&self) -> String;
    }
    impl<T: serde::Serialize> Json for T {
        fn to_json(&self) -> String {
            serde_json::to_string(self).expect("model values always serialise")
        }
    }
}
