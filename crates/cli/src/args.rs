//! Command-line arguments (clap derive). Each flag's doc comment is its help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Trace news copy: find which articles are the same story, who copied whom, which passages were
/// reused, and what each version changed.
#[derive(Debug, Parser)]
#[command(name = "wiretrace", version, about, max_term_width = 110, after_help = MAIN_HELP)]
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

/// Examples and input formats, after the main help.
const MAIN_HELP: &str = "\
Examples:
  wiretrace trace corpus/ --out analysis.json   one shot: read, analyse, export, summarise
  wiretrace add corpus/                         store and analyse (./wiretrace.db)
  wiretrace stories                             the stories found
  wiretrace explain a17                         what article a17 changed against its source

Inputs (format from the extension, confirmed by sniffing the content):
  .txt                  first line is the headline when a blank line follows
  .md .markdown         YAML or TOML front matter, Markdown body
  .html .htm            main text of a saved page, metadata from its tags
  .jsonl .ndjson .json  one article per line (text/content/body, title, outlet, published, url, id)
  .xml .rss .atom       one article per RSS or Atom item
  .warc .warc.gz        one article per HTML response record
  -                     stdin: JSON lines (keyed by their id field), or one plain-text article

Exit status: 0 success, 1 nothing stored (or --strict met a bad input), 2 usage or fatal error.
With --json, a fatal error is one JSON object on stderr: {\"error\": \"…\", \"exit\": 2}.
Logs (-v) and tables are plain text when not on a terminal or when NO_COLOR is set.";

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
    /// Files, directories (read recursively) or `-` for standard input (JSON lines, or one
    /// plain-text article).
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
    #[command(after_help = "Examples:\n  wiretrace add corpus/ feeds/wire.jsonl\n  \
        cat dump.jsonl | wiretrace add -          records keyed by their own \"id\" field\n  \
        wiretrace add --no-analyze big/ && wiretrace analyze")]
    Add {
        #[command(flatten)]
        inputs: InputArgs,
        /// Only store the articles; analyse later (with `analyze` or the next `add`).
        #[arg(long)]
        no_analyze: bool,
    },
    /// Analyse articles added since the last analysis.
    #[command(
        after_help = "Examples:\n  wiretrace analyze\n  wiretrace analyze --full   compare every article again"
    )]
    Analyze {
        /// Compare every article again, as one run over the whole corpus would.
        #[arg(long)]
        full: bool,
    },
    /// One shot: ingest into a temporary database (or the one --db names), analyse, export, summarise.
    #[command(after_help = "Examples:\n  wiretrace trace corpus/ --out analysis.json\n  \
        wiretrace trace corpus/ --keep-db corpus.db   keep the database for `stories`, `explain`…")]
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
    #[command(
        after_help = "Examples:\n  wiretrace list\n  wiretrace list --json | head   one JSON object per line"
    )]
    List {
        /// Print JSON lines instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Show one article (by id like a17, or by path).
    #[command(after_help = "Examples:\n  wiretrace show a17\n  wiretrace show corpus/wire/storm.txt --text")]
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
    #[command(
        after_help = "Examples:\n  wiretrace export -o analysis.json\n  wiretrace export --format csv > articles.csv"
    )]
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
    /// Story similarity of two articles (ids or files) and its evidence: shared names, figures,
    /// dates and terms, reused text, time gap, languages. The score clustering uses.
    #[command(
        after_help = "Examples:\n  wiretrace compare a3 a17\n  wiretrace compare report-en.txt report-es.html --json   two files, no database needed"
    )]
    Compare {
        /// First article (id or path).
        a: String,
        /// Second article (id or path).
        b: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show the passages two articles share, side by side, with differing words highlighted.
    #[command(
        after_help = "Examples:\n  wiretrace diff a3 a17\n  wiretrace diff wire.txt copy.html   two files, no database needed"
    )]
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
    #[command(after_help = "Examples:\n  wiretrace stories\n  wiretrace stories --all --json")]
    Stories {
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Include single-article stories.
        #[arg(long)]
        all: bool,
    },
    /// Show one story: members and lineage tree.
    #[command(
        after_help = "Examples:\n  wiretrace story s4\n  wiretrace story a17   the story holding article a17"
    )]
    Story {
        /// Story id (s17) or an article of it.
        story: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// The outlet report: per outlet its originals, copies and their sources, credit and latency;
    /// then who copies whom.
    #[command(
        after_help = "Examples:\n  wiretrace outlets\n  wiretrace outlets --json\n  wiretrace outlets --csv > outlets.csv"
    )]
    Outlets {
        /// Print JSON.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// Print CSV (one row per outlet).
        #[arg(long)]
        csv: bool,
    },
    /// Explain what an article changed against its source (or another article).
    #[command(
        after_help = "Examples:\n  wiretrace explain a17\n  wiretrace explain a17 --against a3 --json"
    )]
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
    #[command(after_help = "Examples:\n  wiretrace quotes s4\n  wiretrace quotes a17 --json")]
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
    /// Load a finished Spark run (the driver's `final/` directory) into a new database, so that
    /// `serve`, `story`, `explain` and the other read commands work on it.
    #[command(
        after_help = "Reads DIR/articles, DIR/pairs, DIR/stories and DIR/changes: each a JSON-lines file or a\ndirectory of Spark part files (JSON lines).\n\nExamples:\n  wiretrace --db spark.db import out/final\n  wiretrace --db spark.db serve"
    )]
    Import {
        /// The directory the Spark driver wrote its final records to.
        dir: PathBuf,
    },
    /// Run one pipeline stage as a JSON-lines filter (stdin → stdout), for Spark or scripts.
    #[command(after_help = STAGE_HELP)]
    Stage {
        /// The stage.
        #[arg(value_enum)]
        stage: StageName,
        /// Partitions the records of `postings`, `pair-counts` and `offers` are keyed for (the
        /// Spark job's partition count).
        #[arg(long, default_value_t = 1)]
        shards: usize,
        /// Articles in the corpus (`pair-counts`: it sets the df cap).
        #[arg(long, default_value_t = 0)]
        articles: usize,
    },
}

