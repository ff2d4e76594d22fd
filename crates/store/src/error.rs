use std::path::Path;

/// A store failure. These are fatal for the command that hit them: the database could not be
/// read or written, so nothing of the current transaction was kept.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The database file could not be opened (missing directory, permissions, not SQLite).
    #[error("cannot open database {path}: {source}")]
    Open {
        /// The database path.
        path: String,
        /// What SQLite said.
        source: rusqlite::Error,
    },
    /// The database was written by a newer wiretrace (schema version too high); upgrade wiretrace.
    #[error("database schema version {found} is newer than this wiretrace supports ({supported}); upgrade wiretrace")]
    TooNew {
        /// Version in the file.
        found: i64,
        /// Highest version this build knows.
        supported: i64,
    },
    /// A read or write failed (disk full, corruption, locked too long).
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The writer lock file could not be created or locked.
    #[error("cannot lock {path}: {source}")]
    Lock {
        /// The lock file.
        path: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// A stored JSON value could not be read or written.
    #[error("stored value is not valid: {0}")]
    Json(#[from] serde_json::Error),
}

impl Error {
    pub(crate) fn open(path: &Path, source: rusqlite::Error) -> Error {
        Error::Open {
            path: path.display().to_string(),
            source,
        }
    }
}

/// The store's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
