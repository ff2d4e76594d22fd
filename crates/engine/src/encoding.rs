//! Encoder vectors for the story stage: the encoder named by `WIRETRACE_ENCODER`, loaded once per
//! process, run over a corpus when the cost bound allows (see `Config::encoder_max_articles`).

use std::sync::OnceLock;

use wiretrace_encoder::Encoder;
use wiretrace_model::Article;
use wiretrace_stories::{Embeddings, SentenceEncoder};

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

/// The environment variable that overrides `Config::encoder_max_articles` for every command and
/// stage (the CLI, `wiretrace stage`, the Spark pipes): a user with time to spare raises it, one
/// who wants no encoder cost sets 0.
pub const MAX_ARTICLES_VAR: &str = "WIRETRACE_ENCODER_MAX_ARTICLES";

/// The encoder's cost bound: [`MAX_ARTICLES_VAR`] when set, else `cfg.encoder_max_articles`.
pub(crate) fn max_articles(cfg: &Config) -> Result<usize> {
    bound(std::env::var(MAX_ARTICLES_VAR).ok(), cfg.encoder_max_articles)
}

/// The bound `value` (of [`MAX_ARTICLES_VAR`]) sets, or `default` when it is unset or blank.
fn bound(value: Option<String>, default: usize) -> Result<usize> {
    match value {
        Some(v) if !v.trim().is_empty() => v.trim().parse().map_err(|_| {
            crate::Error::EncoderUnusable(format!("{MAX_ARTICLES_VAR}={v} is not a number of articles"))
        }),
        _ => Ok(default),
    }
}

/// The encoder vectors of `articles`, or none when no encoder is configured or the corpus is
/// larger than the cost bound ([`max_articles`]; said at `-v`).
pub(crate) fn embeddings(cfg: &Config, articles: &[Article]) -> Result<Embeddings> {
    let Some(enc) = encoder()? else {
        return Ok(Embeddings::new());
    };
    let max = max_articles(cfg)?;
    if articles.len() > max {
        tracing::info!(
            articles = articles.len(),
            max,
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

/// The process's encoder as the passages stage's sentence encoder (translated copies): none when
/// no encoder is configured or the corpus is larger than the cost bound ([`max_articles`], the
/// same bound as the openings': a corpus whose openings are not embedded has no sentences embedded
/// either, so the 20k and 200k scale corpora pay nothing).
pub(crate) fn sentence_encoder(cfg: &Config, articles: usize) -> Result<Option<Sentences>> {
    let Some(enc) = encoder()? else {
        return Ok(None);
    };
    Ok((articles <= max_articles(cfg)?).then_some(Sentences(enc)))
}

/// The loaded encoder embedding sentences (see [`sentence_encoder`]).
pub(crate) struct Sentences(&'static Encoder);

impl SentenceEncoder for Sentences {
    fn embed_sentences(&self, sentences: &[&str]) -> Option<Vec<Vec<f32>>> {
        let t0 = std::time::Instant::now();
        match self.0.embed_sentences(sentences) {
            Ok(v) => {
                tracing::info!(sentences = sentences.len(), elapsed = ?t0.elapsed(), "sentences embedded");
                Some(v)
            }
            Err(e) => {
                tracing::error!("{e}");
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_variable_sets_the_bound_and_a_bad_value_is_an_error_naming_it() {
        assert_eq!(bound(None, 1_000).unwrap(), 1_000);
        assert_eq!(bound(Some(" ".into()), 1_000).unwrap(), 1_000);
        assert_eq!(bound(Some("0".into()), 1_000).unwrap(), 0);
        assert_eq!(bound(Some("25000".into()), 1_000).unwrap(), 25_000);
        let err = bound(Some("many".into()), 1_000).unwrap_err().to_string();
        assert!(err.contains(MAX_ARTICLES_VAR) && err.contains("many"), "{err}");
    }
}
