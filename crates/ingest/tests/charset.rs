//! Text in legacy charsets is decoded to UTF-8.

use crate::util::one;

#[test]
fn windows_1252_text_without_declaration() {
    let a = one("cp1252.txt");
    assert_eq!(
        a.title.as_deref(),
        Some("Prices rise at \u{201c}corner shops\u{201d}")
    );
    assert_eq!(
        a.text,
        "The price of bread rose by 5% in cafés and corner shops \u{2013} the third rise this year, the statistics office said."
    );
}

#[test]
fn windows_1252_meta_charset_in_french_html() {
    let a = one("cp1252.html");
    assert_eq!(a.title.as_deref(), Some("Le pont fermé"));
    assert_eq!(
        a.text,
        "« Nous n\u{2019}avions pas le choix », a déclaré le maire mardi \u{2026}"
    );
    assert_eq!(a.language.as_deref(), Some("fr"));
}

#[test]
fn iso_8859_1_http_equiv_charset() {
    let a = one("latin1.html");
    assert_eq!(a.title.as_deref(), Some("Café reopens"));
    assert_eq!(
        a.text,
        "The café on Rua da Saúde reopened on Saturday, its owner José said."
    );
}

#[test]
fn utf8_bom_and_utf16() {
    let out = wiretrace_ingest::read_bytes(
        &Default::default(),
        "bom.txt",
        "\u{feff}Title\n\nBody text.".as_bytes(),
    );
    let a = out[0].as_ref().unwrap();
    assert_eq!(a.title.as_deref(), Some("Title"));
    let mut utf16 = vec![0xff, 0xfe];
    for u in "Titre\n\nCorps du texte.".encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let out = wiretrace_ingest::read_bytes(&Default::default(), "u16.txt", &utf16);
    assert_eq!(out[0].as_ref().unwrap().text, "Corps du texte.");
}
