//! Bytes in any charset → UTF-8 text, and the binary-data check.
//!
//! Input: the raw bytes of a text-like input and, when known, a declared charset (HTTP `Content-Type`,
//! `<meta charset>`). Output: a `String`, or the reason it is not text.
//!
//! Method, in order: a byte-order mark (UTF-8, UTF-16LE/BE) wins; then valid UTF-8 is taken as UTF-8 —
//! even when a legacy single-byte charset is declared, since multi-byte UTF-8 sequences almost never
//! occur by chance in Latin-1/Windows-1252 text and mislabelled pages are common; then the declared
//! charset (any WHATWG label, via `encoding_rs`; ISO-8859-1 is read as Windows-1252 as browsers do);
//! then the legacy encoding `chardetng` (Firefox's detector) guesses from the bytes: Windows-1250 for
//! an undeclared Romanian or Polish page, Windows-1251 for Russian, Windows-1252 when nothing points
//! elsewhere. Decoding never fails: a wrong guess garbles letters, it does not lose text.
//!
//! Binary data: a NUL byte outside UTF-16, or more than 10% control characters in the first 8 KiB,
//! makes the input "not valid text (binary data)".
//!
//! # Example
//! ```
//! // Windows-1252 "café" without any declaration.
//! let text = wiretrace_ingest::decode_text(b"caf\xe9", None).unwrap();
//! assert_eq!(text, "café");
//! ```

use encoding_rs::{Encoding, UTF_8};

/// Returns the bytes decoded to UTF-8, or `Err("not valid text (binary data)")`.
///
/// `declared` is a charset label from outside the bytes (HTTP header, meta tag); see the module doc for
/// the precedence.
///
/// # Example
/// ```
/// assert_eq!(wiretrace_ingest::decode_text("été".as_bytes(), Some("iso-8859-1")).unwrap(), "été");
/// assert_eq!(wiretrace_ingest::decode_text(b"\xe9t\xe9", Some("iso-8859-1")).unwrap(), "été");
/// assert!(wiretrace_ingest::decode_text(b"\x00\x01\x02\x03binary", None).is_err());
/// ```
///
/// # Errors
/// `"not valid text (binary data)"` when the bytes look binary.
pub fn decode_text(bytes: &[u8], declared: Option<&str>) -> Result<String, &'static str> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(text.into_owned());
    }
    if looks_binary(bytes) {
        return Err("not valid text (binary data)");
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_string());
    }
    if mostly_utf8(bytes) {
        return Ok(decode_mixed_utf8(bytes));
    }
    let enc = declared
        .and_then(|l| Encoding::for_label(l.trim().trim_matches(|c| c == '"' || c == '\'').as_bytes()))
        .filter(|e| *e != UTF_8 && e.is_ascii_compatible())
        .unwrap_or_else(|| guess_legacy(bytes));
    let (text, _, _) = enc.decode(bytes);
    Ok(text.into_owned())
}

/// How many valid multi-byte UTF-8 characters a text needs per invalid byte to be read as UTF-8 with a
/// few stray legacy bytes (a page saved in UTF-8 with one pasted Latin-1 word) rather than as a legacy
/// encoding, which would garble every other non-ASCII letter of the page.
const MIXED_UTF8_MIN_RATIO: usize = 4;

/// True when the bytes are UTF-8 but for a few invalid bytes (see [`MIXED_UTF8_MIN_RATIO`]).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid_multi, mut invalid) = (0usize, 0usize);
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                valid_multi += s.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(e) => {
                let (ok, after) = rest.split_at(e.valid_up_to());
                valid_multi +=
                    std::str::from_utf8(ok).map_or(0, |s| s.chars().filter(|c| !c.is_ascii()).count());
                let bad = e.error_len().unwrap_or(after.len());
                invalid += bad;
                rest = &after[bad..];
            }
        }
    }
    valid_multi >= invalid * MIXED_UTF8_MIN_RATIO
}

