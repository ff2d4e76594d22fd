//! Encoder vectors for the story stage: the encoder named by `WIRETRACE_ENCODER`, loaded once per
//! process, run over a corpus when the cost bound allows (see `Config::encoder_max_articles`).

use std::sync::OnceLock;

use wiretrace_encoder::Encoder;
use wiretrace_model::Article;
use wiretrace_stories::Embeddings;

use crate::{Config, Result};

/// The process's encoder: loaded on first use from `WIRETRACE_ENCODER`; the load error (naming
/// the directory) is kept and returned to every caller.
fn encoder() -> Result<Option<&'static Encoder>> {
    static ENCODER: OnceLock<Result<Option<Encoder>, String>> = OnceLock::new();
    let loaded = ENCODER.get_or_init(|| {
        let enc = Encoder::from_env().map_err(|e| e.to_string());
        match &enc {
            Ok(Some(e)) => tracing::info!(dir = %e.dir().display(), "encoder on"),
            Ok(None) => tracing::info!("encoder off ({} not set)", wiretrace_encoder::ENV_VAR),
            Err(e) => tracing::error!("{e}"),
        }
        enc
    });
    match loaded {
        Ok(enc) => Ok(enc.as_ref()),
        Err(e) => Err(crate::Error::EncoderUnusable(e.clone())),
    }
}

/// The encoder vectors of `articles`, or none when no encoder is configured or the corpus is
/// larger than `cfg.encoder_max_articles` (said at `-v`).
pub(crate) fn embeddings(cfg: &Config, articles: &[Article]) -> Result<Embeddings> {
    let Some(enc) = encoder()? else {
        return Ok(Embeddings::new());
    };
    if articles.len() > cfg.encoder_max_articles {
        tracing::info!(
            articles = articles.len(),
            max = cfg.encoder_max_articles,
            "encoder skipped: corpus above encoder_max_articles"
        );
        return Ok(Embeddings::new());
    }
    let t0 = std::time::Instant::now();
    let refs: Vec<&Article> = articles.iter().collect();
    let vectors = enc.embed_articles(&refs)?;
    tracing::info!(articles = articles.len(), elapsed = ?t0.elapsed(), "articles embedded");
    Ok(articles.iter().map(|a| a.id).zip(vectors).collect())
}
