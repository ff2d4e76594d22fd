//! What a new user meets: summaries that agree with the store, JSON errors, plain logs, help.

use crate::util::{corpus, Env, WIRE};

#[test]
fn analyze_reports_the_store_it_leaves() {
    let env = Env::new();
    env.write("in/a.txt", WIRE);
    env.write("in/b.txt", WIRE.replace("Monday", "Tuesday"));
    assert_eq!(env.run(&["add", "in"]).code(), 0);
    let again = env.run(&["analyze"]);
    let err = again.stderr();
    assert!(err.contains("nothing new to analyse"), "{err}");
    assert!(err.contains("1 story (1 with several versions)"), "{err}");
    let full = env.run(&["analyze", "--full"]);
    assert!(
        full.stderr().contains("re-analysed all 2 articles"),
        "{}",
        full.stderr()
    );
}

#[test]
fn with_json_a_fatal_error_is_a_json_object_on_stderr() {
    let env = Env::new();
    let run = env.run(&["stories", "--json"]);
    assert_eq!(run.code(), 2);
    let v: serde_json::Value = serde_json::from_str(run.stderr().trim()).expect("a JSON error");
    assert!(v["error"].as_str().unwrap().contains("no database"), "{v}");
    assert_eq!(v["exit"], 2);
    // without --json it stays a sentence
    assert!(env.run(&["stories"]).stderr().starts_with("error: "));
}

#[test]
fn logs_are_plain_text_off_a_terminal() {
    let env = Env::new();
    env.write("in/a.txt", WIRE);
    let run = env.run(&["-v", "add", "in"]);
    assert_eq!(run.code(), 0);
    let err = run.stderr();
    assert!(err.contains("INFO"), "{err}");
    assert!(!err.contains('\u{1b}'), "ANSI escape in piped logs: {err:?}");
}

#[test]
fn help_shows_examples_and_the_input_formats() {
    let env = Env::new();
    let main = env.run(&["--help"]).stdout();
    assert!(main.contains("Examples:") && main.contains(".warc.gz"), "{main}");
    for cmd in [
        "add", "analyze", "trace", "list", "show", "export", "diff", "stories", "story", "explain", "quotes",
        "stage", "import",
    ] {
        let help = env.run(&[cmd, "--help"]).stdout();
        assert!(help.contains("Example"), "`{cmd} --help` has no example:\n{help}");
    }
}

#[test]
fn an_empty_directory_says_why_nothing_was_added() {
    let env = Env::new();
    std::fs::create_dir_all(env.path("empty")).unwrap();
    let run = env.run(&["add", "empty"]);
    assert_eq!(run.code(), 1);
    assert!(run.stderr().contains("no input files found"), "{}", run.stderr());
}

#[test]
fn trace_without_out_says_nothing_is_kept() {
    let env = Env::new();
    let run = env.run(&["trace", corpus().to_str().unwrap()]);
    assert_eq!(run.code(), 0);
    assert!(run.stderr().contains("no export written"), "{}", run.stderr());
}

#[test]
fn a_story_header_reads_as_a_sentence() {
    let env = Env::new();
    env.write(
        "in/a.txt",
        "Quiet day\n\nNothing much happened in the small town of Kelby today at all.",
    );
    assert_eq!(env.run(&["add", "in"]).code(), 0);
    let out = env.run(&["story", "in/a.txt"]).stdout();
    let header = out.lines().nth(1).unwrap();
    assert_eq!(header, "1 article, no dates");
}

#[test]
fn a_storyline_id_names_its_stories() {
    let env = Env::new();
    assert_eq!(env.run(&["add", corpus().to_str().unwrap()]).code(), 0);
    let export = env.run(&["export"]).json();
    let line = export["stories"]
        .as_array()
        .unwrap()
        .iter()
        .find_map(|s| s["storyline"].as_str().map(str::to_string))
        .expect("the example corpus has a storyline");
    let run = env.run(&["story", &line]);
    let err = run.stderr();
    assert!(err.contains(&format!("{line} is a storyline of")), "{err}");
    assert!(err.contains("wiretrace story s"), "{err}");
}

#[test]
fn text_that_is_not_utf8_is_read_with_a_warning() {
    let env = Env::new();
    // "Café in Kelby" in a legacy single-byte encoding, no declaration.
    env.write(
        "in/a.txt",
        b"Caf\xe9 in Kelby\n\nThe caf\xe9 on the quay reopened on Monday after the storm.\n".as_slice(),
    );
    let run = env.run(&["add", "in"]);
    assert_eq!(run.code(), 0);
    let err = run.stderr();
    assert!(
        err.contains("a.txt: not UTF-8 and no charset declared; read as"),
        "{err}"
    );
    let show = env.run(&["show", "in/a.txt", "--json"]).json();
    assert!(show["metadata"]["charset_guessed"].is_string(), "{show}");
}
