/// An engine failure: fatal for the command that hit it (per-input problems are not errors; they
/// are counted in [`crate::AddReport::skipped`]).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] wiretrace_store::Error),
    /// An article or story named by the user does not exist.
    #[error("{0}")]
    NotFound(String),
    /// A stage command got a malformed JSON line.
    #[error("line {line}: {reason}")]
    BadRecord {
        /// 1-based line number on standard input.
        line: usize,
        /// What was wrong.
        reason: String,
    },
    /// An analysis could not be imported (see `Engine::import`).
    #[error("import: {0}")]
    Import(String),
    /// The encoder directory is configured but unusable, or embedding failed.
    #[error(transparent)]
    Encoder(#[from] wiretrace_encoder::Error),
    /// The encoder directory is configured but could not be loaded (the reason names it).
    #[error("{0}")]
    EncoderUnusable(String),
    /// Reading or writing a stream failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// The engine's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
