//! Text normalisation, language detection and tokenisation with offsets.
//!
//! Stage 2 of the pipeline (*normalize*): raw extracted text in, the canonical article text out, then
//! tokens of that text for the reuse and explain stages.
//!
//! - [`normalize`]: Unicode NFC, control characters dropped, whitespace folded inside paragraphs,
//!   paragraphs separated by exactly one blank line. Idempotent.
//! - [`detect_language`]: ISO 639-1 code by trigram statistics (whatlang), `None` when unsure.
//! - [`tokens`]: word tokens with byte offsets into the text and a folded form (lowercase, diacritics
//!   removed), by Unicode word boundaries (UAX #29) so no script is assumed. [`fold`] is the folding.
//! - [`sorted_intersection_count`] and [`ListTable`]: the sorted id lists every later stage compares,
//!   and a compact table of them.
//!
//! # Example
//! ```
//! use wiretrace_text::{normalize, tokens};
//! let text = normalize("  Él  dijo:\r\n«Sí».\n\n\n\nFin. ");
//! assert_eq!(text, "Él dijo: «Sí».\n\nFin.");
//! let toks: Vec<_> = tokens(&text).map(|t| t.folded).collect();
//! assert_eq!(toks, ["el", "dijo", "si", "fin"]);
//! ```
#![deny(missing_docs)]

mod fast_hash;
mod lang;
mod lists;
mod normalize;
mod sorted;
mod token;

pub use fast_hash::{FastMap, FastSet};
pub use lang::detect_language;
pub use lists::ListTable;
pub use normalize::normalize;
pub use sorted::sorted_intersection_count;
pub use token::{fold, token_hash, tokens, Token};
