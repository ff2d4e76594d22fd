//! The one orchestrator of wiretrace: stage order, incremental analysis, parallelism and export.
//!
//! Every front end (the CLI, the Spark stage commands, later the web viewer) calls this crate and
//! never a stage crate directly. Data flows one way:
//!
//! ```text
//! inputs ─ ingest ─▶ Article ─ store ─▶ reuse::find_pairs ─▶ Pair
//!        ─▶ stories::build_stories ─▶ Story + lineage ─▶ explain::explain_corpus ─▶ Change ─ store ─▶ Export
//! ```
//!
//! [`Engine::add`] reads inputs in sorted (path, record) order, in parallel, and stores them in
//! transactions of [`Config::batch_size`] files; a JSON-lines file or stdin is streamed and stored
//! 64 MB of input at a time. A killed run keeps every committed batch.
//! [`Engine::analyze`] compares only articles added or changed since the last analysis against the
//! corpus, then regroups stories from the stored pairs and explains again only the stories whose
//! members, lineage or furniture verdicts moved (ARCHITECTURE.md, "Incremental analysis").
//!
//! # Example
//! ```
//! use wiretrace_engine::{Config, Engine, Input, NoProgress};
//! let dir = tempfile::tempdir()?;
//! std::fs::write(dir.path().join("a.txt"), "Storm hits coast\n\nA storm flooded homes on Tuesday.")?;
//! let mut engine = Engine::open(&dir.path().join("w.db"), Config::default())?;
//! let report = engine.add(&[Input::Path(dir.path().join("a.txt"))], &NoProgress)?;
//! assert_eq!(report.added, 1);
//! engine.analyze(&NoProgress)?;
//! let export = engine.export(false)?;
//! assert_eq!(export.articles[0].title.as_deref(), Some("Storm hits coast"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

#[cfg(feature = "mimalloc")]
pub mod allocator;
mod config;
mod encoding;
pub use encoding::MAX_ARTICLES_VAR as ENCODER_MAX_ARTICLES_VAR;
mod error;
mod export;
mod progress;
pub mod stage;
pub mod views;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use wiretrace_ingest::IngestError;
use wiretrace_store::{Store, Upsert, WriterLock};

pub use config::Config;
pub use error::{Error, Result};
pub use progress::{NoProgress, Progress};
pub use wiretrace_model as model;

use wiretrace_model::{Article, ArticleId, Change, Export, Pair, Story};

/// The changes of every story's members against their sources, as [`Engine::analyze_with`]
/// computes them: furniture learned from the whole corpus, then each story explained. Shared with
/// the `analyze` and `explain` stage commands so a scale-out run gives the same changes.
pub fn corpus_changes(cfg: &Config, articles: &[Article], stories: &[Story]) -> Vec<Change> {
    let furniture = wiretrace_explain::FurnitureModel::build(articles, stories);
    wiretrace_explain::explain_corpus_with(&cfg.explain, articles, stories, &furniture)
}

/// What explaining a story reads of it besides its members' texts: its members and lineage edges
/// (copy, source), both sorted.
type StoryKey = (Vec<ArticleId>, Vec<(ArticleId, Option<ArticleId>)>);

/// The multi-article stories whose members are exactly a stored story's and none of them pending
/// (their anchored pairs are a function of those members' texts and the reuse pairs between them,
/// which are all unchanged), and the positions of the others, whose anchored pairs must be found.
fn split_unchanged_stories(
    stories: &[Story],
    stored: &[Story],
    pending: &BTreeSet<ArticleId>,
) -> (Vec<Vec<ArticleId>>, Vec<usize>) {
    let sorted = |s: &Story| {
        let mut members = s.articles.clone();
        members.sort_unstable();
        members
    };
    let stored: std::collections::HashSet<Vec<ArticleId>> = stored
        .iter()
        .filter(|s| s.articles.len() > 1)
        .map(sorted)
        .collect();
    let (mut unchanged, mut touched) = (Vec::new(), Vec::new());
    for (k, s) in stories.iter().enumerate().filter(|(_, s)| s.articles.len() > 1) {
        let members = sorted(s);
        if !members.iter().any(|a| pending.contains(a)) && stored.contains(&members) {
            unchanged.push(members);
        } else {
            touched.push(k);
        }
    }
    (unchanged, touched)
}

/// The stored anchored pairs joining two members of one unchanged story: what finding them again
/// would give, since anchored pairs only join members of one story.
fn kept_anchored(stored: Vec<Pair>, unchanged: &[Vec<ArticleId>]) -> Vec<Pair> {
    let story_of: std::collections::HashMap<ArticleId, usize> = unchanged
        .iter()
        .enumerate()
        .flat_map(|(k, members)| members.iter().map(move |&a| (a, k)))
        .collect();
    stored
        .into_iter()
        .filter(|p| story_of.get(&p.a).is_some_and(|k| story_of.get(&p.b) == Some(k)))
        .collect()
}

fn story_key(s: &Story) -> StoryKey {
    let mut members = s.articles.clone();
    members.sort_unstable();
    let mut edges: Vec<(ArticleId, Option<ArticleId>)> =
        s.lineage.iter().map(|e| (e.article, e.source)).collect();
    edges.sort_unstable();
    (members, edges)
}

