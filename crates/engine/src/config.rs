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
    /// An incremental `analyze` clusters again only the story components its new articles touch
    /// and keeps every other stored story (`wiretrace_stories::cluster_stories`), which is exact
    /// but for the corpus statistics: anchor weights `ln(1 + N/df)` and the candidate search's
    /// rankings move a little with every article, and an untouched component is not weighed
    /// again. Once the corpus holds more than `1 + recluster_growth` times the articles of the
    /// last full clustering, the stories are clustered in full again, which bounds that drift: an
    /// anchor no new article holds moves by at most `ln(1 + recluster_growth)` in weight (0.049
    /// at 0.05, against weights of 5 to 12 for the rare anchors that make candidates, under 1%),
    /// and at most that share of the articles can have displaced an older pair from an older
    /// article's strongest candidates. 0 clusters in full on every analysis.
    pub recluster_growth: f32,
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
            recluster_growth: 0.05,
        }
    }
}
