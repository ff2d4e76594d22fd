use serde::{Deserialize, Serialize};

use crate::{ArticleId, CharSpan};

/// A story's identifier, printed as `s17`: stories are numbered in the order of their first
/// article (see `wiretrace_stories::build_stories`), so articles added later append new stories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct StoryId(pub u32);

impl std::fmt::Display for StoryId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "s{}", self.0)
    }
}

impl std::str::FromStr for StoryId {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        s.strip_prefix('s')
            .unwrap_or(s)
            .parse::<u32>()
            .map(StoryId)
            .map_err(|_| format!("not a story id: {s:?} (expected s17 or 17)"))
    }
}

impl From<StoryId> for String {
    fn from(id: StoryId) -> String {
        id.to_string()
    }
}

impl TryFrom<String> for StoryId {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

/// The most likely source of one article inside its story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LineageEdge {
    /// The article.
    pub article: ArticleId,
    /// Its most likely source, `None` for an origin within the corpus.
    pub source: Option<ArticleId>,
    /// Confidence 0..=1 in this decision.
    pub confidence: f32,
    /// One sentence explaining the decision, for `wiretrace story`.
    #[serde(default)]
    pub reason: String,
    /// Whether a copy credits its source (`None` for an origin, and where not computed: the
    /// engine fills it in for the export and the story view).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<CreditStatus>,
}

/// Whether a copy names where its text comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CreditStatus {
    /// It names its source's outlet or the agency its source carries.
    Credited,
    /// It names neither, and its source carried no credit line either.
    Uncredited,
    /// Its source carried a credit line (an agency, an outlet) that the copy dropped.
    CreditRemoved,
}

impl CreditStatus {
    /// The export's spelling: `credited`, `uncredited`, `credit_removed`.
    pub fn as_str(&self) -> &'static str {
        match self {
            CreditStatus::Credited => "credited",
            CreditStatus::Uncredited => "uncredited",
            CreditStatus::CreditRemoved => "credit_removed",
        }
    }
}

/// One news event: its member articles and their lineage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// Story id.
    pub id: StoryId,
    /// Members, sorted by id.
    pub articles: Vec<ArticleId>,
    /// Storyline id shared with follow-up stories (`l` + smallest story number), if any.
    #[serde(default)]
    pub storyline: Option<String>,
    /// One edge per member.
    #[serde(default)]
    pub lineage: Vec<LineageEdge>,
}

/// The kind of a [`Change`], as named by the export schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// A quotation present in both, worded differently.
    QuoteAltered,
    /// A figure that differs (same quantity in other units is not a change).
    NumberChanged,
    /// A proper name spelt differently.
    NameVariant,
    /// Material with no support in the source.
    Added,
    /// Source material left out.
    Dropped,
    /// Non-article text kept in the page or injected into the body.
    Boilerplate,
}

impl ChangeKind {
    /// Returns the schema name, e.g. `quote_altered`.
    pub fn as_str(&self) -> &'static str {
        match self {
            ChangeKind::QuoteAltered => "quote_altered",
            ChangeKind::NumberChanged => "number_changed",
            ChangeKind::NameVariant => "name_variant",
            ChangeKind::Added => "added",
            ChangeKind::Dropped => "dropped",
            ChangeKind::Boilerplate => "boilerplate",
        }
    }
}

/// One typed difference between an article and its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// The article that changed.
    pub article: ArticleId,
    /// The source it is compared with (`None` for boilerplate found without a source).
    pub source: Option<ArticleId>,
    /// What kind of change.
    pub kind: ChangeKind,
    /// Text in the source (`None` for added and boilerplate).
    pub before: Option<String>,
    /// Text in the article (`None` for dropped).
    pub after: Option<String>,
    /// Where `after` sits in the article's text (for dropped: where the material would have stood).
    pub span: CharSpan,
    /// Where `before` sits in the source's text, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_span: Option<CharSpan>,
    /// For `added`: true when another member of the story carries this material (merged from
    /// elsewhere), false when none does (unsupported padding). `None` for other kinds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supported_elsewhere: Option<bool>,
    /// Extra detail, e.g. the speaker of an altered quote or the normalised quantities.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// For a drift (`quote_altered`, `number_changed`, `name_variant`): the article's copies, direct
    /// or not, whose text still has `after` at that place and not `before`, by id. This article is
    /// where they got it: their own changes (against their sources) do not show it. Empty for other
    /// kinds and when no copy carries it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub carried_by: Vec<ArticleId>,
    /// For a drift: other versions of the story, not copies of this article, that made the same
    /// change (same `before` and `after`) against their own sources. The wording then most likely
    /// entered in a common source missing from the corpus, so this article is not certainly where
    /// it first appeared.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub same_drift_in: Vec<ArticleId>,
}
