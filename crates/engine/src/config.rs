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
    /// The multilingual encoder (see `wiretrace_encoder`) embeds a corpus only when it holds at
    /// most this many articles. It costs about 0.12 s per article on two cores (600 characters),
    /// while the rest of the pipeline runs at about 1,700 articles per second: 1,000 articles pay
    /// about two minutes, a 20,000-article corpus would pay 40 minutes and 200,000 six hours.
    /// Above the bound stories rest on anchors and reuse alone, as without an encoder (said at
    /// `-v`). The environment variable `WIRETRACE_ENCODER_MAX_ARTICLES` overrides it for every
    /// command (see [`crate::ENCODER_MAX_ARTICLES_VAR`]). The bound counts the articles of the
    /// analysis: an incremental `analyze` re-embeds the whole stored corpus (vectors are not stored).
    pub encoder_max_articles: usize,
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
            encoder_max_articles: 1_000,
        }
    }
}
