//! Saved news pages (`.html`, `.htm`): the article text is extracted with a readability
//! algorithm (`dom_smoothie`, a port of Mozilla's readability.js), so a folder of pages saved
//! from a browser can be read as it is.
//!
//! * text: the article's paragraphs, one per line with a blank line between them;
//! * title: the page's article title;
//! * date: the published time of the page's metadata (`article:published_time`, JSON-LD
//!   `datePublished`, …), else a dateline at the start of the text;
//! * place: the text's dateline (`BEIJING (Reuters) -`);
//! * url: JSON-LD's URL, else `<link rel="canonical">`, else `og:url`; source: the site name.
//!
//! A page in which no article text can be found gives a [`Warning`] naming the file; no input
//! makes the reader panic.

use chrono::NaiveDate;
use dom_smoothie::{Config, Readability, TextMode};

use crate::readers::plain::parse_dateline;
use crate::readers::Warning;
use dyad_model::{Document, Origin};

/// The paragraphs of extracted text: lines trimmed, runs of blank lines made one.
fn tidy(text: &str) -> String {
    let mut out = String::new();
    let mut blank = false;
    for line in text.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        out.push_str(&line);
        blank = false;
    }
    out
}

/// YYYY-MM-DD at the start of an ISO 8601 time (`2025-12-04T08:30:00Z`).
fn iso_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim().get(..10)?, "%Y-%m-%d").ok()
}

/// The value of `attr` in the first element matching `selector`.
fn attr_of(html: &str, selector: &str, attr: &str) -> Option<String> {
    let doc = dom_query::Document::from(html);
    let sel = doc.try_select(selector)?;
    sel.attr(attr)
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// Read one saved page. `file` is the path as given, `name` the file name (the document id).
pub fn read_html(html: &str, file: &str, name: &str) -> Result<Document, Warning> {
    let extract = || -> Result<(dom_smoothie::Article, Option<String>), String> {
        let cfg = Config {
            text_mode: TextMode::Formatted,
            ..Config::default()
        };
        let mut r = Readability::new(html, None, Some(cfg)).map_err(|e| e.to_string())?;
        let article = r.parse().map_err(|e| e.to_string())?;
        let url = article
            .url
            .clone()
            .or_else(|| attr_of(html, "link[rel=canonical]", "href"))
            .or_else(|| attr_of(html, "meta[property=\"og:url\"]", "content"));
        Ok((article, url))
    };
    let (article, url) = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(extract)) {
        Ok(Ok(found)) => found,
        Ok(Err(e)) => {
            return Err(Warning::new(
                file,
                1,
                format!("no article text found in this HTML page ({e}); skipped"),
            ))
        }
        Err(_) => {
            return Err(Warning::new(
                file,
                1,
                "this HTML page could not be read (the extractor failed); skipped",
            ))
        }
    };
    let text = tidy(&article.text_content);
    if text.is_empty() {
        return Err(Warning::new(
            file,
            1,
            "no article text found in this HTML page; skipped",
        ));
    }
    let dl = parse_dateline(&text);
    let title = article.title.trim();
    Ok(Document {
        id: name.to_string(),
        date: article
            .published_time
            .as_deref()
            .and_then(iso_date)
            .or(dl.date),
        dateline_place: dl.place,
        body_start: dl.body_start,
        title: (!title.is_empty()).then(|| title.to_string()),
        url,
        source: article.site_name.filter(|s| !s.trim().is_empty()),
        origin: Origin {
            file: file.to_string(),
            line: 1,
        },
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html><head>
<title>Macron meets Xi in Beijing | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2025-12-04T08:30:00Z">
<link rel="canonical" href="https://news.example.com/2025/12/04/macron-xi">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Macron meets Xi in Beijing</h1>
<p>BEIJING (Reuters) - French President Emmanuel Macron met with China's Xi Jinping on
Thursday morning in the Great Hall of the People, the two leaders said in a joint statement
after talks that lasted more than two hours.</p>
<p>Xi said China was ready to work with France to deepen cooperation in trade, aviation and
nuclear energy, and the two governments signed a dozen agreements during the visit.</p>
<p>Macron urged Beijing to use its influence with Moscow to help end the war in Ukraine,
and said Europe wanted a fairer trading relationship with China.</p>
</article>
<footer>Copyright Example News</footer>
</body></html>"#;

    #[test]
    fn saved_page() {
        let d = read_html(PAGE, "pages/macron.html", "macron.html").expect("article");
        assert_eq!(d.id, "macron.html");
        assert!(
            d.text.starts_with("BEIJING (Reuters) - French President"),
            "{}",
            d.text
        );
        assert!(d.text.contains("\n\nXi said China"), "{}", d.text);
        assert!(!d.text.contains("Home"), "{}", d.text);
        assert!(!d.text.contains("Copyright"), "{}", d.text);
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2025, 12, 4));
        assert_eq!(d.dateline_place.as_deref(), Some("BEIJING"));
        assert!(d.title.as_deref().unwrap_or("").contains("Macron meets Xi"));
        assert_eq!(
            d.url.as_deref(),
            Some("https://news.example.com/2025/12/04/macron-xi")
        );
        assert_eq!(d.source.as_deref(), Some("Example News"));
    }

    #[test]
    fn bad_pages_warn() {
        for bad in [
            "",
            "<html><body></body></html>",
            "<<<>>>\u{0}\u{feff}<p",
            "not html at all",
        ] {
            let r = read_html(bad, "x/bad.html", "bad.html");
            if let Err(w) = r {
                assert_eq!(w.file, "x/bad.html");
            }
        }
        let w = read_html("<html><body></body></html>", "x/bad.html", "bad.html")
            .expect_err("empty page");
        assert!(w.message.contains("no article text"), "{w}");
    }

    #[test]
    fn tidy_paragraphs() {
        assert_eq!(tidy("  a  b \n\n\n c\nd\n"), "a b\n\nc\nd");
    }
}
