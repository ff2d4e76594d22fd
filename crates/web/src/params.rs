//! Query and path parameters, checked: a malformed value is a 400 with a message, never a panic.

use wiretrace_engine::views::{valid_date_filter, StoryQuery, MAX_PER_PAGE};

/// An id in a path that cannot name anything (a 404, not a 400: ids are looked up, not parsed).
#[derive(Debug, PartialEq, Eq)]
pub struct UnknownId(pub String);

/// A parameter that could not be read, with the reason.
#[derive(Debug, PartialEq, Eq)]
pub struct BadParam(pub String);

/// The longest text parameter accepted (a search, an outlet name): longer is not a real query.
pub const MAX_PARAM_CHARS: usize = 500;

/// The names the story list understands; any other is refused, so a typo is seen, not ignored.
const LIST_PARAMS: [&str; 9] = [
    "q", "outlet", "language", "date", "sort", "reverse", "page", "per_page", "all",
];

fn text(name: &str, v: &str) -> Result<Option<String>, BadParam> {
    if v.chars().count() > MAX_PARAM_CHARS {
        return Err(BadParam(format!(
            "{name} is longer than {MAX_PARAM_CHARS} characters"
        )));
    }
    Ok((!v.is_empty()).then(|| v.to_string()))
}

fn flag(name: &str, v: &str) -> Result<bool, BadParam> {
    match v {
        "1" | "true" | "yes" | "on" => Ok(true),
        "" | "0" | "false" | "no" | "off" => Ok(false),
        _ => Err(BadParam(format!("{name} must be true or false, not {v:?}"))),
    }
}

fn count(name: &str, v: &str, max: usize) -> Result<usize, BadParam> {
    match v.parse::<usize>() {
        Ok(n) if (1..=max).contains(&n) => Ok(n),
        _ => Err(BadParam(format!(
            "{name} must be a whole number from 1 to {max}, not {v:?}"
        ))),
    }
}

/// Reads a story list query (`q`, `outlet`, `language`, `date`, `sort`, `reverse`, `page`,
/// `per_page`, `all`).
pub fn story_query(raw: &[(String, String)]) -> Result<StoryQuery, BadParam> {
    let mut q = StoryQuery::default();
    let mut seen: Vec<&str> = Vec::new();
    for (k, v) in raw {
        if !LIST_PARAMS.contains(&k.as_str()) {
            return Err(BadParam(format!(
                "unknown parameter {k:?} (known: {})",
                LIST_PARAMS.join(", ")
            )));
        }
        if seen.contains(&k.as_str()) {
            return Err(BadParam(format!("parameter {k:?} given twice")));
        }
        seen.push(k);
        match k.as_str() {
            "q" => q.q = text(k, v)?,
            "outlet" => q.outlet = text(k, v)?,
            "language" => q.language = text(k, v)?,
            "date" => {
                if !v.is_empty() && !valid_date_filter(v) {
                    return Err(BadParam(format!(
                        "date must be YYYY, YYYY-MM or YYYY-MM-DD, not {v:?}"
                    )));
                }
                q.date = text(k, v)?;
            }
            "sort" => q.sort = v.parse().map_err(BadParam)?,
            "reverse" => q.reverse = flag(k, v)?,
            "all" => q.all = flag(k, v)?,
            "page" => q.page = count(k, v, u32::MAX as usize)?,
            "per_page" => q.per_page = count(k, v, MAX_PER_PAGE)?,
            _ => unreachable!("checked against LIST_PARAMS"),
        }
    }
    Ok(q)
}

/// Checks a story id in a path (`s17`); anything else is simply not found.
pub fn story_id(id: &str) -> Result<String, UnknownId> {
    shaped(id, 's')
}

/// Checks an article id in a path (`a17`).
pub fn article_id(id: &str) -> Result<String, UnknownId> {
    shaped(id, 'a')
}

fn shaped(id: &str, prefix: char) -> Result<String, UnknownId> {
    let digits = id.strip_prefix(prefix).unwrap_or("");
    if !digits.is_empty() && digits.len() <= 10 && digits.bytes().all(|b| b.is_ascii_digit()) {
        Ok(id.to_string())
    } else {
        Err(UnknownId(format!(
            "no {} {id:?}",
            if prefix == 's' { "story" } else { "article" }
        )))
    }
}

/// Reads the two article ids of a comparison (`a` and `b`, both required, ids like `a17`).
pub fn pair(raw: &[(String, String)]) -> Result<(String, String), BadParam> {
    let (mut a, mut b) = (None, None);
    for (k, v) in raw {
        let slot = match k.as_str() {
            "a" => &mut a,
            "b" => &mut b,
            _ => return Err(BadParam(format!("unknown parameter {k:?} (known: a, b)"))),
        };
        if slot.is_some() {
            return Err(BadParam(format!("parameter {k:?} given twice")));
        }
        let digits = v.strip_prefix('a').unwrap_or(v);
        if digits.is_empty() || digits.len() > 10 || !digits.bytes().all(|c| c.is_ascii_digit()) {
            return Err(BadParam(format!("{k} must be an article id like a17, not {v:?}")));
        }
        *slot = Some(format!("a{digits}"));
    }
    match (a, b) {
        (Some(a), Some(b)) => Ok((a, b)),
        _ => Err(BadParam(
            "compare needs both a and b (article ids like a17)".into(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn list_parameters_are_read_and_bad_ones_refused() {
        let q = story_query(&raw(&[
            ("outlet", "Daily"),
            ("page", "2"),
            ("sort", "time"),
            ("date", "2026-03"),
        ]))
        .unwrap();
        assert_eq!(
            (q.outlet.as_deref(), q.page, q.date.as_deref()),
            (Some("Daily"), 2, Some("2026-03"))
        );
        for bad in [
            ("page", "0"),
            ("page", "x"),
            ("per_page", "100000"),
            ("sort", "colour"),
            ("date", "March"),
            ("reverse", "maybe"),
            ("pgae", "1"),
        ] {
            assert!(story_query(&raw(&[bad])).is_err(), "{bad:?}");
        }
        assert!(story_query(&raw(&[("page", "1"), ("page", "2")])).is_err());
    }

    #[test]
    fn comparisons_need_two_article_ids() {
        assert_eq!(
            pair(&raw(&[("a", "a1"), ("b", "7")])).unwrap(),
            ("a1".into(), "a7".into())
        );
        assert!(pair(&raw(&[("a", "a1")])).is_err());
        assert!(pair(&raw(&[("a", "a1"), ("b", "<script>")])).is_err());
        assert!(article_id("a12").is_ok() && article_id("s12").is_err() && story_id("s3").is_ok());
    }
}