/// The changes of the stories at positions `stale` (every story when `None`), explained with the
/// whole corpus' furniture model: [`wiretrace_explain::explain_corpus_with`] over those stories and
/// their members only (explaining a story reads nothing outside it besides the model).
fn explain_stale(
    cfg: &Config,
    articles: &[Article],
    stories: &[Story],
    stale: Option<&Vec<usize>>,
    furniture: &wiretrace_explain::FurnitureModel,
) -> Vec<Change> {
    let Some(stale) = stale else {
        return wiretrace_explain::explain_corpus_with(&cfg.explain, articles, stories, furniture);
    };
    let chosen: Vec<Story> = stale.iter().map(|&k| stories[k].clone()).collect();
    let members: BTreeSet<ArticleId> = chosen.iter().flat_map(|s| s.articles.iter().copied()).collect();
    let subset: Vec<&Article> = articles.iter().filter(|a| members.contains(&a.id)).collect();
    wiretrace_explain::explain_stories_with(&cfg.explain, &subset, &chosen, furniture)
}

/// The canonical absolute form of an input file's path (as given when it cannot be resolved: the
/// reader then reports why).
fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// The stored path an existing file named on the command line has: its canonical path, with the
/// record suffix (`#N`) of a multi-article file kept.
fn canonical_spec(spec: &str) -> Option<String> {
    let (file, record) = match spec.rsplit_once('#') {
        Some((file, record)) if !Path::new(spec).exists() => (file, Some(record)),
        _ => (spec, None),
    };
    let c = std::fs::canonicalize(file).ok()?;
    Some(match record {
        Some(r) => format!("{}#{r}", c.display()),
        None => c.display().to_string(),
    })
}

/// Story features of new and changed articles are extracted and stored this many articles at a time
/// (one transaction each), so an analysis of a whole corpus never holds all of them.
const FEATURES_CHUNK: usize = 4096;

/// A JSON-lines input is read and stored about this many bytes at a time (one transaction each).
const JSONL_BATCH_BYTES: usize = 64 << 20;

/// One input named on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file or a directory (read recursively).
    Path(PathBuf),
    /// JSON lines on standard input (`-`).
    Stdin,
}

/// What [`Engine::add`] did.
#[derive(Debug, Default)]
pub struct AddReport {
    /// Input files found.
    pub files: usize,
    /// New articles stored.
    pub added: usize,
    /// Known articles whose text or metadata changed.
    pub updated: usize,
    /// Known articles re-read with nothing changed.
    pub unchanged: usize,
    /// Inputs (files or records) that could not be read, each with its reason.
    pub skipped: Vec<IngestError>,
    /// Articles whose bytes were not UTF-8 and declared no charset, with the encoding guessed for
    /// them (metadata `charset_guessed`): stored, but their letters may be garbled.
    pub guessed_charset: Vec<(String, String)>,
}

/// What [`Engine::analyze`] did.
#[derive(Debug, Default, Clone)]
pub struct AnalyzeReport {
    /// Wall time of each stage, in pipeline order (`load`, `reuse`, `features`, `stories`, `passages`,
    /// `furniture`, `explain`, `save`).
    pub timings: Vec<(&'static str, std::time::Duration)>,
    /// Articles compared against the corpus (new or changed since the last analysis).
    pub compared: usize,
    /// New reuse pairs found.
    pub new_pairs: usize,
    /// Reuse pairs in the store after the analysis (shared wording).
    pub pairs: usize,
    /// Translation pairs (fact-aligned versions in different languages) found in the stories.
    pub translation_pairs: usize,
    /// Stories.
    pub stories: usize,
    /// Stories with more than one article.
    pub multi_article_stories: usize,
    /// Stories whose changes were computed (again): all of them in a full analysis, else those
    /// whose members, lineage or furniture verdicts moved; the others kept their stored changes.
    pub explained_stories: usize,
    /// Changes in the store after the analysis.
    pub changes: usize,
    /// Stories of several articles whose lineage was kept from the stored analysis (same members,
    /// none of them new or changed) instead of being computed again.
    pub kept_lineage: usize,
    /// Articles whose furniture digest was computed: all of them in a first or full analysis, else
    /// the new and changed ones and those whose furniture answers can have moved since the stored
    /// model (`wiretrace_explain::FurnitureDelta`); the others kept their stored digest.
    pub digested: usize,
    /// Anchored pairs (rewrites and translations) kept from the stored analysis because their story
    /// came back with the same members, none of them new or changed, instead of being found again.
    pub kept_anchored_pairs: usize,
    /// Articles whose stories were clustered again by an incremental clustering (the new and
    /// changed ones and the members of the story components they touch); `None` when the stories
    /// were clustered in full (a first or full analysis, a store without stored components, or a
    /// corpus grown past [`Config::recluster_growth`] since the last full clustering).
    pub reclustered: Option<usize>,
}

/// An open store plus the configuration to analyse it.
pub struct Engine {
    store: Store,
    cfg: Config,
    /// Held by an engine opened for writing, for as long as it lives.
    _writer: Option<WriterLock>,
    /// The story list index of the store version it was built from (see [`Engine::story_index`]).
    index: std::sync::Mutex<Option<std::sync::Arc<views::StoryIndex>>>,
}

impl Engine {
    /// Opens (or creates) the store at `db`.
    ///
    /// # Errors
    /// When the database cannot be opened or migrated.
    pub fn open(db: &Path, cfg: Config) -> Result<Engine> {
        let store = Store::open(db)?;
        Ok(Engine {
            store,
            cfg,
            _writer: None,
            index: std::sync::Mutex::new(None),
        })
    }

