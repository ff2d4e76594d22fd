/// Settings of every stage, combined. Defaults are the documented defaults of each stage.
#[derive(Debug, Clone)]
pub struct Config {
    /// Ingest settings (per-article size limit…).
    pub ingest: wiretrace_ingest::Config,
    /// Reuse detection settings.
    pub reuse: wiretrace_reuse::Config,
    /// Story and lineage settings.
    pub stories: wiretrace_stories::Config,
    /// Anchored passages (translations and rewrites of one story, aligned sentence by sentence).
    pub passages: wiretrace_stories::PassageConfig,
    /// Explain settings.
    pub explain: wiretrace_explain::Config,
    /// Input files read per store transaction: a killed `add` loses at most one batch.
    pub batch_size: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            ingest: Default::default(),
            reuse: Default::default(),
            stories: Default::default(),
            passages: Default::default(),
            explain: Default::default(),
            batch_size: 256,
        }
    }
}
