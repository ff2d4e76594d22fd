//! The SQLite store: where articles and every analysis result live between runs.
//!
//! *Here is an article or a result, keep it; here is an id, give it back.* The store is the only
//! place with SQL. It opens (or creates) one SQLite file in WAL mode, migrates its schema forward
//! (`PRAGMA user_version`), and writes in transactions, so a crash or kill never leaves a partial
//! write behind: what was committed before stays readable.
//!
//! Identity: an article is keyed by its input path (`file.jsonl#3` for records). Adding the same path
//! again updates the row in place and keeps its id; identical text under two paths is two articles
//! sharing one `content_hash`.
//!
//! Incremental analysis: new or changed articles are listed in the `pending` table, each mark numbered
//! by the write that set it, until the engine stores the pairs, stories and changes that include them.
//! An analysis clears only the marks it read ([`PendingMark`]): an article another process added or
//! changed meanwhile stays pending, so after any interleaving or kill `analyze` finds the work left.
//!
//! Writers: SQLite serialises transactions; [`WriterLock`] serialises whole `add` and `analyze` runs
//! between processes, so one never saves an analysis of a corpus another is changing.
//!
//! # Example
//! ```
//! use wiretrace_model::Article;
//! use wiretrace_store::{Store, Upsert};
//! let dir = tempfile::tempdir()?;
//! let mut store = Store::open(&dir.path().join("w.db"))?;
//! let mut batch = vec![Article::new("wire/a.txt", "Storm hits the coast.")];
//! let outcome = store.upsert_articles(&mut batch)?;
//! assert_eq!(outcome, vec![Upsert::Added]);
//! assert_eq!(store.articles()?[0].path, "wire/a.txt");
//! // the same path again, same text: unchanged, same id
//! let mut again = vec![Article::new("wire/a.txt", "Storm hits the coast.")];
//! assert_eq!(store.upsert_articles(&mut again)?, vec![Upsert::Unchanged]);
//! assert_eq!(again[0].id, batch[0].id);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

mod error;
mod schema;

use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use wiretrace_model::{Article, ArticleId, Change, LineageEdge, Pair, Story, StoryId};

pub use error::{Error, Result};

/// What [`Store::upsert_articles`] did with one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upsert {
    /// A new path: a new article with a new id.
    Added,
    /// A known path whose text or metadata changed: updated in place, same id.
    Updated,
    /// A known path with identical text and metadata: nothing written.
    Unchanged,
}

/// Counts of what the store holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Articles.
    pub articles: u64,
    /// Articles not yet analysed.
    pub pending: u64,
    /// Reuse pairs (shared wording).
    pub pairs: u64,
    /// Translation pairs (fact-aligned versions in different languages, method `anchors`).
    pub translation_pairs: u64,
    /// Stories.
    pub stories: u64,
    /// Stories with more than one article.
    pub multi_article_stories: u64,
    /// Changes.
    pub changes: u64,
}

/// One pending article as an analysis read it: cleared by [`Store::save_analysis`] only if no later
/// write marked the article again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PendingMark {
    /// The article.
    pub article: ArticleId,
    /// The number of the write that marked it.
    pub mark: i64,
}

/// The results of one analysis, as [`Store::save`] stores them.
#[derive(Debug, Clone, Copy)]
pub struct Analysis<'a> {
    /// Pairs found by this analysis (anchored pairs included; they always replace the stored ones).
    pub new_pairs: &'a [Pair],
    /// Replace every stored pair instead of adding to them.
    pub replace_pairs: bool,
    /// Every story with its lineage (they replace the stored ones).
    pub stories: &'a [Story],
    /// The changes computed by this analysis.
    pub changes: &'a [Change],
    /// The articles whose stored changes `changes` replace; `None`: every stored change.
    pub changes_of: Option<&'a std::collections::BTreeSet<ArticleId>>,
    /// Each article's furniture digest for the stored changes (replacing the stored digests);
    /// `None` stores none, so the next incremental analysis re-explains everything.
    pub digests: Option<&'a [(ArticleId, u64)]>,
    /// The furniture model's state the digests were computed with (replacing the stored one; kept
    /// only with `digests`): see [`Store::furniture_state`].
    pub furniture_state: Option<&'a [u8]>,
    /// The pending marks the analysis read, cleared unless set again since.
    pub analysed: &'a [PendingMark],
    /// Story features extracted by this analysis, per article (added to or replacing the stored
    /// ones; see [`Store::story_features`]).
    pub features: &'a [(ArticleId, Vec<u8>)],
    /// Each clustered article's story component (named by its smallest article id), added to or
    /// replacing the stored ones (see [`Store::story_components`]).
    pub components: &'a [(ArticleId, ArticleId)],
    /// The stories were clustered in full over this many articles: `components` replace every
    /// stored one and the count is kept (see [`Store::full_clustering_articles`]). `None`: an
    /// incremental clustering, whose `components` update the stored ones.
    pub full_clustering: Option<usize>,
}