    /// Opens (or creates) the store at `db` as its only writer: waits while another process holds
    /// the writer lock (calling `on_wait` once with the lock file first), so two `add` or `analyze`
    /// runs never interleave and no analysis is saved over a corpus another run is changing.
    /// Readers are not blocked.
    ///
    /// # Errors
    /// When the lock cannot be taken, or the database cannot be opened or migrated.
    pub fn open_writer(db: &Path, cfg: Config, on_wait: &dyn Fn(&Path)) -> Result<Engine> {
        let lock = WriterLock::acquire(db, on_wait)?;
        let store = Store::open(db)?;
        Ok(Engine {
            store,
            cfg,
            _writer: Some(lock),
            index: std::sync::Mutex::new(None),
        })
    }

    /// Returns the configuration.
    pub fn config(&self) -> &Config {
        &self.cfg
    }

    /// Reads `inputs` and stores their articles; unreadable inputs are reported in
    /// [`AddReport::skipped`] and the others are still stored.
    ///
    /// # Errors
    /// Only on store failures (fatal): per-input problems never fail the call.
    pub fn add(&mut self, inputs: &[Input], progress: &dyn Progress) -> Result<AddReport> {
        self.add_with(inputs, progress, false)
    }

    /// Like [`Engine::add`]; with `strict`, stops at the first batch holding an unreadable input and
    /// stores nothing of that batch (earlier batches stay stored).
    ///
    /// # Errors
    /// Only on store failures.
    pub fn add_with(&mut self, inputs: &[Input], progress: &dyn Progress, strict: bool) -> Result<AddReport> {
        let mut report = AddReport::default();
        let mut paths = Vec::new();
        for input in inputs {
            match input {
                Input::Path(p) => paths.push(p.clone()),
                Input::Stdin => {
                    let ingest_cfg = self.cfg.ingest.clone();
                    let stdin = std::io::stdin().lock();
                    let batches =
                        wiretrace_ingest::read_stdin_batches(&ingest_cfg, "-", stdin, JSONL_BATCH_BYTES);
                    for records in batches {
                        if !self.store_batch(records, &mut report, strict)? {
                            return Ok(report);
                        }
                    }
                }
            }
        }
        let (files, errors) = wiretrace_ingest::discover(&paths);
        report.skipped.extend(errors);
        // An article is keyed by its file's canonical path: one file named by a relative path, an
        // absolute one or through a link is one article, whatever the working directory.
        let mut files: Vec<PathBuf> = files.iter().map(|f| canonical(f)).collect();
        files.sort();
        files.dedup();
        report.files = files.len();
        progress.start("reading", files.len() as u64);
        let ingest_cfg = self.cfg.ingest.clone();
        // Files are stored in discovery order: runs of ordinary files are read in parallel, a batch
        // of files at a time; a JSON-lines file, often a whole corpus, is streamed batch by batch.
        let mut run: Vec<&std::path::PathBuf> = Vec::new();
        let mut files = files.iter().peekable();
        while let Some(f) = files.next() {
            if wiretrace_ingest::is_jsonl_file(f) {
                for records in wiretrace_ingest::read_file_batches(&ingest_cfg, f, JSONL_BATCH_BYTES) {
                    if !self.store_batch(records, &mut report, strict)? {
                        progress.finish();
                        return Ok(report);
                    }
                }
                progress.inc(1);
                continue;
            }
            run.push(f);
            let run_ends = files
                .peek()
                .is_none_or(|next| wiretrace_ingest::is_jsonl_file(next));
            if run.len() < self.cfg.batch_size.max(1) && !run_ends {
                continue;
            }
            let records: Vec<Result<Article, IngestError>> = run
                .par_iter()
                .flat_map_iter(|f| {
                    let out = wiretrace_ingest::read_file(&ingest_cfg, f);
                    progress.inc(1);
                    out
                })
                .collect();
            run.clear();
            if !self.store_batch(records, &mut report, strict)? {
                break;
            }
        }
        progress.finish();
        Ok(report)
    }

    /// Stores one batch of records; with `strict`, stores nothing when the batch (or an earlier
    /// input) failed and returns `false` to stop.
    fn store_batch(
        &mut self,
        records: Vec<Result<Article, IngestError>>,
        report: &mut AddReport,
        strict: bool,
    ) -> Result<bool> {
        if strict && (records.iter().any(|r| r.is_err()) || !report.skipped.is_empty()) {
            report.skipped.extend(records.into_iter().filter_map(|r| r.err()));
            return Ok(false);
        }
        self.store_records(records, report)?;
        Ok(true)
    }

    fn store_records(
        &mut self,
        records: Vec<Result<Article, IngestError>>,
        report: &mut AddReport,
    ) -> Result<()> {
        let mut batch = Vec::with_capacity(records.len());
        for r in records {
            match r {
                Ok(a) => batch.push(a),
                Err(e) => {
                    tracing::warn!("{e}");
                    report.skipped.push(e);
                }
            }
        }
        for a in &batch {
            if let Some(enc) = a.metadata.get("charset_guessed").and_then(|v| v.as_str()) {
                report.guessed_charset.push((a.path.clone(), enc.to_string()));
            }
        }
        self.invalidate_views();
        for outcome in self.store.upsert_articles(&mut batch)? {
            match outcome {
                Upsert::Added => report.added += 1,
                Upsert::Updated => report.updated += 1,
                Upsert::Unchanged => report.unchanged += 1,
            }
        }
        Ok(())
    }