/// What each stage reads and writes, after `stage --help`.
const STAGE_HELP: &str = "\
Records (one JSON value per line in, one per line out):
  extract   in: a path, as {\"path\": \"f.txt\"}, \"f.txt\" or plain text
            out: one Article per article (ids a1, a2… in output order), or {\"error\": \"…\"}
  align     in: {\"a\": Article, \"b\": Article} with distinct ids
            out: one Pair when they share text, nothing otherwise
  pairs     in: Article lines (a whole partition)     out: Pair lines for every pair in it
  cluster   in: {\"type\": \"article\", \"data\": Article} and {\"type\": \"pair\", \"data\": Pair}
            out: Story lines
  explain   in: as cluster                            out: Change lines
  analyze   in: as cluster (whole corpus)   out: {\"type\": \"story\"|\"change\", \"data\": …}, as `analyze` computes
  discover  in: paths (files or directories)   out: {\"file\": canonical path, \"index\": N}, sorted
  sketch    in: Article lines                  out: Sketch lines (fingerprints)
  grade     in: {\"a\", \"b\", \"df\": [[key, df]…], \"max_df\"}  out: {\"pair\": Pair, \"strong\": bool}
  settings  in: {\"articles\": N}              out: reuse settings and the df cap for N articles
Candidate selection, split for a cluster (plain-text records \"SHARD<TAB>item item…\", items comma-separated
numbers; a Spark job partitions them by SHARD and pipes the items on):
  postings     in: Sketch lines       out: \"key,position\" items keyed by fingerprint shard (--shards)
  pair-counts  in: postings items of whole fingerprint shards (--articles N)
               out: \"i,j,rare,rare_weight,common,common_weight\" per pair, combined, keyed by i's shard
  offers       in: \"sizes<TAB>n0 n1…\" (every article's fingerprint count) first, then pair-counts items
               gathered by i   out: \"article,other,strength\" per candidate and side, keyed by article's shard
  top-k        in: offers items gathered by article   out: [i, j] per kept candidate pair (a pair kept by
               both articles comes twice)
  holder-dfs   in: postings items of whole fingerprint shards
               out: \"position,key,df\" per holder of a fingerprint two or more hold, keyed by position's shard
  df-lists     in: holder-dfs items gathered by article   out: [position, [[key, df]…]] per article (grade's df)

Example:
  find corpus -name '*.txt' | wiretrace stage extract | wiretrace stage pairs";

impl Command {
    /// Whether the command was asked for JSON output (then fatal errors are JSON too).
    pub fn wants_json(&self) -> bool {
        match self {
            Command::List { json }
            | Command::Show { json, .. }
            | Command::Diff { json, .. }
            | Command::Compare { json, .. }
            | Command::Stories { json, .. }
            | Command::Story { json, .. }
            | Command::Outlets { json, .. }
            | Command::Explain { json, .. }
            | Command::Quotes { json, .. } => *json,
            Command::Add { .. }
            | Command::Analyze { .. }
            | Command::Trace { .. }
            | Command::Export { .. }
            | Command::Stage { .. }
            | Command::Import { .. }
            | Command::Serve { .. }
            | Command::Report { .. } => false,
        }
    }
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
    /// {"id", "a": ARTICLE, "b": ARTICLE} in, {"id", "story_similarity"} out.
    Similarity,
    /// Paths in, {"file", "index"} per input file under them out (canonical, sorted).
    Discover,
    /// Articles in, fingerprint sketches out.
    Sketch,
    /// {"a", "b", "df", "max_df"} in, {"pair", "strong"} out.
    Grade,
    /// Tagged articles and pairs in (the whole corpus), tagged stories and changes out.
    Analyze,
    /// {"articles": N} in, the reuse settings for N articles out.
    Settings,
    /// Sketches in, fingerprint postings keyed by shard out.
    Postings,
    /// Postings of whole fingerprint shards in, each pair's evidence keyed by its first article out.
    PairCounts,
    /// Every article's size, then pair evidence gathered by first article in; candidate offers keyed
    /// by article out.
    Offers,
    /// Offers gathered by article in, each article's kept candidate pairs out.
    TopK,
    /// Postings of whole fingerprint shards in, each holder's df of its shared fingerprints keyed
    /// by article out.
    HolderDfs,
    /// Holder dfs gathered by article in, one `[position, [[key, df]…]]` per article out.
    DfLists,
}