/// UTF-8 text whose invalid bytes are read as Windows-1252 (the usual stray legacy bytes).
fn decode_mixed_utf8(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                return out;
            }
            Err(e) => {
                let (ok, after) = rest.split_at(e.valid_up_to());
                out.push_str(std::str::from_utf8(ok).unwrap_or_default());
                let bad = e.error_len().unwrap_or(after.len());
                let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&after[..bad]);
                out.push_str(&text);
                rest = &after[bad..];
            }
        }
    }
}

/// The legacy encoding [`decode_text`] guessed for `bytes`, when it had to guess: not UTF-8, no
/// byte-order mark and no usable declared charset. Front ends warn about such inputs, since a wrong
/// guess garbles letters silently.
pub(crate) fn guessed_encoding(bytes: &[u8], declared: Option<&str>) -> Option<&'static str> {
    if Encoding::for_bom(bytes).is_some() || std::str::from_utf8(bytes).is_ok() || mostly_utf8(bytes) {
        return None;
    }
    let usable = declared
        .and_then(|l| Encoding::for_label(l.trim().trim_matches(|c| c == '"' || c == '\'').as_bytes()))
        .is_some_and(|e| e != UTF_8 && e.is_ascii_compatible());
    (!usable).then(|| guess_legacy(bytes).name())
}

/// The legacy (non-UTF-8) encoding chardetng guesses for undeclared bytes.
fn guess_legacy(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Deny)
}

/// True when the bytes look like binary data rather than text (see the module doc).
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.is_empty() {
        return false;
    }
    if memchr_nul(head) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    controls * 10 > head.len()
}

fn memchr_nul(b: &[u8]) -> bool {
    b.contains(&0)
}

/// Returns the charset declared in the first bytes of an HTML or XML document
/// (`<meta charset=…>`, `<meta http-equiv content="…; charset=…">`, `<?xml … encoding="…"?>`).
pub(crate) fn sniff_declared(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    for key in [&b"charset="[..], &b"encoding="[..]] {
        if let Some(pos) = find(&lower, key) {
            let rest = &lower[pos + key.len()..];
            let rest = rest
                .strip_prefix(b"\"")
                .or_else(|| rest.strip_prefix(b"'"))
                .unwrap_or(rest);
            let end = rest
                .iter()
                .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
                .unwrap_or(rest.len());
            if end > 0 {
                return Some(String::from_utf8_lossy(&rest[..end]).into_owned());
            }
        }
    }
    None
}

/// Returns the charset parameter of an HTTP `Content-Type` value.
pub(crate) fn charset_of_content_type(ct: &str) -> Option<String> {
    let lower = ct.to_ascii_lowercase();
    let pos = lower.find("charset=")?;
    let v = lower[pos + 8..].trim_start_matches(['"', '\'']);
    let end = v
        .find(|c: char| c == ';' || c == '"' || c == '\'' || c.is_whitespace())
        .unwrap_or(v.len());
    (end > 0).then(|| v[..end].to_string())
}