    /// Runs every analysis stage over the store: reuse pairs for new and changed articles, stories
    /// and lineage for the whole corpus, and changes for the stories whose explanation inputs moved.
    /// Does nothing when nothing is pending.
    ///
    /// # Errors
    /// Only on store failures.
    pub fn analyze(&mut self, progress: &dyn Progress) -> Result<AnalyzeReport> {
        self.analyze_with(progress, false)
    }

    /// Like [`Engine::analyze`]; with `full`, compares every article again, as if all were new.
    ///
    /// Incremental analysis keeps the pairs found earlier. Whether a short shared passage counts
    /// as reuse or as stock text depends on how many articles carry it, which grows with the
    /// corpus, so a pair found when the corpus was small may no longer be found in a full run (and
    /// the reverse). Stories are clustered again only in the story components the new and changed
    /// articles touch, the other stored stories kept (features read back for the unchanged
    /// articles; clustered in full once the corpus has grown by [`Config::recluster_growth`] since
    /// the last full clustering: `wiretrace_stories::cluster_stories` says what is exact); a story
    /// with the same members as a stored one, none of them new or changed, keeps its stored lineage, which is what computing it again gives; changes are computed
    /// again for the stories that are new, hold a new or changed article, or hold an article whose
    /// furniture verdicts moved (see [`wiretrace_explain::FurnitureModel::article_digest`]), and
    /// kept for the others, which gives the changes explaining every story would. A full analysis
    /// also re-decides every pair and explains every story, giving exactly what one run over the
    /// whole corpus gives.
    ///
    /// # Errors
    /// Only on store failures.
    pub fn analyze_with(&mut self, progress: &dyn Progress, full: bool) -> Result<AnalyzeReport> {
        self.analyze_stages(progress, full, true)
    }

    /// Like [`Engine::analyze`], for a store no later analysis will read (a `trace` into a
    /// temporary database): skips what only an incremental analysis reads, each article's furniture
    /// digest, which costs about as much as the furniture model itself. A later `analyze` of such
    /// a store finds no digests and explains every story, as a first analysis does.
    ///
    /// # Errors
    /// Only on store failures.
    pub fn analyze_once(&mut self, progress: &dyn Progress) -> Result<AnalyzeReport> {
        self.analyze_stages(progress, false, false)
    }

