//! `wiretrace._native`: the engine behind the `wiretrace` Python package (see `wiretrace/`).
//!
//! Two calls, both releasing the GIL while they work: `trace` runs the whole pipeline over input
//! paths in a temporary store and returns the export (JSON) with the inputs it skipped; `compare`
//! scores two articles' story similarity. The Python side turns records and DataFrames into a
//! JSON-lines file first, so every input goes through the same readers as `wiretrace trace`.
// PyO3's macros expand to the FFI glue the interpreter calls; no hand-written unsafe code here.
#![allow(unsafe_code)]

use std::path::PathBuf;

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use wiretrace_engine::{Config, Engine, Input, NoProgress};

/// Replaces each `(from, to)` prefix in `text`: temporary files are named as the caller knows them.
fn relabel(text: &str, labels: &[(String, String)]) -> String {
    labels
        .iter()
        .fold(text.to_string(), |t, (from, to)| t.replace(from.as_str(), to))
}

fn runtime(e: impl std::fmt::Display) -> PyErr {
    PyRuntimeError::new_err(e.to_string())
}

/// Traces `paths` (files or directories) in a temporary store: returns the export as JSON and the
/// reason each skipped input was skipped. Paths starting with a `labels` prefix are renamed.
#[pyfunction]
#[pyo3(signature = (paths, labels = Vec::new(), with_text = false))]
fn trace(
    py: Python<'_>,
    paths: Vec<String>,
    labels: Vec<(String, String)>,
    with_text: bool,
) -> PyResult<(String, Vec<String>)> {
    py.allow_threads(|| {
        let dir = tempfile::tempdir().map_err(runtime)?;
        let mut engine =
            Engine::open(&dir.path().join("wiretrace.db"), Config::default()).map_err(runtime)?;
        let inputs: Vec<Input> = paths.iter().map(|p| Input::Path(PathBuf::from(p))).collect();
        let report = engine.add(&inputs, &NoProgress).map_err(runtime)?;
        let skipped: Vec<String> = report
            .skipped
            .iter()
            .map(|e| relabel(&e.to_string(), &labels))
            .collect();
        engine.analyze(&NoProgress).map_err(runtime)?;
        let mut export = engine.export(with_text).map_err(runtime)?;
        for a in &mut export.articles {
            a.path = relabel(&a.path, &labels);
        }
        let json = serde_json::to_string(&export).map_err(runtime)?;
        Ok((json, skipped))
    })
}

/// The story similarity of the first articles of two files, with its evidence, as JSON (what
/// `wiretrace compare A B --json` prints under `similarity`).
#[pyfunction]
fn compare(py: Python<'_>, a: String, b: String) -> PyResult<String> {
    py.allow_threads(|| {
        let dir = tempfile::tempdir().map_err(runtime)?;
        let engine = Engine::open(&dir.path().join("wiretrace.db"), Config::default()).map_err(runtime)?;
        let read = |p: &str| {
            engine
                .read_unstored(std::path::Path::new(p))
                .map_err(|e| PyValueError::new_err(e.to_string()))
        };
        let (mut x, mut y) = (read(&a)?, read(&b)?);
        // Two files read alone both have id 0; the index needs distinct ids.
        x.id = wiretrace_engine::model::ArticleId(1);
        y.id = wiretrace_engine::model::ArticleId(2);
        let score = engine.story_similarity(&x, &y).map_err(runtime)?;
        serde_json::to_string(&score).map_err(runtime)
    })
}

/// The native module.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(trace, m)?)?;
    m.add_function(wrap_pyfunction!(compare, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
