use std::collections::BTreeMap;

use wiretrace_model::{Article, ArticleId, Export, ExportArticle, Story, EXPORT_VERSION};
use wiretrace_store::Store;

use crate::Result;

/// Builds the export from what the store holds. Everything is ordered by id, so the same store
/// gives byte-identical JSON.
pub(crate) fn build(store: &Store, with_text: bool) -> Result<Export> {
    let stored = store.articles()?;
    let mut stories = store.stories()?;
    mark_credit(&mut stories, &stored);
    let articles = stored
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
        stories,
        pairs: store.pairs()?,
        changes: store.changes()?,
    })
}

/// Fills each copy's credit status (whether it credits its lineage source, or dropped the
/// source's credit line); origins keep none.
pub(crate) fn mark_credit(stories: &mut [Story], articles: &[Article]) {
    let by_id: BTreeMap<ArticleId, &Article> = articles.iter().map(|a| (a.id, a)).collect();
    for e in stories.iter_mut().flat_map(|s| s.lineage.iter_mut()) {
        e.credit = match (by_id.get(&e.article), e.source.and_then(|s| by_id.get(&s))) {
            (Some(copy), Some(src)) => Some(wiretrace_stories::credit::credit_status(copy, src)),
            _ => None,
        };
    }
}