    fn analyze_stages(
        &mut self,
        progress: &dyn Progress,
        full: bool,
        keep_digests: bool,
    ) -> Result<AnalyzeReport> {
        // The marks read now are the ones this analysis clears; later marks stay pending.
        let marks = self.store.pending_marks()?;
        let pending: BTreeSet<ArticleId> = if full {
            self.store
                .content_hashes()?
                .into_iter()
                .map(|(id, _)| id)
                .collect()
        } else {
            marks.iter().map(|m| m.article).collect()
        };
        let counts = self.store.counts()?;
        if pending.is_empty() && counts.stories > 0 {
            return Ok(AnalyzeReport {
                pairs: counts.pairs as usize,
                translation_pairs: counts.translation_pairs as usize,
                stories: counts.stories as usize,
                multi_article_stories: counts.multi_article_stories as usize,
                changes: counts.changes as usize,
                ..AnalyzeReport::default()
            });
        }
        let mut timings = Vec::new();
        let mut clock = std::time::Instant::now();
        let mut lap = |name: &'static str, timings: &mut Vec<_>| {
            timings.push((name, clock.elapsed()));
            clock = std::time::Instant::now();
        };
        let articles = self.store.articles()?;
        lap("load", &mut timings);
        progress.start("finding reuse", 3);
        let new_pairs = {
            let _span =
                tracing::info_span!("reuse", articles = articles.len(), new = pending.len()).entered();
            wiretrace_reuse::find_pairs(&self.cfg.reuse, &articles, &|id| pending.contains(&id))
        };
        lap("reuse", &mut timings);
        progress.inc(1);
        let mut pairs = self.store.pairs()?;
        // Anchored pairs are found from the stories below (only reuse pairs are evidence); those of
        // a story that comes back unchanged are kept instead of found again (`kept_anchored`).
        let stored_anchored: Vec<Pair> = if full {
            Vec::new()
        } else {
            pairs.iter().filter(|p| !p.method.is_text()).cloned().collect()
        };
        pairs.retain(|p| p.method.is_text() && !pending.contains(&p.a) && !pending.contains(&p.b));
        // The new pairs are moved in, not copied (at scale they are hundreds of megabytes): the ones
        // to save are found again below as the pairs that touch a pending article.
        let new_pair_count = new_pairs.len();
        pairs.extend(new_pairs);
        pairs.sort_by_key(|p| (p.a, p.b));
        let embeddings = encoding::embeddings(&self.cfg, &articles)?;
        lap("encoder", &mut timings);
        // The stored stories none of whose members changed keep their lineage when clustering
        // gives the same members again (lineage reads the members and the pairs between them only;
        // pairs between unchanged articles are kept as they are). A full analysis computes it all.
        let stored: Vec<Story> = if full { Vec::new() } else { self.store.stories()? };
        let known_lineage: std::collections::HashMap<&[ArticleId], &[wiretrace_model::LineageEdge]> = stored
            .iter()
            .filter(|s| s.articles.len() > 1 && !s.articles.iter().any(|a| pending.contains(a)))
            .map(|s| (s.articles.as_slice(), s.lineage.as_slice()))
            .collect();
        let kept_lineage = std::sync::atomic::AtomicUsize::new(0);
        // Story features are a function of an article's text and metadata: those stored for an
        // unchanged article are read back, the others extracted now and stored first, a chunk at a
        // time (never all held at once), then read back like the rest while the stage interns
        // them. Not for a store no later analysis reads (`trace`): its stage extracts them all.
        let features_reader = if keep_digests {
            let _span = tracing::info_span!("story features").entered();
            let current = wiretrace_stories::StoryFeatures::version_prefix();
            let stored = if full {
                std::collections::HashSet::new()
            } else {
                self.store.story_feature_ids(&current)?
            };
            let missing: Vec<&Article> = articles
                .iter()
                .filter(|a| pending.contains(&a.id) || !stored.contains(&a.id))
                .collect();
            for chunk in missing.chunks(FEATURES_CHUNK) {
                let rows: Vec<(ArticleId, Vec<u8>)> = chunk
                    .par_iter()
                    .map(|a| (a.id, wiretrace_stories::StoryFeatures::extract(a).to_bytes()))
                    .collect();
                self.store.put_story_features(&rows)?;
            }
            tracing::info!(
                stored = articles.len() - missing.len(),
                extracted = missing.len(),
                "story features"
            );
            // a store that is not a file has no second connection: the stage extracts them all
            self.store.reader().ok().map(std::sync::Mutex::new)
        } else {
            None
        };
        lap("features", &mut timings);
        // The stored components, when the stories may be clustered incrementally: a store whose
        // last full clustering stored them, and a corpus grown by at most `recluster_growth`
        // since (which bounds the drift of the corpus statistics).
        let full_at = if keep_digests && !full {
            self.store.full_clustering_articles()?
        } else {
            None
        };
        let within_growth = full_at.is_some_and(|m| {
            m > 0 && articles.len() as f64 <= m as f64 * (1.0 + f64::from(self.cfg.recluster_growth))
        });
        let stored_components = if within_growth {
            self.store.story_components()?
        } else {
            Default::default()
        };
        let stored_members: Vec<Vec<ArticleId>> = if stored_components.is_empty() {
            Vec::new()
        } else {
            stored.iter().map(|s| s.articles.clone()).collect()
        };
        let previous = (!stored_components.is_empty()).then(|| wiretrace_stories::PreviousClustering {
            components: &stored_components,
            stories: &stored_members,
            fresh: &pending,
        });
        tracing::info!(
            corpus = articles.len(),
            last_full = ?full_at,
            incremental = previous.is_some(),
            "story clustering"
        );
        let clustering = {
            let _span = tracing::info_span!("stories", pairs = pairs.len()).entered();
            wiretrace_stories::cluster_stories(
                &self.cfg.stories,
                &articles,
                &pairs,
                &embeddings,
                &|members| {
                    let kept = known_lineage.get(members).map(|l| l.to_vec());
                    if kept.is_some() {
                        kept_lineage.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    }
                    kept
                },
                &|id| {
                    let reader = features_reader.as_ref()?;
                    let bytes = reader.lock().ok()?.story_feature(id).ok()??;
                    wiretrace_stories::StoryFeatures::from_bytes(&bytes)
                },
                previous.as_ref(),
            )
        };
        drop((stored_components, stored_members));
        let wiretrace_stories::Clustering {
            stories,
            components,
            reclustered,
        } = clustering;
        tracing::info!(
            reclustered = ?reclustered,
            of = articles.len(),
            "articles clustered again (none: in full)"
        );
        drop(features_reader);
        drop(known_lineage);
        let kept_lineage = kept_lineage.into_inner();
        tracing::info!(
            kept = kept_lineage,
            "multi-article stories keeping their stored lineage"
        );
        lap("stories", &mut timings);
        let (anchored, kept_anchored_pairs) = {
            let _span = tracing::info_span!("passages", stories = stories.len()).entered();
            let (unchanged, touched) = split_unchanged_stories(&stories, &stored, &pending);
            let kept = kept_anchored(stored_anchored, &unchanged);
            let kept_count = kept.len();
            let sentences = encoding::sentence_encoder(&self.cfg, articles.len())?;
            let find = |stories: &[Story]| {
                let enc = sentences
                    .as_ref()
                    .map(|s| s as &dyn wiretrace_stories::SentenceEncoder);
                wiretrace_stories::anchored_pairs_with(&self.cfg.passages, &articles, stories, &pairs, enc)
            };
            let mut found = if unchanged.is_empty() {
                find(&stories)
            } else {
                find(&touched.iter().map(|&k| stories[k].clone()).collect::<Vec<_>>())
            };
            tracing::info!(
                kept = kept.len(),
                found = found.len(),
                stories_searched = touched.len(),
                "anchored pairs"
            );
            found.extend(kept);
            found.sort_by_key(|p| (p.a, p.b));
            (found, kept_count)
        };
        lap("passages", &mut timings);
        progress.inc(1);
        // The stored furniture state (with the digests computed from it): the model decides again
        // only the paragraphs whose decision can have moved since (`build_reusing`), and digests
        // again only the articles whose answers can have moved (`FurnitureDelta`). Not when an
        // article analysed then is pending now (changed since: its old paragraphs are gone).
        let stored_digests = if keep_digests && !full {
            self.store.furniture_digests()?
        } else {
            BTreeMap::new()
        };
        let state = if keep_digests && !full {
            self.store.furniture_state()?
        } else {
            None
        };
        // each article's story members (sorted), as (members of each story, article → story)
        let members_of = |stories: &[Story]| {
            let mut members = Vec::with_capacity(stories.len());
            let mut story_of = std::collections::HashMap::new();
            for (k, s) in stories.iter().enumerate() {
                let mut m = s.articles.clone();
                m.sort_unstable();
                members.push(m);
                story_of.extend(s.articles.iter().map(|a| (*a, k)));
            }
            (members, story_of)
        };
        let reusable = state.is_some() && !pending.iter().any(|id| stored_digests.contains_key(id));
        let (before, now) = if reusable {
            (members_of(&stored), members_of(&stories))
        } else {
            Default::default()
        };
        let standing = |id: ArticleId| {
            if pending.contains(&id) {
                wiretrace_explain::Standing::New
            } else if before.1.get(&id).map(|&k| &before.0[k]) == now.1.get(&id).map(|&k| &now.0[k]) {
                wiretrace_explain::Standing::Unchanged
            } else {
                wiretrace_explain::Standing::Regrouped
            }
        };
        let furniture = {
            let _span = tracing::info_span!("furniture", articles = articles.len()).entered();
            let previous = state
                .as_deref()
                .filter(|_| reusable)
                .map(|state| wiretrace_explain::Previous {
                    state,
                    standing: &standing,
                });
            let m = wiretrace_explain::FurnitureModel::build_reusing(&articles, &stories, previous);
            tracing::info!(
                decided = m.decided(),
                of = m.paragraphs(),
                reusable,
                "furniture paragraphs decided"
            );
            m
        };
        drop((before, now));
        // Each article's digest; an article whose answers cannot have moved since the stored model
        // (`FurnitureDelta::may_change_digest`) keeps its stored digest, which is what digesting it
        // again gives: the others are digested.
        let delta = state.as_deref().and_then(|state| furniture.delta_from(state));
        drop(state);
        let mut digested = 0;
        let digests: Option<Vec<(ArticleId, u64)>> = keep_digests.then(|| {
            let _span = tracing::info_span!("furniture digests").entered();
            let counter = std::sync::atomic::AtomicUsize::new(0);
            let out = articles
                .par_iter()
                .map(|a| {
                    let kept = delta
                        .as_ref()
                        .filter(|d| !pending.contains(&a.id) && !d.may_change_digest(a, &furniture))
                        .and_then(|_| stored_digests.get(&a.id).copied());
                    (
                        a.id,
                        kept.unwrap_or_else(|| {
                            counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            furniture.article_digest(a)
                        }),
                    )
                })
                .collect();
            digested = counter.into_inner();
            tracing::info!(
                digested,
                kept_model = delta.is_some(),
                recurrence_moved = delta.as_ref().map_or(0, |d| d.recurrence_moved()),
                vocabulary_moved = ?delta.as_ref().map(|d| d.vocabulary_moved()),
                "articles digested again"
            );
            out
        });
        drop(delta);
        let furniture_state = digests.as_ref().map(|_| furniture.state_bytes());
        lap("furniture", &mut timings);
        let stale = match &digests {
            Some(digests) if !full => {
                let _span = tracing::info_span!("stale stories").entered();
                // a first analysis (or one touching every story) explains the corpus as a full one
                Some(Self::stale_stories(
                    &stories,
                    &stored,
                    &pending,
                    &stored_digests,
                    digests,
                ))
                .filter(|stale| stale.len() < stories.len())
            }
            _ => None,
        };
        let changes = {
            let _span = tracing::info_span!("explain", stories = stories.len()).entered();
            explain_stale(&self.cfg, &articles, &stories, stale.as_ref(), &furniture)
        };
        drop(furniture);
        lap("explain", &mut timings);
        progress.inc(1);
        let (pair_count, anchored_count) = (pairs.len(), anchored.len());
        // Every pair kept from the store touches no pending article, every new one does.
        let saved: Vec<Pair> = pairs
            .into_iter()
            .filter(|p| pending.contains(&p.a) || pending.contains(&p.b))
            .chain(anchored)
            .collect();
        let changes_of: Option<BTreeSet<ArticleId>> = stale.as_ref().map(|stale| {
            stale
                .iter()
                .flat_map(|&k| stories[k].articles.iter().copied())
                .collect()
        });
        self.store.save(&wiretrace_store::Analysis {
            new_pairs: &saved,
            replace_pairs: full,
            stories: &stories,
            changes: &changes,
            changes_of: changes_of.as_ref(),
            digests: digests.as_deref(),
            furniture_state: furniture_state.as_deref(),
            analysed: &marks,
            features: &[],
            // a store no later analysis reads (`trace`) keeps none: the next analysis is full
            components: if keep_digests { &components } else { &[] },
            full_clustering: match reclustered {
                None if keep_digests => Some(articles.len()),
                None => Some(0),
                Some(_) => None,
            },
        })?;
        self.invalidate_views();
        lap("save", &mut timings);
        progress.finish();
        Ok(AnalyzeReport {
            timings,
            compared: pending.len(),
            new_pairs: new_pair_count,
            pairs: pair_count,
            translation_pairs: anchored_count,
            stories: stories.len(),
            multi_article_stories: stories.iter().filter(|s| s.articles.len() > 1).count(),
            explained_stories: stale.as_ref().map_or(stories.len(), Vec::len),
            changes: self.store.counts()?.changes as usize,
            kept_lineage,
            digested,
            kept_anchored_pairs,
            reclustered,
        })
    }

