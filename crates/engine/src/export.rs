use wiretrace_model::{Export, ExportArticle, EXPORT_VERSION};
use wiretrace_store::Store;

use crate::Result;

/// Builds the export from what the store holds. Everything is ordered by id, so the same store
/// gives byte-identical JSON.
pub(crate) fn build(store: &Store, with_text: bool) -> Result<Export> {
    let articles = store
        .articles()?
        .into_iter()
        .map(|a| ExportArticle {
            id: a.id.to_string(),
            words: a.words(),
            content_hash: Some(a.content_hash()),
            published: wiretrace_ingest::published_local(&a),
            path: a.path,
            title: a.title,
            outlet: a.outlet,
            author: a.author,
            language: a.language,
            url: a.url,
            text: with_text.then_some(a.text),
        })
        .collect();
    Ok(Export {
        version: EXPORT_VERSION,
        articles,
        stories: store.stories()?,
        pairs: store.pairs()?,
        changes: store.changes()?,
    })
}
