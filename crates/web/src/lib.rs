//! The wiretrace web viewer and static report: the engine's views as HTML and JSON.
//!
//! * [`server::serve`] — `wiretrace serve`: a read-only axum server (pages and a JSON API).
//! * [`report::render`] — `wiretrace report`: the same pages in one self-contained HTML file.
//!
//! Both render through [`pages`] (maud: every interpolated string is escaped) and read only the
//! engine's views; neither touches the store.
#![deny(missing_docs)]

mod list;
pub mod pages;
pub mod params;
pub mod report;
pub mod server;
mod svg;

pub use report::report_csp;