    /// The positions in `stories` of the stories whose changes must be computed again: those whose
    /// explanation inputs differ from the stored analysis'. A story's changes are a function of its
    /// members' texts, its lineage edges (copy, source) and the furniture model's answers about its
    /// members' paragraphs (their digests), so a story with the same members and edges as a stored
    /// one, no pending member, and every member's digest unchanged keeps its stored changes.
    fn stale_stories(
        stories: &[Story],
        stored: &[Story],
        pending: &BTreeSet<ArticleId>,
        stored_digests: &BTreeMap<ArticleId, u64>,
        digests: &[(ArticleId, u64)],
    ) -> Vec<usize> {
        let stored: std::collections::HashSet<StoryKey> = stored.iter().map(story_key).collect();
        let digest_of: std::collections::HashMap<ArticleId, u64> = digests.iter().copied().collect();
        let unchanged = |id: &ArticleId| {
            !pending.contains(id)
                && stored_digests
                    .get(id)
                    .is_some_and(|d| digest_of.get(id) == Some(d))
        };
        stories
            .iter()
            .enumerate()
            .filter(|(_, s)| !(s.articles.iter().all(unchanged) && stored.contains(&story_key(s))))
            .map(|(k, _)| k)
            .collect()
    }

    /// Loads a finished analysis computed elsewhere (a Spark run's articles, pairs, stories and
    /// changes) into this store, so the viewer and the read commands work on it. The store must hold
    /// no article: the analysis refers to articles by id, and a fresh store gives the articles,
    /// inserted in id order, the ids `1..=n` the analysis must use.
    ///
    /// # Errors
    /// [`Error::Import`] when the store is not empty or the ids are not `1..=n`; store failures.
    pub fn import(
        &mut self,
        mut articles: Vec<Article>,
        pairs: &[Pair],
        stories: &[Story],
        changes: &[Change],
    ) -> Result<()> {
        if self.store.counts()?.articles > 0 {
            return Err(Error::Import(
                "the database already holds articles; import into a new database".into(),
            ));
        }
        articles.sort_by_key(|a| a.id);
        let wanted: Vec<ArticleId> = articles.iter().map(|a| a.id).collect();
        if let Some((k, id)) = wanted.iter().enumerate().find(|(k, id)| id.0 as usize != k + 1) {
            return Err(Error::Import(format!(
                "article ids must be a1..a{} without gaps; found {id} in place {}",
                wanted.len(),
                k + 1
            )));
        }
        self.invalidate_views();
        self.store.upsert_articles(&mut articles)?;
        if let Some(a) = articles.iter().zip(&wanted).find(|(a, id)| a.id != **id) {
            return Err(Error::Import(format!(
                "{} was stored as {} instead of {}",
                a.0.path, a.0.id, a.1
            )));
        }
        let marks = self.store.pending_marks()?;
        self.store.save_analysis(pairs, true, stories, changes, &marks)?;
        self.invalidate_views();
        Ok(())
    }

