use unicode_normalization::UnicodeNormalization;

/// Returns the canonical form of an article's text.
///
/// NFC; `\r\n` and `\r` become `\n`; control and zero-width characters are dropped; runs of spaces,
/// tabs and no-break spaces become one space; single newlines inside a paragraph become spaces;
/// paragraphs (separated by one or more blank lines) are joined with exactly `"\n\n"`; leading and
/// trailing whitespace is trimmed. Applying it twice changes nothing.
///
/// # Example
/// ```
/// assert_eq!(wiretrace_text::normalize("a\u{00A0} b\nc\n \nd"), "a b c\n\nd");
/// ```
pub fn normalize(raw: &str) -> String {
    let nfc: String = raw.nfc().collect();
    let mut out = String::with_capacity(nfc.len());
    let mut paragraph = String::new();
    let unix = nfc.replace("\r\n", "\n").replace('\r', "\n");
    for block in split_paragraphs(&unix) {
        paragraph.clear();
        let mut pending_space = false;
        for ch in block.chars() {
            if ch.is_whitespace() {
                pending_space = !paragraph.is_empty();
                continue;
            }
            if is_invisible(ch) {
                continue;
            }
            if pending_space {
                paragraph.push(' ');
                pending_space = false;
            }
            paragraph.push(ch);
        }
        if paragraph.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&paragraph);
    }
    out
}

fn split_paragraphs(text: &str) -> impl Iterator<Item = &str> {
    // A paragraph ends at a line that holds only whitespace.
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut offset = 0;
        let mut lines = rest.split_inclusive('\n');
        for line in lines.by_ref() {
            if line.trim().is_empty() && offset > 0 {
                let para = &rest[..offset];
                rest = &rest[offset + line.len()..];
                return Some(para);
            }
            offset += line.len();
        }
        let para = rest;
        rest = "";
        Some(para)
    })
}

fn is_invisible(ch: char) -> bool {
    matches!(
        ch,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    ) || (ch.is_control() && ch != '\n' && ch != '\t')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_kept_and_lines_joined() {
        let raw = "Title line\ncontinues\n\n\n  Second\tpara  \n \n\nThird";
        assert_eq!(normalize(raw), "Title line continues\n\nSecond para\n\nThird");
    }

    #[test]
    fn normalising_is_idempotent() {
        let raw = "e\u{0301}t\u{00E9}\u{200B}!\r\n\r\nnext\u{00A0}\u{00A0}word";
        let once = normalize(raw);
        assert_eq!(once, "étété!\n\nnext word".replacen("étété", "été", 1));
        assert_eq!(normalize(&once), once);
    }

    #[test]
    fn empty_and_blank_input_give_empty_text() {
        assert_eq!(normalize(""), "");
        assert_eq!(normalize(" \n\n\t\n"), "");
    }
}