pub(crate) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    // Scan for the first byte, then compare: far cheaper than a memcmp per window.
    let first = needle[0];
    let last_start = hay.len() - needle.len();
    let mut i = 0;
    while i <= last_start {
        match hay[i..=last_start].iter().position(|&b| b == first) {
            Some(p) => {
                let at = i + p;
                if &hay[at..at + needle.len()] == needle {
                    return Some(at);
                }
                i = at + 1;
            }
            None => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_wins() {
        assert_eq!(decode_text(b"\xef\xbb\xbfhi", Some("latin1")).unwrap(), "hi");
        assert_eq!(decode_text(b"\xff\xfeh\x00i\x00", None).unwrap(), "hi");
    }

    #[test]
    fn utf8_with_a_stray_legacy_byte_stays_utf8() {
        // A UTF-8 page with one word pasted in Latin-1: the UTF-8 letters must not turn into mojibake.
        let mut bytes = "Grüße aus Köln, schöne Straße, Bäcker, Größe. "
            .as_bytes()
            .to_vec();
        bytes.extend_from_slice(b"Gr\xfcn");
        let text = decode_text(&bytes, Some("utf-8")).unwrap();
        assert_eq!(text, "Grüße aus Köln, schöne Straße, Bäcker, Größe. Grün");
        assert_eq!(guessed_encoding(&bytes, Some("utf-8")), None);
        // Mostly legacy bytes are still read as a legacy encoding.
        assert_eq!(
            decode_text(b"M\xfcller und S\xf6hne", None).unwrap(),
            "Müller und Söhne"
        );
    }

    #[test]
    fn declared_legacy_charsets_decode() {
        assert_eq!(
            decode_text(b"\x93quoted\x94", Some("windows-1252")).unwrap(),
            "\u{201c}quoted\u{201d}"
        );
        assert_eq!(decode_text(b"na\xefve", Some("ISO-8859-1")).unwrap(), "naïve");
        assert_eq!(decode_text(b"\xe0\xe8", Some("iso-8859-2")).unwrap(), "ŕč");
    }

    #[test]
    fn undeclared_legacy_encodings_are_guessed_per_script() {
        // The same wire story's versions, saved by outlets in their local legacy encodings with no
        // declaration: each must come back letter for letter. (Legacy Romanian writes ş and ţ with a
        // cedilla: Windows-1250 has no comma-below letters.)
        let texts = [
            (
                encoding_rs::WINDOWS_1250,
                "Ministrul a declarat că măsurile vor intra în vigoare până la sfârşitul săptămânii, \
                 iar şcolile din judeţ rămân închise. Preşedintele consiliului judeţean a confirmat ştirea.",
            ),
            (
                encoding_rs::ISO_8859_2,
                "Minister powiedział, że przepisy wejdą w życie do końca tygodnia, a szkoły w województwie \
                 pozostaną zamknięte. Przewodniczący sejmiku potwierdził tę wiadomość w piątek.",
            ),
            (
                encoding_rs::WINDOWS_1251,
                "Министр заявил, что меры вступят в силу до конца недели, а школы в области останутся \
                 закрытыми. Председатель совета подтвердил эту новость в пятницу.",
            ),
            (
                encoding_rs::WINDOWS_1252,
                "Le ministre a déclaré que les mesures entreront en vigueur d'ici la fin de la semaine, \
                 et que les écoles du département resteront fermées. «Nous n'avons pas le choix», a-t-il dit.",
            ),
        ];
        for (enc, text) in texts {
            let (bytes, _, unmappable) = enc.encode(text);
            assert!(!unmappable, "{} cannot encode the sample", enc.name());
            assert!(std::str::from_utf8(&bytes).is_err());
            assert_eq!(decode_text(&bytes, None).unwrap(), text, "{}", enc.name());
        }
    }

    #[test]
    fn binary_is_refused() {
        assert!(decode_text(b"PK\x03\x04\x00\x00", None).is_err());
        assert!(looks_binary(&[1, 2, 3, 4, 5, 6, 7, 8]));
        assert!(!looks_binary(b"plain text\n"));
    }

    #[test]
    fn sniffs_meta_and_xml_declarations() {
        assert_eq!(
            sniff_declared(b"<meta charset=\"ISO-8859-1\">").as_deref(),
            Some("iso-8859-1")
        );
        assert_eq!(
            sniff_declared(b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">")
                .as_deref(),
            Some("windows-1252")
        );
        assert_eq!(
            sniff_declared(b"<?xml version=\"1.0\" encoding='UTF-8'?>").as_deref(),
            Some("utf-8")
        );
        assert_eq!(
            charset_of_content_type("text/html; charset=\"utf-8\"").as_deref(),
            Some("utf-8")
        );
    }
}