    /// Returns the analysis export (schema version 1), with each article's text when `with_text`.
    pub fn export(&self, with_text: bool) -> Result<Export> {
        export::build(&self.store, with_text)
    }

    /// Finds an article by id (`a17`, `17`) or by stored path (exact, or a unique path suffix).
    ///
    /// # Errors
    /// [`Error::NotFound`] when nothing or more than one article matches.
    pub fn resolve(&self, spec: &str) -> Result<Article> {
        if let Ok(id) = spec.parse::<ArticleId>() {
            if let Some(a) = self.store.article(id)? {
                return Ok(a);
            }
        }
        if let Some(a) = self.store.article_by_path(spec)? {
            return Ok(a);
        }
        if let Some(stored) = canonical_spec(spec) {
            if let Some(a) = self.store.article_by_path(&stored)? {
                return Ok(a);
            }
        }
        let wanted = spec.trim_start_matches("./");
        // "./x" ends with "/x" too, so one suffix look-up covers relative paths.
        let hits = self.store.ids_by_path_suffix(wanted)?;
        match hits.len() {
            1 => self
                .store
                .article(hits[0])?
                .ok_or_else(|| Error::NotFound(format!("no article {spec:?}"))),
            0 => Err(Error::NotFound(format!(
                "no article {spec:?} (give an id like a17 or a stored path)"
            ))),
            n => Err(Error::NotFound(format!(
                "{n} articles match {spec:?}; give its id or a longer path"
            ))),
        }
    }

    /// Aligns two articles: the stored pair when analysed, else a fresh alignment.
    pub fn diff(&self, a: &Article, b: &Article) -> Result<Option<Pair>> {
        if let Some(p) = self.store.pair(a.id, b.id)? {
            return Ok(Some(p));
        }
        Ok(wiretrace_reuse::align(&self.cfg.reuse, a, b))
    }

    /// The shared-text figure of two stored articles, as `diff`, `explain` and `story` print it: the
    /// share of `a`'s text in the passages aligned with `b`, and of `b`'s in those aligned with `a`;
    /// `None` when they share no text.
    pub fn shared_text(&self, a: ArticleId, b: ArticleId) -> Result<Option<(f32, f32)>> {
        Ok(self.store.pair(a, b)?.map(|p| {
            if p.a == a {
                (p.coverage_a, p.coverage_b)
            } else {
                (p.coverage_b, p.coverage_a)
            }
        }))
    }

