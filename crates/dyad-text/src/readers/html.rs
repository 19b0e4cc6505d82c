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
//!
//! What extraction may cost is bounded before it starts: the readability pass grows much faster
//! than the page's nesting (2,000 nested `<div>` took 1.7 s, 16,000 more than a minute), so a
//! page nested deeper than [`MAX_DEPTH`] elements, with more than [`MAX_ELEMENTS`] elements or
//! more than [`MAX_PAGE_BYTES`] bytes is skipped with a warning naming the file. The page is
//! parsed once and measured on that tree; since the parser itself slows down with the depth of
//! open elements (100,000 nested `<div>`: 25 s), a scan of the tags first estimates that depth
//! and a page past [`MAX_OPEN_TAGS`] is skipped without being parsed.

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

/// The deepest nesting of elements a page may have (real news pages nest 20–60 deep).
pub const MAX_DEPTH: usize = 256;
/// The most elements a page may have (a long news page has a few thousand).
pub const MAX_ELEMENTS: usize = 100_000;
/// The largest page read, in bytes (10 MB; news pages are rarely over 2 MB).
pub const MAX_PAGE_BYTES: usize = 10_000_000;

/// The most elements a page may leave open at once, as [`open_tags`] estimates it before parsing
/// (parsing 2,000 nested elements takes 10 ms, 4,000 30 ms, and it grows with the square).
pub const MAX_OPEN_TAGS: usize = 2_000;

/// An estimate of the deepest nesting of elements in `html`, from its tags alone: start tags
/// open, end tags close; void elements, those whose end tag may be left out (`p`, `li`, `td`, …)
/// and self-closed tags do not count; comments and the text of `script`, `style`, `textarea`
/// and `title` are passed over. Linear in the page's bytes.
pub fn open_tags(html: &str) -> usize {
    const NOT_COUNTED: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "param", "keygen", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td",
        "th", "tbody", "thead", "tfoot", "rt", "rp", "colgroup", "caption", "html", "head", "body",
    ];
    const RAW: &[&str] = &["script", "style", "textarea", "title"];
    let b = html.as_bytes();
    let (mut i, mut open, mut deepest) = (0usize, 0usize, 0usize);
    while let Some(k) = b[i..].iter().position(|&c| c == b'<') {
        i += k + 1;
        if b[i..].starts_with(b"!--") {
            i = html[i..].find("-->").map_or(b.len(), |e| i + e + 3);
            continue;
        }
        let close = b.get(i) == Some(&b'/');
        let start = i + usize::from(close);
        let end = b[start..]
            .iter()
            .position(|c| !c.is_ascii_alphanumeric())
            .map_or(b.len(), |e| start + e);
        if end == start || !b[start].is_ascii_alphabetic() {
            continue;
        }
        let name = html[start..end].to_ascii_lowercase();
        let tag_end = b[end..]
            .iter()
            .position(|&c| c == b'>')
            .map_or(b.len(), |e| end + e);
        let self_closed = tag_end > end && b[tag_end - 1] == b'/';
        i = tag_end.min(b.len());
        if NOT_COUNTED.contains(&name.as_str()) || self_closed {
            continue;
        }
        if close {
            open = open.saturating_sub(1);
        } else if RAW.contains(&name.as_str()) {
            let lower_close = format!("</{name}");
            // raw text runs to its end tag, whatever the case
            i = html[i..]
                .char_indices()
                .find(|&(j, _)| {
                    html.as_bytes()[i + j..]
                        .get(..lower_close.len())
                        .is_some_and(|t| t.eq_ignore_ascii_case(lower_close.as_bytes()))
                })
                .map_or(b.len(), |(j, _)| i + j);
        } else {
            open += 1;
            deepest = deepest.max(open);
        }
    }
    deepest
}

/// The deepest nesting of elements under `root`, walked with a stack (no recursion), stopping
/// as soon as it passes `limit`.
fn depth_of(root: dom_query::NodeRef, limit: usize) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(root, 0usize)];
    while let Some((node, depth)) = stack.pop() {
        let depth = depth + usize::from(node.is_element());
        deepest = deepest.max(depth);
        if deepest > limit {
            break;
        }
        let mut child = node.first_child();
        while let Some(c) = child {
            child = c.next_sibling();
            stack.push((c, depth));
        }
    }
    deepest
}

