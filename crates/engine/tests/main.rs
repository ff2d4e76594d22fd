//! End-to-end tests of the engine on the example corpus and the scenario sets in `testdata/`.

mod util;

mod incremental;
mod inherited;
mod scenarios;
mod translations;
mod views;
