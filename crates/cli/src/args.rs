//! Command-line arguments (clap derive). Each flag's doc comment is its help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Trace news copy: find which articles are the same story, who copied whom, which passages were
/// reused, and what each version changed.
#[derive(Debug, Parser)]
#[command(name = "wiretrace", version, about, max_term_width = 110)]
pub struct Cli {
    /// The SQLite database to use [default: wiretrace.db; `trace` uses a temporary one unless given].
    #[arg(long, global = true, env = "WIRETRACE_DB")]
    pub db: Option<PathBuf>,
    /// Hide progress bars.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// More log output on stderr (-v: info, -vv: debug). WIRETRACE_LOG takes an EnvFilter.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// The command.
    #[command(subcommand)]
    pub command: Command,
}

/// The database every command but `trace` uses when `--db` is not given.
pub const DEFAULT_DB: &str = "wiretrace.db";

impl Cli {
    /// The database to use: `--db` (or `$WIRETRACE_DB`), else [`DEFAULT_DB`].
    pub fn db_path(&self) -> PathBuf {
        self.db.clone().unwrap_or_else(|| PathBuf::from(DEFAULT_DB))
    }
}

/// Options shared by the commands that read inputs.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files, directories (read recursively) or `-` for JSON lines on standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Stop at the first unreadable input and exit with status 1.
    #[arg(long)]
    pub strict: bool,
    /// Largest accepted article, in bytes.
    #[arg(long, default_value_t = 20 << 20)]
    pub max_article_bytes: u64,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add articles to the database and analyse what is new.
    Add {
        #[command(flatten)]
        inputs: InputArgs,
        /// Only store the articles; analyse later (with `analyze` or the next `add`).
        #[arg(long)]
        no_analyze: bool,
    },
    /// Analyse articles added since the last analysis.
    Analyze {
        /// Compare every article again, as one run over the whole corpus would.
        #[arg(long)]
        full: bool,
    },
    /// One shot: ingest into a temporary database (or the one --db names), analyse, export, summarise.
    Trace {
        #[command(flatten)]
        inputs: InputArgs,
        /// Where to write the JSON export.
        #[arg(long, short = 'o')]
        out: Option<PathBuf>,
        /// Include each article's extracted text in the export.
        #[arg(long)]
        with_text: bool,
        /// Keep the results in this database instead of a temporary one (same as --db).
        #[arg(long = "keep-db")]
        keep_db: Option<PathBuf>,
    },
    /// List stored articles.
    List {
        /// Print JSON lines instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Show one article (by id like a17, or by path).
    Show {
        /// Article id or path.
        article: String,
        /// Print the extracted text.
        #[arg(long)]
        text: bool,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write the analysis export.
    Export {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Include each article's extracted text (JSON only).
        #[arg(long)]
        with_text: bool,
        /// Output file (default: standard output).
        #[arg(short, long)]
        out: Option<PathBuf>,
    },
    /// Show the passages two articles share, side by side, with differing words highlighted.
    Diff {
        /// First article (id or path).
        a: String,
        /// Second article (id or path).
        b: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// List stories.
    Stories {
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Include single-article stories.
        #[arg(long)]
        all: bool,
    },
    /// Show one story: members and lineage tree.
    Story {
        /// Story id (s17) or an article of it.
        story: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Explain what an article changed against its source (or another article).
    Explain {
        /// Article id or path.
        article: String,
        /// Compare against this article instead of the lineage source.
        #[arg(long)]
        against: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// The quotations of a story, their speakers and their variants across versions.
    Quotes {
        /// Story id (s17) or an article of it.
        story: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Serve the stories, articles and comparisons as web pages and a JSON API (read-only).
    Serve {
        /// Address to listen on; loopback by default, so only this machine can connect.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
    },
    /// Trace inputs and write every view into one self-contained HTML file.
    Report {
        #[command(flatten)]
        inputs: InputArgs,
        /// The HTML file to write.
        #[arg(long, short = 'o', default_value = "report.html")]
        out: PathBuf,
        /// The report's title.
        #[arg(long, default_value = "wiretrace report")]
        title: String,
    },
    /// Run one pipeline stage as a JSON-lines filter (stdin → stdout), for Spark or scripts.
    Stage {
        /// The stage.
        #[arg(value_enum)]
        stage: StageName,
    },
}

/// Export formats.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    /// The JSON export, schema version 1.
    Json,
    /// One CSV row per article with its story, source and change counts.
    Csv,
}

/// Stage names for `wiretrace stage`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum StageName {
    /// Paths in, articles out.
    Extract,
    /// {"a": Article, "b": Article} in, pairs out.
    Align,
    /// Articles in, all reuse pairs among them out.
    Pairs,
    /// Tagged articles and pairs in, stories out.
    Cluster,
    /// Tagged articles and pairs in, changes out.
    Explain,
}
