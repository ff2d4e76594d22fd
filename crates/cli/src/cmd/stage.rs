//! `stage NAME`: one pipeline stage as a JSON-lines filter.

use std::process::ExitCode;

use wiretrace_engine::stage::{self, Stage};
use wiretrace_engine::Config;

use crate::args::StageName;

pub fn stage(name: StageName) -> anyhow::Result<ExitCode> {
    let stage = match name {
        StageName::Extract => Stage::Extract,
        StageName::Align => Stage::Align,
        StageName::Pairs => Stage::Pairs,
        StageName::Cluster => Stage::Cluster,
        StageName::Explain => Stage::Explain,
        StageName::Similarity => Stage::Similarity,
        StageName::Discover => Stage::Discover,
        StageName::Sketch => Stage::Sketch,
        StageName::Grade => Stage::Grade,
        StageName::Analyze => Stage::Analyze,
        StageName::Settings => Stage::Settings,
    };
    let stdin = std::io::stdin().lock();
    let stdout = std::io::BufWriter::new(std::io::stdout().lock());
    stage::run(&Config::default(), stage, stdin, stdout)?;
    Ok(ExitCode::SUCCESS)
}
