use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use wiretrace_engine::model::Export;
use wiretrace_engine::{AnalyzeReport, Config, Engine, Input, NoProgress};

use crate::util::{assert_same, by_path, repo, run, ByPath};

fn corpus_dirs() -> Vec<PathBuf> {
    let root = repo("examples/corpus");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// Keeps what incremental analysis guarantees to equal a full run: stories, storylines, lineage,
/// and the pairs with substantial reuse (short partial passages may be judged against a smaller
/// corpus; see `Engine::analyze_with`).
fn substantial(mut r: ByPath) -> ByPath {
    r.pairs.retain(|_, sim| *sim >= 50);
    r
}

#[test]
fn adding_in_two_steps_gives_the_same_stories_and_lineage_as_adding_at_once() {
    let root = repo("examples/corpus");
    let dirs = corpus_dirs();
    let (first, second) = dirs.split_at(dirs.len() / 2);
    let at_once = by_path(&run(std::slice::from_ref(&dirs)), &root);
    let in_steps = by_path(&run(&[first.to_vec(), second.to_vec()]), &root);
    assert!(
        at_once.pairs.len() > 10,
        "the corpus has reuse: {:?}",
        at_once.pairs.len()
    );
    assert_same(
        &substantial(at_once),
        &substantial(in_steps),
        "at once vs in two steps",
    );
}

#[test]
fn adding_one_outlet_at_a_time_then_a_full_analysis_equals_one_run() {
    let root = repo("examples/corpus");
    let dirs = corpus_dirs();
    let at_once = by_path(&run(std::slice::from_ref(&dirs)), &root);
    let dir = tempfile::tempdir().unwrap();
    let mut engine = Engine::open(&dir.path().join("w.db"), Config::default()).unwrap();
    for d in dirs.iter().rev() {
        engine.add(&[Input::Path(d.clone())], &NoProgress).unwrap();
        engine.analyze(&NoProgress).unwrap();
    }
    let stepwise = by_path(&engine.export(false).unwrap(), &root);
    assert_same(
        &substantial(by_path(&run(std::slice::from_ref(&dirs)), &root)),
        &substantial(stepwise),
        "steps",
    );
    engine.analyze_with(&NoProgress, true).unwrap();
    let full = by_path(&engine.export(false).unwrap(), &root);
    assert_same(&at_once, &full, "one run vs steps then a full analysis");
}

#[test]
fn input_order_does_not_change_the_result() {
    let root = repo("examples/corpus");
    let dirs = corpus_dirs();
    let mut reversed = dirs.clone();
    reversed.reverse();
    let forward = run(std::slice::from_ref(&dirs));
    let backward = run(std::slice::from_ref(&reversed));
    // Inputs are sorted before ids are given, so even the ids agree: the exports are identical.
    assert_eq!(
        serde_json::to_string(&forward).unwrap(),
        serde_json::to_string(&backward).unwrap()
    );
    assert_same(
        &by_path(&forward, &root),
        &by_path(&backward, &root),
        "forward vs reversed",
    );
}

/// Every change of an export, keyed by its article's path, with article ids replaced by paths (runs
/// adding articles in different orders give them different ids).
fn changes_by_path(e: &Export, root: &Path) -> BTreeMap<String, Vec<String>> {
    let root = std::fs::canonicalize(root).unwrap().display().to_string();
    let path: BTreeMap<String, String> = e
        .articles
        .iter()
        .map(|a| (a.id.clone(), a.path.trim_start_matches(&root).to_string()))
        .collect();
    let rename = |v: &mut serde_json::Value| {
        if let Some(id) = v.as_str().and_then(|s| path.get(s)) {
            *v = serde_json::Value::String(id.clone());
        }
    };
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for c in &e.changes {
        let mut v = serde_json::to_value(c).unwrap();
        for field in ["article", "source"] {
            if let Some(x) = v.get_mut(field) {
                rename(x);
            }
        }
        for field in ["carried_by", "same_drift_in"] {
            if let Some(list) = v.get_mut(field).and_then(|l| l.as_array_mut()) {
                list.iter_mut().for_each(rename);
                list.sort_by_key(|x| x.to_string());
            }
        }
        out.entry(path[&c.article.to_string()].clone())
            .or_default()
            .push(v.to_string());
    }
    out
}

/// Adds `batches` one after the other, analysing after each, and returns the export and the report
/// of each analysis.
fn in_batches(db: &Path, batches: &[Vec<PathBuf>]) -> (Export, Vec<AnalyzeReport>) {
    in_batches_with(db, batches, Config::default())
}

/// The configuration that clusters the stories incrementally whatever the corpus' growth (the
/// default clusters in full once it has grown by 5%, which every batch of these small corpora
/// does).
fn always_incremental() -> Config {
    Config {
        recluster_growth: f32::INFINITY,
        ..Config::default()
    }
}

/// [`in_batches`] with `cfg`.
fn in_batches_with(db: &Path, batches: &[Vec<PathBuf>], cfg: Config) -> (Export, Vec<AnalyzeReport>) {
    let mut engine = Engine::open(db, cfg).unwrap();
    let mut reports = Vec::new();
    for batch in batches {
        let inputs: Vec<Input> = batch.iter().cloned().map(Input::Path).collect();
        engine.add(&inputs, &NoProgress).unwrap();
        reports.push(engine.analyze(&NoProgress).unwrap());
    }
    (engine.export(false).unwrap(), reports)
}

#[test]
fn a_corpus_added_in_three_batches_equals_one_run_in_stories_lineage_pairs_and_changes() {
    let root = repo("examples/corpus");
    let dirs = corpus_dirs();
    let third = dirs.len().div_ceil(3);
    let batches: Vec<Vec<PathBuf>> = dirs.chunks(third).map(|c| c.to_vec()).collect();
    assert_eq!(batches.len(), 3);
    let at_once = run(std::slice::from_ref(&dirs));
    let dir = tempfile::tempdir().unwrap();
    let (stepwise, reports) = in_batches(&dir.path().join("w.db"), &batches);
    assert_same(
        &substantial(by_path(&at_once, &root)),
        &substantial(by_path(&stepwise, &root)),
        "one run vs three batches",
    );
    let (once, steps) = (
        changes_by_path(&at_once, &root),
        changes_by_path(&stepwise, &root),
    );
    assert!(once.len() > 10, "the corpus has changes: {}", once.len());
    assert_eq!(once, steps, "changes: one run vs three batches");
    // the batches give the ids one run gives (sorted inputs, in order), so the stories compare whole:
    // members, storylines and every lineage edge with its confidence and reason
    assert_eq!(
        serde_json::to_string(&at_once.stories).unwrap(),
        serde_json::to_string(&stepwise.stories).unwrap(),
        "stories with lineage: one run vs three batches"
    );
    // the later batches kept the lineage of the stories whose members did not change
    assert!(
        reports.iter().map(|r| r.kept_lineage).sum::<usize>() > 0,
        "{reports:?}"
    );
    // and their anchored pairs (translations, rewrites), which are those one run finds
    let anchored = |e: &Export| -> Vec<(u32, u32)> {
        e.pairs
            .iter()
            .filter(|p| !p.method.is_text())
            .map(|p| (p.a.0, p.b.0))
            .collect()
    };
    assert!(!anchored(&at_once).is_empty(), "the corpus has translations");
    assert_eq!(
        anchored(&at_once),
        anchored(&stepwise),
        "anchored pairs: one run vs three batches"
    );
    assert!(
        reports.iter().map(|r| r.kept_anchored_pairs).sum::<usize>() > 0,
        "{reports:?}"
    );
    // the later batches kept the changes of the stories they did not touch
    let last = reports.last().unwrap();
    // and the furniture digests of the articles whose furniture answers cannot have moved
    assert!(
        last.digested < stepwise.articles.len(),
        "digested {} of {} articles",
        last.digested,
        stepwise.articles.len()
    );
    assert!(
        last.explained_stories < last.stories,
        "explained {} of {} stories",
        last.explained_stories,
        last.stories
    );
}

#[test]
fn a_corpus_added_in_three_batches_with_incremental_clustering_equals_one_run() {
    // The later batches cluster again only the story components their articles touch and keep
    // the other stored stories. The corpus statistics (anchor weights) then differ from one run's
    // by the growth of the corpus, unbounded here (`recluster_growth` infinite): on this corpus
    // no decision lies close enough to its threshold for that drift to move it, so the stories,
    // their lineage and the changes equal one run's.
    let root = repo("examples/corpus");
    let dirs = corpus_dirs();
    let third = dirs.len().div_ceil(3);
    let batches: Vec<Vec<PathBuf>> = dirs.chunks(third).map(|c| c.to_vec()).collect();
    let at_once = run(std::slice::from_ref(&dirs));
    let dir = tempfile::tempdir().unwrap();
    let (stepwise, reports) = in_batches_with(&dir.path().join("w.db"), &batches, always_incremental());
    assert_eq!(reports[0].reclustered, None, "a first analysis clusters in full");
    for r in &reports[1..] {
        let again = r.reclustered.expect("the later batches cluster incrementally");
        assert!(
            again < stepwise.articles.len(),
            "{again} of {}",
            stepwise.articles.len()
        );
    }
    assert_eq!(
        serde_json::to_string(&at_once.stories).unwrap(),
        serde_json::to_string(&stepwise.stories).unwrap(),
        "stories with lineage: one run vs three incremental batches"
    );
    assert_eq!(
        changes_by_path(&at_once, &root),
        changes_by_path(&stepwise, &root),
        "changes: one run vs three incremental batches"
    );
}

#[test]
fn a_corpus_grown_past_the_bound_is_clustered_in_full() {
    let dirs = corpus_dirs();
    let (first, second) = dirs.split_at(dirs.len() - 1);
    let dir = tempfile::tempdir().unwrap();
    let cfg = Config {
        recluster_growth: 0.01,
        ..Config::default()
    };
    let (_, reports) = in_batches_with(&dir.path().join("w.db"), &[first.to_vec(), second.to_vec()], cfg);
    assert_eq!(reports[1].reclustered, None, "{:?}", reports[1]);
}

/// Writes a dated article of `outlet` with `paragraphs` into `dir`.
fn write_article(dir: &Path, name: &str, outlet: &str, day: u32, paragraphs: &[&str]) -> PathBuf {
    let path = dir.join(name);
    let body = paragraphs.join("\n\n");
    std::fs::write(
        &path,
        format!("---\ntitle: \"{name}\"\ndate: 2026-05-{day:02}T08:00:00Z\noutlet: \"{outlet}\"\nlang: en\n---\n\n{body}\n"),
    )
    .unwrap();
    path
}

#[test]
fn a_paragraph_becoming_recurring_elsewhere_re_explains_an_untouched_story() {
    // A story (a dispatch and a copy adding a closing line) is analysed; later, two unrelated
    // stories carry the same closing line, which makes it recurring furniture. The first story's
    // members and lineage stay as they were, yet its copy's closing line is now boilerplate: the
    // stored changes must be replaced, as a one-shot run of the same articles shows.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let footer = "The Valley Courier is printed each morning at the Dunmore works on Quarry Lane.";
    let wire = [
        "Engineers at the Orvel dam on the Saskan river opened three sluice gates on Tuesday after a week of heavy rain raised the reservoir to its highest level in twenty years.",
        "The regional water board said the release would lift the river by half a metre in the town of Brenmoor, where sandbags were handed out to residents of the lower streets.",
        "Board chairman Ilse Varga said the dam itself was sound and that inspectors had found no damage to its walls or spillway.",
    ];
    let mut copy: Vec<&str> = wire.to_vec();
    copy.push(footer);
    let first = vec![
        write_article(d, "dam-wire.md", "Wire Service", 5, &wire),
        write_article(d, "dam-copy.md", "Valley Courier", 6, &copy),
    ];
    let second = vec![
        write_article(d, "fair.md", "Harbour Post", 9, &[
            "The annual spring fair of Tolland opened on Saturday with a parade of farm machinery through the old market square and more than two hundred stalls.",
            "Organisers expect forty thousand visitors over the three days, twice as many as last year, after the fair moved to the larger showground by the ring road.",
            footer,
        ]),
        write_article(d, "bridge.md", "Coast Herald", 12, &[
            "Work on the new footbridge over the Kell estuary will start in August, the county council decided on Thursday after two years of planning disputes.",
            "The steel bridge, two hundred and ten metres long, is to link the ferry landing with the cycle path to Harwick and should open in the spring of next year.",
            footer,
        ]),
    ];
    let third = vec![write_article(d, "chess.md", "Board Games Monthly", 14, &[
        "A fourteen-year-old from Lisk won the national junior chess title on Sunday, beating the defending champion in a final game that lasted almost six hours.",
    ])];
    let all: Vec<PathBuf> = first.iter().chain(&second).chain(&third).cloned().collect();
    let at_once = run(&[all]);
    let (stepwise, reports) = in_batches(&d.join("w.db"), &[first, second, third]);
    let (once, steps) = (changes_by_path(&at_once, d), changes_by_path(&stepwise, d));
    assert_eq!(once, steps, "changes: one run vs three batches");
    let copy_changes = once.get("/dam-copy.md").cloned().unwrap_or_default();
    assert!(
        copy_changes
            .iter()
            .any(|c| c.contains("\"boilerplate\"") && c.contains("Dunmore")),
        "the recurring closing line is boilerplate: {copy_changes:?}"
    );
    // the unrelated last article is the only story explained again, and the only article digested
    // (the second batch digested the first story again: its closing line turned recurring)
    assert_eq!(reports[2].explained_stories, 1, "{:?}", reports[2]);
    assert_eq!(reports[2].digested, 1, "{:?}", reports[2]);
    assert!(reports[1].digested >= 4, "{:?}", reports[1]);
}

/// Dam and fair stories (a dispatch and a copy each), as paragraphs.
const DAM: [&str; 3] = [
    "Engineers at the Orvel dam on the Saskan river opened three sluice gates on Tuesday after a week of heavy rain raised the reservoir to its highest level in twenty years.",
    "The regional water board said the release would lift the river by half a metre in the town of Brenmoor, where sandbags were handed out to residents of the lower streets.",
    "Board chairman Ilse Varga said the dam itself was sound and that inspectors had found no damage to its walls or spillway.",
];
const FAIR: [&str; 3] = [
    "The annual spring fair of Tolland opened on Saturday with a parade of farm machinery through the old market square and more than two hundred stalls.",
    "Organisers expect forty thousand visitors over the three days, twice as many as last year, after the fair moved to the larger showground by the ring road.",
    "Fair director Joss Amberley said the new site had room for a second arena where sheepdog trials would run on each of the three afternoons.",
];

/// Adds `batches` one after the other (analysing after each) and in one run, and asserts both give
/// the same stories (members, storylines, every lineage edge with its confidence and reason) and
/// the same changes. File names sort in batch order, so both give every article the same id.
fn assert_batches_equal_one_run(d: &Path, batches: &[Vec<PathBuf>]) -> Vec<AnalyzeReport> {
    assert_batches_equal_one_run_with(d, batches, Config::default(), "w.db")
}

/// [`assert_batches_equal_one_run`] with `cfg` for the batches, into the store `db` in `d`.
fn assert_batches_equal_one_run_with(
    d: &Path,
    batches: &[Vec<PathBuf>],
    cfg: Config,
    db: &str,
) -> Vec<AnalyzeReport> {
    let all: Vec<PathBuf> = batches.iter().flatten().cloned().collect();
    let at_once = run(&[all]);
    let (stepwise, reports) = in_batches_with(&d.join(db), batches, cfg);
    assert_eq!(
        serde_json::to_string_pretty(&at_once.stories).unwrap(),
        serde_json::to_string_pretty(&stepwise.stories).unwrap(),
        "stories with lineage: one run vs batches"
    );
    assert_eq!(
        changes_by_path(&at_once, d),
        changes_by_path(&stepwise, d),
        "changes: one run vs batches"
    );
    reports
}

#[test]
fn an_article_bridging_two_stories_gives_what_one_run_gives() {
    // Two stories are analysed; a round-up then carries the lead paragraphs of both (it joins the
    // evidence components of both stories), and a later batch brings an unrelated article. The
    // stories the round-up touches are computed again; the untouched ones keep their lineage.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut dam_copy: Vec<&str> = DAM.to_vec();
    dam_copy.push("Residents can call the board's flood line at any hour for updates.");
    let mut fair_copy: Vec<&str> = FAIR[..2].to_vec();
    fair_copy.push("Tickets are sold at the gate and at the town library.");
    let first = vec![
        write_article(d, "1-dam-wire.md", "Wire Service", 5, &DAM),
        write_article(d, "1-dam-copy.md", "Valley Courier", 5, &dam_copy),
        write_article(d, "1-fair-wire.md", "Wire Service", 6, &FAIR),
        write_article(d, "1-fair-copy.md", "Harbour Post", 6, &fair_copy),
    ];
    let second = vec![write_article(
        d,
        "2-roundup.md",
        "County Digest",
        6,
        &[DAM[0], DAM[1], FAIR[0], FAIR[1]],
    )];
    let third = vec![write_article(d, "3-chess.md", "Board Games Monthly", 7, &[
        "A fourteen-year-old from Lisk won the national junior chess title on Sunday, beating the defending champion in a final game that lasted almost six hours.",
    ])];
    let reports = assert_batches_equal_one_run(d, &[first.clone(), second.clone(), third.clone()]);
    // the last batch touches neither story: both keep their lineage (and the round-up's, if it
    // joined one of them)
    assert!(reports[2].kept_lineage >= 2, "{:?}", reports[2]);
    // Clustered incrementally: the round-up joins both stories' components, which are clustered
    // again with it (five articles); the chess article touches none and is clustered alone.
    let reports =
        assert_batches_equal_one_run_with(d, &[first, second, third], always_incremental(), "inc.db");
    assert_eq!(reports[1].reclustered, Some(5), "{:?}", reports[1]);
    assert_eq!(reports[2].reclustered, Some(1), "{:?}", reports[2]);
}

#[test]
fn a_changed_member_has_its_story_lineage_computed_again() {
    // A story of three versions is analysed; then the copy is re-written (same path, its own edit
    // of a figure), so the story keeps its members but not its texts: its lineage and changes must
    // be those of one run over the final texts, not the stored ones.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let trimmed: Vec<&str> = DAM[..2].to_vec();
    let files = vec![
        write_article(d, "1-dam-wire.md", "Wire Service", 5, &DAM),
        write_article(d, "1-dam-copy.md", "Valley Courier", 6, &DAM),
        write_article(d, "1-dam-trim.md", "Coast Herald", 7, &trimmed),
        write_article(d, "1-fair-wire.md", "Wire Service", 6, &FAIR),
        write_article(d, "1-fair-copy.md", "Harbour Post", 6, &FAIR),
    ];
    let mut engine = Engine::open(&d.join("w.db"), Config::default()).unwrap();
    let inputs: Vec<Input> = files.iter().cloned().map(Input::Path).collect();
    engine.add(&inputs, &NoProgress).unwrap();
    engine.analyze(&NoProgress).unwrap();
    let before = engine.export(false).unwrap();
    let edited = DAM[1].replace("half a metre", "eighty centimetres");
    let copy = write_article(
        d,
        "1-dam-copy.md",
        "Valley Courier",
        6,
        &[DAM[0], &edited, DAM[2]],
    );
    let added = engine.add(&[Input::Path(copy)], &NoProgress).unwrap();
    assert_eq!(added.updated, 1, "{added:?}");
    let report = engine.analyze(&NoProgress).unwrap();
    let stepwise = engine.export(false).unwrap();
    let at_once = run(&[files]);
    assert_eq!(
        serde_json::to_string_pretty(&at_once.stories).unwrap(),
        serde_json::to_string_pretty(&stepwise.stories).unwrap(),
        "stories with lineage: one run vs an edit after the first analysis"
    );
    assert_eq!(changes_by_path(&at_once, d), changes_by_path(&stepwise, d));
    // the fair story was kept, the dam story (a changed member) computed again
    assert_eq!(report.kept_lineage, 1, "{report:?}");
    assert_ne!(
        serde_json::to_string(&before.stories).unwrap(),
        serde_json::to_string(&stepwise.stories).unwrap(),
        "the edit moves the dam story's lineage"
    );
}