/// Why a page is too costly to extract, if it is.
fn too_costly(doc: &dom_query::Document) -> Option<String> {
    let depth = depth_of(doc.root(), MAX_DEPTH);
    if depth > MAX_DEPTH {
        return Some(format!(
            "this HTML page nests its elements more than {MAX_DEPTH} deep; skipped (reading \
             it would take too long)"
        ));
    }
    let elements = doc
        .root()
        .descendants_it()
        .filter(|n| n.is_element())
        .count();
    if elements > MAX_ELEMENTS {
        return Some(format!(
            "this HTML page has {elements} elements, more than the limit of {MAX_ELEMENTS}; \
             skipped"
        ));
    }
    None
}

/// Read one saved page. `file` is the path as given, `name` the file name (the document id).
pub fn read_html(html: &str, file: &str, name: &str) -> Result<Document, Warning> {
    if html.len() > MAX_PAGE_BYTES {
        return Err(Warning::new(
            file,
            1,
            format!(
                "this HTML page has {} bytes, more than the limit of {MAX_PAGE_BYTES}; skipped",
                html.len()
            ),
        ));
    }
    let open = open_tags(html);
    if open > MAX_OPEN_TAGS {
        return Err(Warning::new(
            file,
            1,
            format!(
                "this HTML page leaves {open} elements open at once, more than the limit of \
                 {MAX_OPEN_TAGS}; skipped (reading it would take too long)"
            ),
        ));
    }
    let parsed = std::panic::catch_unwind(|| dom_query::Document::from(html));
    let doc = match parsed {
        Ok(doc) => doc,
        Err(_) => {
            return Err(Warning::new(
                file,
                1,
                "this HTML page could not be read (the parser failed); skipped",
            ))
        }
    };
    if let Some(why) = too_costly(&doc) {
        return Err(Warning::new(file, 1, why));
    }
    let extract = move || -> Result<(dom_smoothie::Article, Option<String>), String> {
        let cfg = Config {
            text_mode: TextMode::Formatted,
            ..Config::default()
        };
        let mut r = Readability::with_document(doc, None, Some(cfg)).map_err(|e| e.to_string())?;
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

    /// A page whose paragraph `text` lies inside `depth` nested `<div>`.
    fn nested(depth: usize, text: &str) -> String {
        format!(
            "<html><body>{}<p>{text}</p>{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        )
    }

    /// Issue 21: 100,000 nested `<div>` made the extraction run for minutes; now the page is
    /// refused at once with a warning naming it.
    #[test]
    fn a_deeply_nested_page_is_refused_quickly_with_a_warning() {
        let page = nested(100_000, "Russia attacked Ukraine.");
        let t = std::time::Instant::now();
        let w = read_html(&page, "x/n.html", "n.html").expect_err("refused");
        assert_eq!(w.file, "x/n.html");
        assert!(w.message.contains("elements open at once"), "{w}");
        assert!(t.elapsed().as_secs() < 5, "took {:?}", t.elapsed());
        // nested less than the scan's limit, deeper than the tree's
        let page = nested(1_000, "Russia attacked Ukraine.");
        let w = read_html(&page, "x/n.html", "n.html").expect_err("refused");
        assert!(w.message.contains("nests its elements more than"), "{w}");
        // a page nested a little is read as before
        let page = nested(50, "Russia attacked Ukraine on Monday, officials said.");
        let d = read_html(&page, "x/n.html", "n.html").expect("read");
        assert!(d.text.contains("Russia attacked Ukraine"), "{}", d.text);
    }

    #[test]
    fn open_tags_counts_what_stays_open() {
        assert_eq!(open_tags("<div><div></div><span>x</span></div>"), 2);
        assert_eq!(open_tags("<p>a<p>b<li>c<br><img src=x><hr/>"), 0);
        assert_eq!(open_tags("<script><div><div></script><div>"), 1);
        assert_eq!(open_tags("<!-- <div><div> --><DIV>"), 1);
        assert_eq!(open_tags("<x/>< <1 </ <"), 0);
        assert_eq!(open_tags("<style>é<div></STYLE"), 0);
    }

    #[test]
    fn a_page_of_too_many_elements_or_bytes_is_refused() {
        let page = format!(
            "<html><body>{}</body></html>",
            "<p>a</p>".repeat(MAX_ELEMENTS)
        );
        let w = read_html(&page, "x/w.html", "w.html").expect_err("refused");
        assert!(w.message.contains("elements, more than the limit"), "{w}");
        let page = "a".repeat(MAX_PAGE_BYTES + 1);
        let w = read_html(&page, "x/b.html", "b.html").expect_err("refused");
        assert!(w.message.contains("bytes, more than the limit"), "{w}");
    }

    #[test]
    fn tidy_paragraphs() {
        assert_eq!(tidy("  a  b \n\n\n c\nd\n"), "a b\n\nc\nd");
    }
}
