//! Directory walks: recursive, sorted, hidden files skipped, symlink loops harmless.

use std::path::PathBuf;

use wiretrace_ingest::discover;

#[test]
fn walks_sorted_and_skips_hidden() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("b/c")).unwrap();
    std::fs::create_dir_all(root.join(".git")).unwrap();
    for f in [
        "b/c/3.html",
        "b/2.md",
        "1.txt",
        ".hidden.txt",
        ".git/config",
        "notes.csv",
    ] {
        std::fs::write(root.join(f), "x").unwrap();
    }
    let (files, errors) = discover(&[root.to_path_buf()]);
    assert!(errors.is_empty());
    let rel: Vec<PathBuf> = files
        .iter()
        .map(|f| f.strip_prefix(root).unwrap().to_path_buf())
        .collect();
    // Unknown files are listed (they become "unknown format" errors when read), hidden ones are not.
    assert_eq!(
        rel,
        vec![
            PathBuf::from("1.txt"),
            "b/2.md".into(),
            "b/c/3.html".into(),
            "notes.csv".into()
        ]
    );
}

#[test]
fn missing_paths_are_errors_and_stdin_passes_through() {
    let (files, errors) = discover(&[PathBuf::from("-"), PathBuf::from("/no/such/dir/x")]);
    assert_eq!(files, vec![PathBuf::from("-")]);
    assert_eq!(errors.len(), 1);
    assert!(errors[0].to_string().ends_with("no such file or directory"));
}

#[cfg(unix)]
#[test]
fn symlink_loops_end() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("a")).unwrap();
    std::fs::write(root.join("a/story.txt"), "x").unwrap();
    std::os::unix::fs::symlink(root, root.join("a/loop")).unwrap();
    let (files, _errors) = discover(&[root.to_path_buf()]);
    assert_eq!(files, vec![root.join("a/story.txt")]);
}

#[test]
fn duplicates_collapse() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("x.txt");
    std::fs::write(&f, "x").unwrap();
    let (files, _) = discover(&[f.clone(), dir.path().to_path_buf(), f.clone()]);
    assert_eq!(files, vec![f]);
}
