//! Integration tests of wiretrace-ingest: one binary, one module per topic.
//! Fixtures are fictional articles under `tests/fixtures/`.

mod bad_input;
mod charset;
mod dates;
mod discover;
mod formats;
mod languages;
mod pages;
mod pubdates;
mod util;
mod warc;
