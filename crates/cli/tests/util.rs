use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A temporary working directory with a database path, running the binary inside it.
pub struct Env {
    pub dir: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn db(&self) -> PathBuf {
        self.path("w.db")
    }

    pub fn write(&self, rel: &str, content: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, content).unwrap();
        p
    }

    pub fn cmd(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_wiretrace"));
        c.current_dir(self.dir.path())
            .arg("--db")
            .arg(self.db())
            .env_remove("WIRETRACE_DB");
        c
    }

    pub fn run(&self, args: &[&str]) -> Run {
        Run(self.cmd().args(args).output().expect("run wiretrace"))
    }
}

/// The finished process, with helpers to read its output.
pub struct Run(pub Output);

impl Run {
    pub fn code(&self) -> i32 {
        self.0.status.code().unwrap_or(-1)
    }
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.0.stdout).into_owned()
    }
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.0.stderr).into_owned()
    }
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.0.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}): {}\nstderr: {}",
                self.stdout(),
                self.stderr()
            )
        })
    }
}

/// The bundled example corpus.
pub fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus")
}

/// A short fictional wire story used by several tests.
pub const WIRE: &str = "Harbour cranes halted at Port Ellery\n\n\
PORT ELLERY (AFP) - Dock workers at Port Ellery stopped every crane on Monday after talks on night-shift pay \
collapsed, leaving 14 container ships waiting offshore.\n\n\
\"We will not load a single box until the night rate is restored,\" union leader Mara Quist told reporters \
outside the terminal gate.\n\n\
The port authority said the stoppage was costing about $3.5m a day and urged both sides to return to talks \
before the weekend.";
