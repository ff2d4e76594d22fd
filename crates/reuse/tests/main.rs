//! Integration tests of wiretrace-reuse, one module per topic.

mod fixtures;

mod detection;
mod incremental;
mod index;
mod properties;
mod rejection;