    /// The story similarity of two articles (stored, or read from files and not stored) with its
    /// evidence: the score clustering uses. Anchor weights come from the stored corpus plus the two.
    pub fn story_similarity(&self, a: &Article, b: &Article) -> Result<wiretrace_stories::Score> {
        let mut corpus = self.store.articles()?;
        let mut next = corpus.iter().map(|x| x.id.0).max().unwrap_or(0);
        let mut place = |x: &Article, corpus: &mut Vec<Article>| -> ArticleId {
            if corpus.iter().any(|c| c.id == x.id && c.path == x.path) {
                return x.id;
            }
            next += 1;
            let mut x = x.clone();
            x.id = ArticleId(next);
            corpus.push(x);
            ArticleId(next)
        };
        let (ia, ib) = (place(a, &mut corpus), place(b, &mut corpus));
        // The encoder's evidence is pairwise (no corpus statistics): only the two are embedded.
        let two: Vec<Article> = corpus
            .iter()
            .filter(|x| x.id == ia || x.id == ib)
            .cloned()
            .collect();
        let embeddings = encoding::embeddings(&self.cfg, &two)?;
        let index = wiretrace_stories::Similarity::with_embeddings(&self.cfg.stories, &corpus, &embeddings);
        index
            .score(ia, ib)
            .ok_or_else(|| Error::NotFound("article missing from the similarity index".into()))
    }

    /// Returns the story (with lineage) that holds `article`.
    pub fn story_of(&self, article: ArticleId) -> Result<Option<Story>> {
        let Some(id) = self.store.story_of(article)? else {
            return Ok(None);
        };
        Ok(self.store.story(id)?)
    }

    /// Returns the lineage source of `article`, if it has one.
    pub fn source_of(&self, article: ArticleId) -> Result<Option<ArticleId>> {
        Ok(self
            .story_of(article)?
            .and_then(|s| s.lineage.into_iter().find(|e| e.article == article))
            .and_then(|e| e.source))
    }

    /// Returns the drift `article` inherited: the changes of its lineage ancestors (altered quotes,
    /// figures, names) whose `carried_by` lists it, nearest ancestor first. Each change's `article`
    /// is where that wording first appeared in the corpus (see its `same_drift_in`).
    pub fn inherited_drift(&self, article: ArticleId) -> Result<Vec<Change>> {
        let Some(story) = self.story_of(article)? else {
            return Ok(Vec::new());
        };
        let source_of = |id: ArticleId| {
            story
                .lineage
                .iter()
                .find(|e| e.article == id)
                .and_then(|e| e.source)
        };
        let mut out = Vec::new();
        let mut seen = BTreeSet::from([article]);
        let mut at = source_of(article);
        // a malformed lineage with a cycle stops at the first article seen twice
        while let Some(x) = at.filter(|x| seen.insert(*x)) {
            out.extend(
                self.store
                    .changes_of(x)?
                    .into_iter()
                    .filter(|c| c.carried_by.contains(&article)),
            );
            at = source_of(x);
        }
        Ok(out)
    }

    /// Returns the changes of `article` against `against` (computed now), or its stored changes
    /// against its lineage source when `against` is `None`.
    pub fn explain(&self, article: &Article, against: Option<&Article>) -> Result<Vec<Change>> {
        match against {
            None => Ok(self.store.changes_of(article.id)?),
            Some(source) => {
                let members = self.story_members(article.id)?;
                let refs: Vec<&Article> = members.iter().collect();
                // Boilerplate is recognised by recurrence across the corpus, so build that model.
                let articles = self.store.articles()?;
                let stories = self.store.stories()?;
                let furniture = wiretrace_explain::FurnitureModel::build(&articles, &stories);
                Ok(wiretrace_explain::explain_pair_with(
                    &self.cfg.explain,
                    article,
                    source,
                    &refs,
                    &furniture,
                ))
            }
        }
    }

    /// Returns each quotation of a story with its speaker and its wordings across the versions.
    pub(crate) fn quotes(&self, story: &Story) -> Result<Vec<wiretrace_explain::QuoteGroup>> {
        let mut members = Vec::with_capacity(story.articles.len());
        for id in &story.articles {
            if let Some(a) = self.store.article(*id)? {
                members.push(a);
            }
        }
        let refs: Vec<&Article> = members.iter().collect();
        // The quotes `explain` matched as one drifted quote are one quotation in the table too.
        let mut changes = Vec::new();
        for id in &story.articles {
            changes.extend(self.store.changes_of(*id)?);
        }
        Ok(wiretrace_explain::story_quotes_with(
            &self.cfg.explain,
            &refs,
            &changes,
        ))
    }

    /// Returns the share (0..=1) of `source`'s text that `article` kept, given their changes.
    pub fn kept_share(&self, source: &Article, changes: &[Change]) -> f64 {
        wiretrace_explain::kept_share(source, changes)
    }

    /// Reads an article straight from a file that is not in the store (its first article), for
    /// commands that accept file paths.
    ///
    /// # Errors
    /// [`Error::NotFound`] when the file cannot be read or holds no article.
    pub fn read_unstored(&self, path: &Path) -> Result<Article> {
        match wiretrace_ingest::read_file(&self.cfg.ingest, path)
            .into_iter()
            .next()
        {
            Some(Ok(a)) => Ok(a),
            Some(Err(e)) => Err(Error::NotFound(e.to_string())),
            None => Err(Error::NotFound(format!("{}: no article found", path.display()))),
        }
    }

    /// Returns the articles of the story holding `article` (just the article when unanalysed).
    pub fn story_members(&self, article: ArticleId) -> Result<Vec<Article>> {
        let ids = match self.story_of(article)? {
            Some(s) => s.articles,
            None => vec![article],
        };
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(a) = self.store.article(id)? {
                out.push(a);
            }
        }
        Ok(out)
    }
}
