//! Shared data types of the wiretrace pipeline.
//!
//! Every stage crate exchanges these values and nothing else, so one value can be passed in memory,
//! saved by the store, or written as one JSON line by `wiretrace stage …` for a Spark job.
//!
//! The coordinate system is an article's extracted [`Article::text`]: every [`CharSpan`] (passage
//! offsets, change spans) counts Unicode scalar values (`char`s) into it, end exclusive, as the
//! export schema requires.
//!
//! # Example
//! ```
//! use wiretrace_model::{Article, CharSpan};
//! let mut a = Article::new("wire/story.txt", "Storm hits coast.\n\nHomes were flooded.");
//! a.title = Some("Storm".into());
//! let span = CharSpan::new(0, 5);
//! assert_eq!(span.slice(&a.text), "Storm");
//! assert_eq!(a.words(), 6);
//! ```
#![deny(missing_docs)]

mod article;
mod export;
mod reuse;
mod span;
mod story;

pub use article::{content_hash, Article, ArticleId, BoilerplateBlock};
pub use export::{Export, ExportArticle, EXPORT_VERSION};
pub use reuse::{Pair, PairMethod, Passage};
pub use span::{char_to_byte, CharIndex, CharSpan};
pub use story::{Change, ChangeKind, CreditStatus, LineageEdge, Story, StoryId};