/// The meta key of the corpus size of the last full clustering.
const FULL_CLUSTERING_KEY: &str = "stories.full_clustering_articles";

/// An exclusive lock on a database for one writing process (an OS file lock on `DB.lock`, released
/// when dropped or when the process dies, even by `kill -9`).
#[derive(Debug)]
pub struct WriterLock {
    _file: std::fs::File,
    path: std::path::PathBuf,
}

impl WriterLock {
    /// The lock file guarding database `db`.
    pub fn path_for(db: &Path) -> std::path::PathBuf {
        let mut name = db.as_os_str().to_os_string();
        name.push(".lock");
        std::path::PathBuf::from(name)
    }

    /// Takes the writer lock of `db`, waiting while another process holds it; `on_wait` is called
    /// once, before waiting, so a front end can say why nothing happens.
    ///
    /// # Errors
    /// [`Error::Lock`] when the lock file cannot be created or locked.
    pub fn acquire(db: &Path, on_wait: &dyn Fn(&Path)) -> Result<WriterLock> {
        let path = Self::path_for(db);
        let lock_err = |e: std::io::Error| Error::Lock {
            path: path.display().to_string(),
            source: e,
        };
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(lock_err)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                on_wait(&path);
                file.lock().map_err(lock_err)?;
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(lock_err(e)),
        }
        Ok(WriterLock { _file: file, path })
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// An open wiretrace database.
pub struct Store {
    conn: Connection,
}

/// SQL condition selecting the anchored pairs (translations): they follow the stories, which every
/// analysis recomputes whole, so they are replaced whole and counted apart from reuse pairs.
const ANCHORED_PAIR: &str =
    "(data LIKE '%\"method\":\"anchors\"%' OR data LIKE '%\"method\":\"translation\"%')";

const ARTICLE_COLUMNS: &str =
    "id, path, title, outlet, author, published, url, language, text, boilerplate, metadata";

impl Store {
    /// Opens the database at `path`, creating it and migrating its schema as needed.
    ///
    /// # Errors
    /// [`Error::Sqlite`] when the file cannot be opened or is not a wiretrace database;
    /// [`Error::TooNew`] when it was written by a newer wiretrace.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path).map_err(|e| Error::open(path, e))?;
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| Error::open(path, e))?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let mut store = Store { conn };
        schema::migrate(&mut store.conn)?;
        Ok(store)
    }

    /// Inserts or updates articles by path in one transaction, setting each article's `id`.
    ///
    /// New and changed articles become pending analysis; a changed article's old pairs are dropped.
    pub fn upsert_articles(&mut self, articles: &mut [Article]) -> Result<Vec<Upsert>> {
        let tx = self.conn.transaction()?;
        let mut out = Vec::with_capacity(articles.len());
        {
            let mut find =
                tx.prepare_cached("SELECT id, content_hash, meta_hash FROM articles WHERE path = ?1")?;
            let mut insert = tx.prepare_cached(
                "INSERT INTO articles (path, content_hash, meta_hash, title, outlet, author, published, url,
                   language, text, boilerplate, metadata)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?;
            let mut update = tx.prepare_cached(
                "UPDATE articles SET content_hash = ?2, meta_hash = ?3, title = ?4, outlet = ?5, author = ?6,
                   published = ?7, url = ?8, language = ?9, text = ?10, boilerplate = ?11, metadata = ?12
                 WHERE id = ?1",
            )?;
            let mut drop_pairs = tx.prepare_cached("DELETE FROM pairs WHERE a = ?1 OR b = ?1")?;
            let mut drop_features = tx.prepare_cached("DELETE FROM story_features WHERE article = ?1")?;
            // Above every mark an analysis may have read, so a re-marked article stays pending.
            let mark: i64 =
                tx.query_row("SELECT coalesce(max(mark), 0) + 1 FROM pending", [], |r| r.get(0))?;
            let mut mark_pending = tx.prepare_cached(
                "INSERT INTO pending (article, mark) VALUES (?1, ?2)
                 ON CONFLICT(article) DO UPDATE SET mark = excluded.mark",
            )?;
            for a in articles.iter_mut() {
                let content = a.content_hash();
                let meta = meta_hash(a);
                let boiler = serde_json::to_string(&a.boilerplate)?;
                let metadata = serde_json::to_string(&a.metadata)?;
                let published = a.published.map(|t| t.to_rfc3339());
                let found: Option<(u32, String, String)> = find
                    .query_row([&a.path], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                    .optional()?;
                match found {
                    None => {
                        insert.execute(params![
                            a.path, content, meta, a.title, a.outlet, a.author, published, a.url, a.language,
                            a.text, boiler, metadata
                        ])?;
                        a.id = ArticleId(tx.last_insert_rowid() as u32);
                        mark_pending.execute(params![a.id.0, mark])?;
                        out.push(Upsert::Added);
                    }
                    Some((id, old_content, old_meta)) => {
                        a.id = ArticleId(id);
                        if old_content == content && old_meta == meta {
                            out.push(Upsert::Unchanged);
                            continue;
                        }
                        update.execute(params![
                            id, content, meta, a.title, a.outlet, a.author, published, a.url, a.language,
                            a.text, boiler, metadata
                        ])?;
                        if old_content != content {
                            drop_pairs.execute([id])?;
                        }
                        // features read the metadata (time, language) as well as the text
                        drop_features.execute([id])?;
                        mark_pending.execute(params![id, mark])?;
                        out.push(Upsert::Updated);
                    }
                }
            }
        }
        tx.commit()?;
        Ok(out)
    }

    /// Returns every article, by id.
    pub fn articles(&self) -> Result<Vec<Article>> {
        let mut st = self
            .conn
            .prepare(&format!("SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY id"))?;
        let rows = st.query_map([], article_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Returns one article by id.
    pub fn article(&self, id: ArticleId) -> Result<Option<Article>> {
        let mut st = self
            .conn
            .prepare_cached(&format!("SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?1"))?;
        Ok(st.query_row([id.0], article_from_row).optional()?)
    }

    /// Returns one article by its input path (as stored, e.g. `feeds/wire.jsonl#3`).
    pub fn article_by_path(&self, path: &str) -> Result<Option<Article>> {
        let mut st = self
            .conn
            .prepare_cached(&format!("SELECT {ARTICLE_COLUMNS} FROM articles WHERE path = ?1"))?;
        Ok(st.query_row([path], article_from_row).optional()?)
    }

    /// Returns the content hash of every article, by id (identical text shares a hash).
    pub fn content_hashes(&self) -> Result<Vec<(ArticleId, String)>> {
        let mut st = self
            .conn
            .prepare("SELECT id, content_hash FROM articles ORDER BY id")?;
        let rows = st.query_map([], |r| Ok((ArticleId(r.get(0)?), r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Returns the ids of articles added or changed since the last analysis.
    pub fn pending(&self) -> Result<Vec<ArticleId>> {
        let mut st = self
            .conn
            .prepare("SELECT article FROM pending ORDER BY article")?;
        let rows = st.query_map([], |r| Ok(ArticleId(r.get(0)?)))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Returns the pending articles with their marks, for [`Store::save_analysis`] to clear.
    pub fn pending_marks(&self) -> Result<Vec<PendingMark>> {
        let mut st = self
            .conn
            .prepare("SELECT article, mark FROM pending ORDER BY article")?;
        let rows = st.query_map([], |r| {
            Ok(PendingMark {
                article: ArticleId(r.get(0)?),
                mark: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Returns every stored pair, sorted by (a, b).
    pub fn pairs(&self) -> Result<Vec<Pair>> {
        let mut st = self.conn.prepare("SELECT data FROM pairs ORDER BY a, b")?;
        let rows = st.query_map([], |r| r.get::<_, String>(0))?;
        let mut out = Vec::new();
        for data in rows {
            out.push(serde_json::from_str(&data?)?);
        }
        Ok(out)
    }

    /// Returns the stored pair of two articles, if they share text.
    pub fn pair(&self, x: ArticleId, y: ArticleId) -> Result<Option<Pair>> {
        let (a, b) = if x <= y { (x, y) } else { (y, x) };
        let mut st = self
            .conn
            .prepare_cached("SELECT data FROM pairs WHERE a = ?1 AND b = ?2")?;
        let data: Option<String> = st.query_row([a.0, b.0], |r| r.get(0)).optional()?;
        Ok(match data {
            Some(d) => Some(serde_json::from_str(&d)?),
            None => None,
        })
    }

    /// Stores the results of one analysis in one transaction: new pairs (added to those kept, or
    /// replacing every stored pair when `replace_pairs`; anchored pairs are always replaced), then stories, lineage and changes
    /// (replacing the previous ones), and clears the pending marks the analysis read (`analysed`);
    /// a mark set since then stays, so that article is analysed next time.
    pub fn save_analysis(
        &mut self,
        new_pairs: &[Pair],
        replace_pairs: bool,
        stories: &[Story],
        changes: &[Change],
        analysed: &[PendingMark],
    ) -> Result<()> {
        self.save(&Analysis {
            new_pairs,
            replace_pairs,
            stories,
            changes,
            changes_of: None,
            digests: None,
            furniture_state: None,
            analysed,
            features: &[],
            components: &[],
            full_clustering: Some(0),
        })
    }

    /// Stores the results of one analysis in one transaction, as [`Store::save_analysis`], replacing
    /// only the changes of [`Analysis::changes_of`] when it is given and storing the furniture
    /// digests the changes were computed with.
    pub fn save(&mut self, analysis: &Analysis) -> Result<()> {
        let Analysis {
            new_pairs,
            replace_pairs,
            stories,
            changes,
            changes_of,
            digests,
            furniture_state,
            analysed,
            features,
            components,
            full_clustering,
        } = *analysis;
        let tx = self.conn.transaction()?;
        {
            if replace_pairs {
                tx.execute("DELETE FROM pairs", [])?;
            } else {
                // Anchored pairs (translations, rewrites) follow the stories, which every analysis
                // recomputes whole, so they are replaced whole too.
                tx.execute(&format!("DELETE FROM pairs WHERE {ANCHORED_PAIR}"), [])?;
            }
            let mut ins = tx.prepare_cached(
                "INSERT OR REPLACE INTO pairs (a, b, similarity, data) VALUES (?1, ?2, ?3, ?4)",
            )?;
            for chunk in new_pairs.chunks(SAVE_JSON_CHUNK) {
                for (p, json) in chunk.iter().zip(to_json_par(chunk)?) {
                    ins.execute(params![p.a.0, p.b.0, p.similarity as f64, json])?;
                }
            }
            tx.execute("DELETE FROM lineage", [])?;
            tx.execute("DELETE FROM stories", [])?;
            match changes_of {
                None => {
                    tx.execute("DELETE FROM changes", [])?;
                }
                Some(ids) => {
                    let mut del = tx.prepare_cached("DELETE FROM changes WHERE article = ?1")?;
                    for id in ids {
                        del.execute([id.0])?;
                    }
                }
            }
            // Digests are only as good as the changes they describe: without new ones, none stay.
            tx.execute("DELETE FROM furniture_digests", [])?;
            let mut dig =
                tx.prepare_cached("INSERT INTO furniture_digests (article, digest) VALUES (?1, ?2)")?;
            for (id, d) in digests.into_iter().flatten() {
                dig.execute(params![id.0, *d as i64])?;
            }
            tx.execute("DELETE FROM furniture_state", [])?;
            if let (Some(state), Some(_)) = (furniture_state, digests) {
                tx.execute("INSERT INTO furniture_state (id, data) VALUES (1, ?1)", [state])?;
            }
            let mut st = tx.prepare_cached("INSERT INTO stories (id, storyline) VALUES (?1, ?2)")?;
            let mut lin = tx.prepare_cached(
                "INSERT INTO lineage (story, article, source, confidence, reason) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for s in stories {
                st.execute(params![s.id.0, s.storyline])?;
                for e in &s.lineage {
                    lin.execute(params![
                        s.id.0,
                        e.article.0,
                        e.source.map(|x| x.0),
                        e.confidence as f64,
                        e.reason
                    ])?;
                }
            }
            let mut ch = tx.prepare_cached(
                "INSERT INTO changes (article, source, kind, span_start, span_end, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for chunk in changes.chunks(SAVE_JSON_CHUNK) {
                for (c, json) in chunk.iter().zip(to_json_par(chunk)?) {
                    ch.execute(params![
                        c.article.0,
                        c.source.map(|x| x.0),
                        c.kind.as_str(),
                        c.span.start,
                        c.span.end,
                        json
                    ])?;
                }
            }
            let mut feat =
                tx.prepare_cached("INSERT OR REPLACE INTO story_features (article, data) VALUES (?1, ?2)")?;
            for (id, data) in features {
                feat.execute(params![id.0, data])?;
            }
            if let Some(n) = full_clustering {
                tx.execute("DELETE FROM story_components", [])?;
                tx.execute(
                    "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    params![FULL_CLUSTERING_KEY, n.to_string()],
                )?;
            }
            let mut comp = tx.prepare_cached(
                "INSERT OR REPLACE INTO story_components (article, component) VALUES (?1, ?2)",
            )?;
            for (id, c) in components {
                comp.execute(params![id.0, c.0])?;
            }
            let mut clear = tx.prepare_cached("DELETE FROM pending WHERE article = ?1 AND mark = ?2")?;
            for p in analysed {
                clear.execute(params![p.article.0, p.mark])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Returns the furniture digest stored for each article by the last analysis (see
    /// [`Analysis::digests`]); empty after an analysis that stored none.
    pub fn furniture_digests(&self) -> Result<std::collections::BTreeMap<ArticleId, u64>> {
        let mut st = self
            .conn
            .prepare("SELECT article, digest FROM furniture_digests")?;
        let rows = st.query_map([], |r| Ok((ArticleId(r.get(0)?), r.get::<_, i64>(1)? as u64)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Returns the furniture model's state stored with the digests by the last analysis (see
    /// [`Analysis::furniture_state`]); `None` when it stored none.
    pub fn furniture_state(&self) -> Result<Option<Vec<u8>>> {
        Ok(self
            .conn
            .query_row("SELECT data FROM furniture_state WHERE id = 1", [], |r| r.get(0))
            .optional()?)
    }

    /// Another connection to this store's database, for reading from several threads (behind a
    /// lock) while this one stays free to write.
    ///
    /// # Errors
    /// When the store is not a file, or it cannot be opened.
    pub fn reader(&self) -> Result<Store> {
        let path = self
            .conn
            .path()
            .filter(|p| !p.is_empty())
            .ok_or_else(|| Error::Sqlite(rusqlite::Error::InvalidPath("an in-memory store".into())))?;
        Store::open(Path::new(path))
    }

    /// The articles with stored story features whose bytes start with `prefix` (a format version).
    pub fn story_feature_ids(&self, prefix: &[u8]) -> Result<std::collections::HashSet<ArticleId>> {
        let mut st = self
            .conn
            .prepare("SELECT article FROM story_features WHERE substr(data, 1, ?2) = ?1")?;
        let rows = st.query_map(params![prefix, prefix.len() as i64], |r| Ok(ArticleId(r.get(0)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The story features stored for `article`, if any.
    pub fn story_feature(&self, article: ArticleId) -> Result<Option<Vec<u8>>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT data FROM story_features WHERE article = ?1")?;
        Ok(st.query_row([article.0], |r| r.get(0)).optional()?)
    }

    /// Stores story features (replacing an article's earlier ones) in one transaction of their own:
    /// an incremental analysis writes them while it extracts them, a few thousand at a time, so they
    /// are never all held in memory. Rows of articles still pending are rewritten by the analysis
    /// that clears their marks.
    pub fn put_story_features(&mut self, rows: &[(ArticleId, Vec<u8>)]) -> Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut feat =
                tx.prepare_cached("INSERT OR REPLACE INTO story_features (article, data) VALUES (?1, ?2)")?;
            for (id, data) in rows {
                feat.execute(params![id.0, data])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Returns the story features stored for each article (see [`Analysis::features`]) except
    /// those of `skip` (articles whose stored features would be out of date), as stored bytes.
    pub fn story_features(
        &self,
        skip: &dyn Fn(ArticleId) -> bool,
    ) -> Result<std::collections::HashMap<ArticleId, Vec<u8>>> {
        let mut st = self.conn.prepare("SELECT article, data FROM story_features")?;
        let mut rows = st.query([])?;
        let mut out = std::collections::HashMap::new();
        while let Some(r) = rows.next()? {
            let id = ArticleId(r.get(0)?);
            if !skip(id) {
                out.insert(id, r.get(1)?);
            }
        }
        Ok(out)
    }

    /// Each article's story component as the last analysis stored it (see
    /// [`Analysis::components`]); empty when none was stored.
    pub fn story_components(&self) -> Result<std::collections::HashMap<ArticleId, ArticleId>> {
        let mut st = self
            .conn
            .prepare("SELECT article, component FROM story_components")?;
        let rows = st.query_map([], |r| Ok((ArticleId(r.get(0)?), ArticleId(r.get(1)?))))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The number of articles the last full clustering of the stories read, if one stored its
    /// components (see [`Analysis::full_clustering`]).
    pub fn full_clustering_articles(&self) -> Result<Option<usize>> {
        Ok(self.meta(FULL_CLUSTERING_KEY)?.and_then(|v| v.parse().ok()))
    }

    /// Returns every story with its lineage, by id; members sorted by id.
    pub fn stories(&self) -> Result<Vec<Story>> {
        let mut st = self
            .conn
            .prepare("SELECT id, storyline FROM stories ORDER BY id")?;
        let mut stories: Vec<Story> = st
            .query_map([], |r| {
                Ok(Story {
                    id: StoryId(r.get(0)?),
                    articles: Vec::new(),
                    storyline: r.get(1)?,
                    lineage: Vec::new(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut lin = self.conn.prepare(
            "SELECT story, article, source, confidence, reason FROM lineage ORDER BY story, article",
        )?;
        let edges = lin.query_map([], |r| {
            Ok((
                r.get::<_, u32>(0)?,
                LineageEdge {
                    credit: None,
                    article: ArticleId(r.get(1)?),
                    source: r.get::<_, Option<u32>>(2)?.map(ArticleId),
                    confidence: r.get::<_, f64>(3)? as f32,
                    reason: r.get(4)?,
                },
            ))
        })?;
        let mut index = std::collections::BTreeMap::new();
        for (i, s) in stories.iter().enumerate() {
            index.insert(s.id.0, i);
        }
        for e in edges {
            let (story, edge) = e?;
            if let Some(&i) = index.get(&story) {
                stories[i].articles.push(edge.article);
                stories[i].lineage.push(edge);
            }
        }
        Ok(stories)
    }

    /// Returns the story holding `article`, if analysed.
    pub fn story_of(&self, article: ArticleId) -> Result<Option<StoryId>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT story FROM lineage WHERE article = ?1")?;
        Ok(st.query_row([article.0], |r| Ok(StoryId(r.get(0)?))).optional()?)
    }

    /// Returns every change, by (article, span start, kind).
    pub fn changes(&self) -> Result<Vec<Change>> {
        self.query_changes(
            "SELECT data FROM changes ORDER BY article, span_start, span_end, kind, rowid",
            [],
        )
    }

    /// Returns the changes of one article.
    pub fn changes_of(&self, article: ArticleId) -> Result<Vec<Change>> {
        self.query_changes(
            "SELECT data FROM changes WHERE article = ?1 ORDER BY span_start, span_end, kind, rowid",
            [article.0],
        )
    }

    fn query_changes<P: rusqlite::Params>(&self, sql: &str, p: P) -> Result<Vec<Change>> {
        let mut st = self.conn.prepare(sql)?;
        let rows = st.query_map(p, |r| r.get::<_, String>(0))?;
        let mut out = Vec::new();
        for data in rows {
            out.push(serde_json::from_str(&data?)?);
        }
        Ok(out)
    }

    /// Returns how many articles, pending articles, pairs, stories (and of them with several
    /// articles) and changes the store holds.
    pub fn counts(&self) -> Result<Counts> {
        let one =
            |sql: &str| -> Result<u64> { Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64) };
        let translation_pairs = one(&format!("SELECT count(*) FROM pairs WHERE {ANCHORED_PAIR}"))?;
        Ok(Counts {
            articles: one("SELECT count(*) FROM articles")?,
            pending: one("SELECT count(*) FROM pending")?,
            pairs: one("SELECT count(*) FROM pairs")? - translation_pairs,
            translation_pairs,
            stories: one("SELECT count(*) FROM stories")?,
            multi_article_stories: one(
                "SELECT count(*) FROM (SELECT story FROM lineage GROUP BY story HAVING count(*) > 1)",
            )?,
            changes: one("SELECT count(*) FROM changes")?,
        })
    }

    /// Sets a value in the store's meta table (effective config, version of the last analysis).
    pub fn set_meta(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        Ok(())
    }

    /// Returns a value from the meta table.
    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }
}

/// An article's metadata without its text: what lists and indexes need, cheap to read for a
/// whole corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleMeta {
    /// Id.
    pub id: ArticleId,
    /// Input path.
    pub path: String,
    /// Headline.
    pub title: Option<String>,
    /// Publisher.
    pub outlet: Option<String>,
    /// Publication time.
    pub published: Option<DateTime<Utc>>,
    /// Language (ISO 639-1).
    pub language: Option<String>,
    /// The first characters of the text (as many as asked for), to stand in for a missing title.
    pub lead: String,
}

/// Read queries for the engine's views (lists, one story, one article's pairs).
impl Store {
    /// Returns every article's metadata and the first `lead_chars` characters of its text, by id.
    pub fn article_metas(&self, lead_chars: usize) -> Result<Vec<ArticleMeta>> {
        let mut st = self.conn.prepare(
            "SELECT id, path, title, outlet, published, language, substr(text, 1, ?1) FROM articles ORDER BY id",
        )?;
        let rows = st.query_map([lead_chars as i64], |r| {
            let published: Option<String> = r.get(4)?;
            Ok(ArticleMeta {
                id: ArticleId(r.get(0)?),
                path: r.get(1)?,
                title: r.get(2)?,
                outlet: r.get(3)?,
                published: published
                    .and_then(|p| DateTime::parse_from_rfc3339(&p).ok())
                    .map(|t| t.with_timezone(&Utc)),
                language: r.get(5)?,
                lead: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Returns one story with its lineage (members sorted by id), if stored.
    pub fn story(&self, id: StoryId) -> Result<Option<Story>> {
        let storyline: Option<Option<String>> = self
            .conn
            .prepare_cached("SELECT storyline FROM stories WHERE id = ?1")?
            .query_row([id.0], |r| r.get(0))
            .optional()?;
        let Some(storyline) = storyline else {
            return Ok(None);
        };
        let mut st = self.conn.prepare_cached(
            "SELECT article, source, confidence, reason FROM lineage WHERE story = ?1 ORDER BY article",
        )?;
        let lineage = st
            .query_map([id.0], |r| {
                Ok(LineageEdge {
                    credit: None,
                    article: ArticleId(r.get(0)?),
                    source: r.get::<_, Option<u32>>(1)?.map(ArticleId),
                    confidence: r.get::<_, f64>(2)? as f32,
                    reason: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Some(Story {
            id,
            articles: lineage.iter().map(|e| e.article).collect(),
            storyline,
            lineage,
        }))
    }

    /// Returns every stored pair that holds `article`, by the other article's id.
    pub fn pairs_of(&self, article: ArticleId) -> Result<Vec<Pair>> {
        let mut st = self.conn.prepare_cached(
            "SELECT data FROM pairs WHERE a = ?1 UNION ALL SELECT data FROM pairs WHERE b = ?1",
        )?;
        let rows = st.query_map([article.0], |r| r.get::<_, String>(0))?;
        let mut out: Vec<Pair> = Vec::new();
        for data in rows {
            out.push(serde_json::from_str(&data?)?);
        }
        out.sort_by_key(|p| if p.a == article { p.b } else { p.a });
        Ok(out)
    }

    /// Returns the ids of the articles whose path is `path` or ends with `/path`, by id (read
    /// without loading any text, so a look-up by path stays cheap on a large store).
    pub fn ids_by_path_suffix(&self, path: &str) -> Result<Vec<ArticleId>> {
        let tail = format!("/{path}");
        let mut st = self.conn.prepare_cached(
            "SELECT id FROM articles WHERE path = ?1 OR substr(path, -?3) = ?2 ORDER BY id",
        )?;
        let rows = st.query_map(params![path, tail, tail.chars().count() as i64], |r| {
            Ok(ArticleId(r.get(0)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Returns the ids of the articles whose text is identical to `article`'s (itself excluded).
    pub fn identical_to(&self, article: ArticleId) -> Result<Vec<ArticleId>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id FROM articles WHERE content_hash = (SELECT content_hash FROM articles WHERE id = ?1)
               AND id != ?1 ORDER BY id",
        )?;
        let rows = st.query_map([article.0], |r| Ok(ArticleId(r.get(0)?)))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Returns a number that changes whenever another connection commits to the database, so a
    /// long-lived reader can tell when its cached views are stale.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }
}

fn meta_hash(a: &Article) -> String {
    let meta = serde_json::json!([
        a.title,
        a.outlet,
        a.author,
        a.published,
        a.url,
        a.language,
        a.boilerplate,
        a.metadata
    ]);
    wiretrace_model::content_hash(&meta.to_string())
}

fn article_from_row(r: &Row<'_>) -> rusqlite::Result<Article> {
    let json_err = |e: serde_json::Error| rusqlite::Error::ToSqlConversionFailure(Box::new(e));
    let published: Option<String> = r.get(5)?;
    let boiler: String = r.get(9)?;
    let metadata: String = r.get(10)?;
    Ok(Article {
        id: ArticleId(r.get(0)?),
        path: r.get(1)?,
        title: r.get(2)?,
        outlet: r.get(3)?,
        author: r.get(4)?,
        published: published
            .and_then(|p| DateTime::parse_from_rfc3339(&p).ok())
            .map(|t| t.with_timezone(&Utc)),
        url: r.get(6)?,
        language: r.get(7)?,
        text: r.get(8)?,
        boilerplate: serde_json::from_str(&boiler).map_err(json_err)?,
        metadata: serde_json::from_str(&metadata).map_err(json_err)?,
    })
}

/// Rows whose JSON is encoded at once, in parallel, before they are inserted one by one: encoding
/// is a large part of saving pairs and changes, SQLite takes one writer, and a chunk bounds the
/// strings held at once (some 300 bytes a row, a few MB) whatever the corpus size.
const SAVE_JSON_CHUNK: usize = 8192;

/// The JSON of each item, in order, encoded on the rayon pool.
fn to_json_par<T: serde::Serialize + Sync>(items: &[T]) -> Result<Vec<String>> {
    use rayon::prelude::*;
    Ok(items
        .par_iter()
        .map(serde_json::to_string)
        .collect::<std::result::Result<Vec<String>, serde_json::Error>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(path: &str, text: &str) -> Article {
        Article::new(path, text)
    }

    #[test]
    fn an_analysis_clears_only_the_marks_it_read() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("w.db");
        let mut store = Store::open(&db).unwrap();
        store
            .upsert_articles(&mut [article("a.txt", "First text."), article("b.txt", "Second text.")])
            .unwrap();
        let read = store.pending_marks().unwrap();
        assert_eq!(read.len(), 2);
        // Another process writes while the analysis runs: a new article and a changed one.
        let mut other = Store::open(&db).unwrap();
        other
            .upsert_articles(&mut [
                article("c.txt", "Third text."),
                article("b.txt", "Second text, edited."),
            ])
            .unwrap();
        store.save_analysis(&[], false, &[], &[], &read).unwrap();
        let left: Vec<u32> = store.pending().unwrap().iter().map(|id| id.0).collect();
        let b = store.article_by_path("b.txt").unwrap().unwrap().id.0;
        let c = store.article_by_path("c.txt").unwrap().unwrap().id.0;
        assert_eq!(left, [b, c]);
    }

    fn change(article: ArticleId, after: &str) -> Change {
        Change {
            article,
            source: None,
            kind: wiretrace_model::ChangeKind::Boilerplate,
            before: None,
            after: Some(after.into()),
            span: wiretrace_model::CharSpan::new(0, 4),
            source_span: None,
            supported_elsewhere: None,
            note: None,
            carried_by: Vec::new(),
            same_drift_in: Vec::new(),
        }
    }

    #[test]
    fn a_partial_save_replaces_only_the_named_articles_changes_and_every_digest() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("w.db")).unwrap();
        let mut arts = [article("a.txt", "First text."), article("b.txt", "Second text.")];
        store.upsert_articles(&mut arts).unwrap();
        let (a, b) = (arts[0].id, arts[1].id);
        let marks = store.pending_marks().unwrap();
        store
            .save(&Analysis {
                new_pairs: &[],
                replace_pairs: false,
                stories: &[],
                changes: &[change(a, "old a"), change(b, "old b")],
                changes_of: None,
                digests: Some(&[(a, 1), (b, u64::MAX)]),
                furniture_state: None,
                analysed: &marks,
                features: &[],
                components: &[],
                full_clustering: None,
            })
            .unwrap();
        assert_eq!(
            store.furniture_digests().unwrap()[&b],
            u64::MAX,
            "digests keep all 64 bits"
        );
        let only_b: std::collections::BTreeSet<ArticleId> = [b].into();
        store
            .save(&Analysis {
                new_pairs: &[],
                replace_pairs: false,
                stories: &[],
                changes: &[change(b, "new b")],
                changes_of: Some(&only_b),
                digests: Some(&[(a, 1), (b, 2)]),
                furniture_state: Some(&[1, 2, 3]),
                analysed: &[],
                features: &[],
                components: &[],
                full_clustering: None,
            })
            .unwrap();
        let after: Vec<(ArticleId, Option<String>)> = store
            .changes()
            .unwrap()
            .into_iter()
            .map(|c| (c.article, c.after))
            .collect();
        assert_eq!(after, [(a, Some("old a".into())), (b, Some("new b".into()))]);
        assert_eq!(store.furniture_digests().unwrap(), [(a, 1), (b, 2)].into());
        assert_eq!(store.furniture_state().unwrap(), Some(vec![1, 2, 3]));
        // a save without digests (an import) leaves none, nor the furniture state they were
        // computed with, so the next analysis explains everything
        store.save_analysis(&[], false, &[], &[], &[]).unwrap();
        assert!(store.furniture_digests().unwrap().is_empty());
        assert_eq!(store.furniture_state().unwrap(), None);
        assert!(store.changes().unwrap().is_empty());
    }

    #[test]
    fn story_features_are_kept_until_their_article_changes() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("w.db")).unwrap();
        let mut arts = [article("a.txt", "First text."), article("b.txt", "Second text.")];
        store.upsert_articles(&mut arts).unwrap();
        let (a, b) = (arts[0].id, arts[1].id);
        let marks = store.pending_marks().unwrap();
        store
            .save(&Analysis {
                new_pairs: &[],
                replace_pairs: false,
                stories: &[],
                changes: &[],
                changes_of: None,
                digests: None,
                furniture_state: None,
                analysed: &marks,
                features: &[(a, vec![1, 2]), (b, vec![3])],
                components: &[],
                full_clustering: None,
            })
            .unwrap();
        let all = store.story_features(&|_| false).unwrap();
        assert_eq!(all, [(a, vec![1, 2]), (b, vec![3])].into());
        assert_eq!(
            store.story_features(&|id| id == a).unwrap(),
            [(b, vec![3])].into()
        );
        // re-adding an article with another text drops its features; an unchanged one keeps them
        let mut again = [
            article("a.txt", "First text, edited."),
            article("b.txt", "Second text."),
        ];
        store.upsert_articles(&mut again).unwrap();
        assert_eq!(store.story_features(&|_| false).unwrap(), [(b, vec![3])].into());
    }

    #[test]
    fn a_version_4_store_is_upgraded_with_its_analysis_kept() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("w.db");
        {
            let mut store = Store::open(&db).unwrap();
            let mut arts = [article("a.txt", "First text.")];
            store.upsert_articles(&mut arts).unwrap();
            let marks = store.pending_marks().unwrap();
            store
                .save(&Analysis {
                    new_pairs: &[],
                    replace_pairs: false,
                    stories: &[],
                    changes: &[change(arts[0].id, "kept")],
                    changes_of: None,
                    digests: Some(&[(arts[0].id, 7)]),
                    furniture_state: None,
                    analysed: &marks,
                    features: &[],
                    components: &[],
                    full_clustering: None,
                })
                .unwrap();
        }
        // back to schema 4, as a store written before story features, the furniture state and
        // the story components were kept
        let conn = Connection::open(&db).unwrap();
        conn.execute_batch(
            "DROP TABLE story_features; DROP TABLE furniture_state; DROP TABLE story_components;
             PRAGMA user_version = 4;",
        )
        .unwrap();
        drop(conn);
        let store = Store::open(&db).unwrap();
        assert!(store.story_features(&|_| false).unwrap().is_empty());
        assert_eq!(store.changes().unwrap().len(), 1);
        assert_eq!(store.furniture_digests().unwrap().len(), 1);
        assert_eq!(store.furniture_state().unwrap(), None);
        // no components stored: the next analysis clusters in full
        assert!(store.story_components().unwrap().is_empty());
    }

    #[test]
    fn a_second_writer_waits_for_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("w.db");
        let first = WriterLock::acquire(&db, &|_| panic!("nobody holds it yet")).unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let db2 = db.clone();
        let second = std::thread::spawn(move || {
            let waited = std::sync::atomic::AtomicBool::new(false);
            let lock = WriterLock::acquire(&db2, &|p| {
                waited.store(true, std::sync::atomic::Ordering::SeqCst);
                tx.send(p.to_path_buf()).unwrap();
            })
            .unwrap();
            (waited.into_inner(), lock.path().to_path_buf())
        });
        let waited_on = rx.recv().unwrap();
        assert_eq!(waited_on, WriterLock::path_for(&db));
        drop(first);
        let (waited, path) = second.join().unwrap();
        assert!(waited);
        assert_eq!(path, waited_on);
    }
}
