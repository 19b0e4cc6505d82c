//! Issue coding (`Phoenix.IssueCoding.txt`): phrases that tag a sentence with an issue such as
//! `ID_ATROCITY`. See FORMATS.md §2.5.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuePhrase {
    /// Every expanded phrase (singular/plural for `n:`, verb forms for `v:`, blank and hyphen
    /// variants for `+`), as normalised words.
    pub phrases: Vec<Vec<String>>,
    /// The issue code; empty for `~` ignore phrases.
    pub code: String,
    /// `~`: a phrase that, when found, suppresses shorter matches inside it.
    pub ignore: bool,
    /// The enclosing `<ISSUE CATEGORY=...>` if any.
    pub category: Option<String>,
    pub line: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IssueDictionary {
    pub entries: Vec<IssuePhrase>,
}
