//! Schema migrations, applied in order; `PRAGMA user_version` records how many ran.

use rusqlite::Connection;

use crate::{Error, Result};

/// Each entry upgrades the schema by one version. Never edit a released entry: append a new one.
const MIGRATIONS: &[&str] = &[
    // 1: articles, pairs, stories, lineage, changes, meta
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
     CREATE TABLE articles (
         id INTEGER PRIMARY KEY,
         path TEXT NOT NULL UNIQUE,
         content_hash TEXT NOT NULL,
         meta_hash TEXT NOT NULL,
         title TEXT, outlet TEXT, author TEXT, published TEXT, url TEXT, language TEXT,
         text TEXT NOT NULL,
         boilerplate TEXT NOT NULL DEFAULT '[]',
         metadata TEXT NOT NULL DEFAULT '{}',
         analysed INTEGER NOT NULL DEFAULT 0
     );
     CREATE INDEX articles_content ON articles(content_hash);
     CREATE INDEX articles_pending ON articles(analysed);
     CREATE TABLE pairs (
         a INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
         b INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
         similarity REAL NOT NULL,
         data TEXT NOT NULL,
         PRIMARY KEY (a, b)
     );
     CREATE INDEX pairs_b ON pairs(b);
     CREATE TABLE stories (id INTEGER PRIMARY KEY, storyline TEXT);
     CREATE TABLE lineage (
         story INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
         article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
         source INTEGER REFERENCES articles(id) ON DELETE SET NULL,
         confidence REAL NOT NULL,
         reason TEXT NOT NULL,
         PRIMARY KEY (article)
     );
     CREATE INDEX lineage_story ON lineage(story);
     CREATE TABLE changes (
         article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
         source INTEGER REFERENCES articles(id) ON DELETE SET NULL,
         kind TEXT NOT NULL,
         span_start INTEGER NOT NULL,
         span_end INTEGER NOT NULL,
         data TEXT NOT NULL
     );
     CREATE INDEX changes_article ON changes(article);",
    // 2: pending articles in their own table. Marking articles analysed used to rewrite every article
    // row (text included) at the end of each analysis: a minute of I/O for 200,000 articles. The
    // `analysed` column stays (SQLite cannot drop an indexed column cheaply) and is no longer read.
    "CREATE TABLE pending (article INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE);
     INSERT INTO pending (article) SELECT id FROM articles WHERE analysed = 0;
     DROP INDEX articles_pending;",
    // 3: each pending mark carries the number of the write that set it, so an analysis clears only
    // the marks it read: an article added or changed by another writer while it ran stays pending.
    "ALTER TABLE pending ADD COLUMN mark INTEGER NOT NULL DEFAULT 0;",
    // 4: per article, the digest of the furniture model's answers about its paragraphs when its
    // changes were last computed: an incremental analysis keeps a story's stored changes while its
    // membership, lineage, members' texts and these digests stay the same.
    "CREATE TABLE furniture_digests (
         article INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
         digest INTEGER NOT NULL
     );",
    // 5: per article, the story features the last analysis extracted from its text and metadata
    // (`wiretrace_stories::StoryFeatures` bytes): an incremental analysis reads them instead of
    // extracting the whole corpus' features again. A changed article's row is dropped.
    "CREATE TABLE story_features (
         article INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
         data BLOB NOT NULL
     );",
    // 6: the furniture model's state when the stored digests were computed
    // (`wiretrace_explain::FurnitureModel::state_bytes`: every paragraph's recurrence, the meta
    // vocabularies, the openers, the furniture word sets): an incremental analysis digests again
    // only the articles whose answers can have moved since (one row, id 1).
    "CREATE TABLE furniture_state (
         id INTEGER PRIMARY KEY CHECK (id = 1),
         data BLOB NOT NULL
     );",
    // 7: per article, the story-evidence component the last clustering put it in (named by the
    // component's smallest article id): an incremental analysis clusters again only the components
    // new articles join and keeps the stored stories of the others (`wiretrace_stories::
    // cluster_stories`). Empty until an analysis stores them: the next one clusters in full.
    "CREATE TABLE story_components (
         article INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
         component INTEGER NOT NULL
     );",
];

/// Brings the schema up to date in one transaction.
pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let supported = MIGRATIONS.len() as i64;
    if current > supported {
        return Err(Error::TooNew {
            found: current,
            supported,
        });
    }
    if current == supported {
        return Ok(());
    }
    let tx = conn.transaction()?;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        tracing::info!(version = i + 1, "migrating store schema");
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", supported)?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrating_twice_is_a_no_op_and_newer_files_are_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        migrate(&mut conn).unwrap();
        let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(v, MIGRATIONS.len() as i64);
        conn.pragma_update(None, "user_version", 99).unwrap();
        assert!(matches!(migrate(&mut conn), Err(Error::TooNew { found: 99, .. })));
    }

    #[test]
    fn a_version_1_store_keeps_its_pending_articles() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute_batch(
            "INSERT INTO articles (id, path, content_hash, meta_hash, text, analysed)
             VALUES (1, 'a.txt', 'h1', 'm1', 'A', 1), (2, 'b.txt', 'h2', 'm2', 'B', 0);",
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        let pending: Vec<i64> = conn
            .prepare("SELECT article FROM pending")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(pending, [2]);
    }
}
