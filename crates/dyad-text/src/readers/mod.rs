//! Reading articles into [`Document`]s: plain text with a dateline, JSON Lines, PETRARCH XML,
//! saved HTML pages, folders of those (walked recursively in sorted order) and stdin (`-`, format sniffed).
//!
//! Bad records never stop a run: each becomes a [`Warning`] naming file and line, and is
//! skipped. Under [`ReadOptions::strict`] the first warning is a fatal [`ReadError`] instead.
//! So is a path that cannot be opened, listed or read (missing, gone while a folder was read,
//! unreadable, a device): without `strict` it is a warning naming it, counted in
//! [`ReadSummary::inputs_failed`], and the other inputs are read.
//!
//! Each file is opened once and read as a stream, so a FIFO (`mkfifo p.jsonl`) is read as it
//! comes; character and block devices and sockets are refused (a device such as `/dev/zero`
//! never ends).

mod collector;
pub mod html;
pub mod jsonl;
pub mod petr_xml;
pub mod plain;

use std::fs;
use std::io::BufRead;
use std::path::{Path, PathBuf};

pub use dyad_model::{Document, Warning};

pub(crate) use collector::{file_name, Collector};
pub use collector::{ReadError, ReadSummary, MAX_WARNINGS_KEPT};
pub use html::read_html;
pub use jsonl::read_jsonl;
pub use petr_xml::{parse_petr_xml, ExpectedCoding, PetrEnvironment, PetrRecord, PetrXml};
pub use plain::{parse_dateline, read_plain, story_dateline, title_case_dateline_place, Dateline};

/// How to treat bad records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadOptions {
    /// Stop at the first bad record (or other warning) instead of skipping it.
    pub strict: bool,
    /// An article with more bytes of text than this is cut (see [`Document::cut_to`]) with a
    /// warning naming its file and line: a scraped page that is really a data dump or a log
    /// would otherwise take seconds and gigabytes to code. `usize::MAX`: no limit.
    pub max_article_bytes: usize,
}

/// The default [`ReadOptions::max_article_bytes`]: 2 MB, twenty times a long feature story
/// (wire articles run to some kilobytes).
pub const DEFAULT_MAX_ARTICLE_BYTES: usize = 2_000_000;

impl ReadOptions {
    /// The options as the command line and the Python package give them: a `max_article_bytes`
    /// of 0 is no limit.
    pub fn new(strict: bool, max_article_bytes: usize) -> ReadOptions {
        ReadOptions {
            strict,
            max_article_bytes: match max_article_bytes {
                0 => usize::MAX,
                n => n,
            },
        }
    }
}

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions {
            strict: false,
            max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES,
        }
    }
}

/// The input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Plain,
    JsonLines,
    PetrXml,
    /// A saved news page; its article text is extracted.
    Html,
}

impl Format {
    /// The format for a file extension (`txt`, `text`, `jsonl`, `ndjson`, `json`, `xml`,
    /// `html`, `htm`, case-insensitive), or `None` for any other.
    pub fn from_extension(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Plain),
            "jsonl" | "ndjson" | "json" => Some(Format::JsonLines),
            "xml" => Some(Format::PetrXml),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }

    /// Guess from content: first non-blank character `{` → JSON Lines; `<!DOCTYPE html` or
    /// `<html` → HTML; other `<` → XML; else plain.
    pub fn sniff(text: &str) -> Format {
        let head = text.trim_start_matches('\u{feff}').trim_start();
        let lower: String = head
            .chars()
            .take(14)
            .collect::<String>()
            .to_ascii_lowercase();
        if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
            return Format::Html;
        }
        match head.chars().next() {
            Some('{') => Format::JsonLines,
            Some('<') => Format::PetrXml,
            _ => Format::Plain,
        }
    }
}

/// Read every input in order, calling `sink` for each document. `-` is stdin (format sniffed);
/// a directory is walked recursively in sorted order, reading `.txt .text .jsonl .ndjson .json
/// .xml .html .htm` files and skipping hidden entries; a named file's format comes from its extension, or
/// is sniffed from its content for other extensions.
pub fn read_inputs(
    inputs: &[String],
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Document),
) -> Result<ReadSummary, ReadError> {
    let mut c = Collector::new(opts.strict, opts.max_article_bytes, sink);
    for input in inputs {
        if input == "-" {
            read_stream(&mut std::io::stdin().lock(), "-", "-", &mut c)?;
            continue;
        }
        let path = Path::new(input);
        let meta = match fs::metadata(path) {
            Ok(meta) => meta,
            Err(source) => {
                c.input_failed(ReadError::Io {
                    path: input.clone(),
                    source,
                })?;
                continue;
            }
        };
        if meta.is_dir() {
            let mut files = Vec::new();
            walk(path, &mut files, &mut c)?;
            for file in files {
                let format = Format::from_extension(&file);
                if let Err(e) = read_file(&file, format, &mut c) {
                    c.input_failed(e)?;
                }
            }
        } else if let Err(e) = read_file(path, Format::from_extension(path), &mut c) {
            c.input_failed(e)?;
        }
    }
    Ok(c.summary)
}

/// JSON records a program holds (the Python package's dicts, each written as one JSON line),
/// read as the lines of a JSON Lines file named `file` would be: each `(line_no, line)` with the
/// same fields, checks, size cut and warnings, so that a record gives the document it would give
/// as line `line_no` of that file (a record without an id is `<file>#<line_no>`).
pub fn read_json_lines<L: AsRef<[u8]>>(
    lines: impl IntoIterator<Item = (usize, L)>,
    file: &str,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Document),
) -> Result<ReadSummary, ReadError> {
    let mut c = Collector::new(opts.strict, opts.max_article_bytes, sink);
    let name = file_name(file);
    let mut utf8_warning = true;
    for (line_no, line) in lines {
        jsonl::stream_line(
            line.as_ref(),
            line_no,
            file,
            &name,
            &mut utf8_warning,
            &mut c,
        )?;
    }
    Ok(c.summary)
}

/// Collect the readable files under `dir`, sorted, recursively; hidden entries are skipped and
/// symbolic links to directories are not followed.
/// A folder (or entry) that cannot be listed is an input that failed: a warning, unless strict.
fn walk(dir: &Path, files: &mut Vec<PathBuf>, c: &mut Collector) -> Result<(), ReadError> {
    let io_err = |source| ReadError::Io {
        path: dir.display().to_string(),
        source,
    };
    let listing = match fs::read_dir(dir) {
        Ok(listing) => listing,
        Err(e) => return c.input_failed(io_err(e)),
    };
    let mut entries = Vec::new();
    for entry in listing {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => return c.input_failed(io_err(e)),
        };
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        entries.push(entry);
    }
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let file_type = match entry.file_type() {
            Ok(t) => t,
            // gone since it was listed
            Err(e) => {
                c.input_failed(ReadError::Io {
                    path: path.display().to_string(),
                    source: e,
                })?;
                continue;
            }
        };
        if file_type.is_dir() {
            walk(&path, files, c)?;
        } else if Format::from_extension(&path).is_some()
            && (file_type.is_file() || (file_type.is_symlink() && !path.is_dir()))
        {
            // a link whose file is gone is listed, and warned about when it cannot be opened
            files.push(path);
        }
    }
    Ok(())
}

/// Standard input or a FIFO, read as it comes when it is JSON Lines (so that a pipe is coded
/// batch by batch and memory does not grow with the input); any other format is read whole
/// (`format`, else sniffed). The one difference a stream makes: a line that is not valid UTF-8
/// is warned about when it is reached rather than before the first record.
fn read_stream(
    input: &mut dyn BufRead,
    file: &str,
    name: &str,
    c: &mut Collector,
) -> Result<(), ReadError> {
    read_stream_as(input, file, name, None, c)
}

fn read_stream_as(
    input: &mut dyn BufRead,
    file: &str,
    name: &str,
    format: Option<Format>,
    c: &mut Collector,
) -> Result<(), ReadError> {
    let io_err = |source| ReadError::Io {
        path: file.to_string(),
        source,
    };
    // the lines up to the first that is not blank tell the format
    let mut head: Vec<u8> = Vec::new();
    let mut lines = 0;
    loop {
        let start = head.len();
        let n = input.read_until(b'\n', &mut head).map_err(io_err)?;
        if n == 0 {
            break;
        }
        lines += 1;
        let line = String::from_utf8_lossy(&head[start..]);
        if !line.trim_start_matches('\u{feff}').trim().is_empty() {
            break;
        }
    }
    let (head_text, _) = decode(&head);
    let sniffed = format.unwrap_or_else(|| Format::sniff(&head_text));
    if sniffed == Format::JsonLines && jsonl::is_json_lines(&head_text) {
        let mut utf8_warning = true;
        let mut line_no = 0;
        for line in head.split_inclusive(|&b| b == b'\n') {
            line_no += 1;
            let line = line.strip_suffix(b"\n").unwrap_or(line);
            jsonl::stream_line(line, line_no, file, name, &mut utf8_warning, c)?;
        }
        debug_assert_eq!(line_no, lines);
        return stream_jsonl(input, line_no, file, name, utf8_warning, c);
    }
    input.read_to_end(&mut head).map_err(io_err)?;
    read_bytes(&head, file, format, c)
}

/// The rest of a JSON Lines input, line by line, after `line_no` lines.
fn stream_jsonl(
    input: &mut dyn BufRead,
    mut line_no: usize,
    file: &str,
    name: &str,
    mut utf8_warning: bool,
    c: &mut Collector,
) -> Result<(), ReadError> {
    let mut line = Vec::new();
    loop {
        line.clear();
        let n = input
            .read_until(b'\n', &mut line)
            .map_err(|source| ReadError::Io {
                path: file.to_string(),
                source,
            })?;
        if n == 0 {
            return Ok(());
        }
        line_no += 1;
        let text = line.strip_suffix(b"\n").unwrap_or(&line);
        jsonl::stream_line(text, line_no, file, name, &mut utf8_warning, c)?;
    }
}

/// A JSON Lines file, streamed: a first pass finds the first line that is not valid UTF-8 (so
/// its warning comes first, as for a file read whole) and whether the file is pretty-printed
/// JSON instead (read whole, then); the second reads the records one line at a time.
fn read_jsonl_file(file: fs::File, path: &Path, c: &mut Collector) -> Result<(), ReadError> {
    use std::io::{Read, Seek};
    let shown = path.display().to_string();
    let io_err = |source| ReadError::Io {
        path: shown.clone(),
        source,
    };
    let mut reader = std::io::BufReader::with_capacity(1 << 16, file);
    let mut line = Vec::new();
    let mut line_no = 0;
    let mut bad_line = None;
    let mut head = String::new();
    let mut head_done = false;
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line).map_err(io_err)? == 0 {
            break;
        }
        line_no += 1;
        let valid = std::str::from_utf8(&line);
        if valid.is_err() && bad_line.is_none() {
            bad_line = Some(line_no);
        }
        if !head_done {
            let text = String::from_utf8_lossy(&line);
            head.push_str(&text);
            head_done = !text.trim_start_matches('\u{feff}').trim().is_empty();
        }
        if head_done && bad_line.is_some() {
            break;
        }
    }
    // the same open file again from its start (opening it again by name would block on a
    // FIFO, or read another file put in its place)
    reader.rewind().map_err(io_err)?;
    if !jsonl::is_json_lines(&head) {
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).map_err(io_err)?;
        return read_bytes(&bytes, &shown, Some(Format::JsonLines), c);
    }
    if let Some(line) = bad_line {
        c.warn(Warning::new(
            shown.as_str(),
            line,
            "not valid UTF-8; invalid bytes replaced with U+FFFD",
        ))?;
    }
    let name = file_name(&shown);
    stream_jsonl(&mut reader, 0, &shown, &name, false, c)
}

/// Open a file once and read it: a regular file as its format asks, a FIFO as a stream (as
/// stdin is); a device or socket is refused (an I/O error, so a warning naming it).
fn read_file(path: &Path, format: Option<Format>, c: &mut Collector) -> Result<(), ReadError> {
    use std::io::Read;
    let shown = path.display().to_string();
    let io_err = |source| ReadError::Io {
        path: shown.clone(),
        source,
    };
    let mut file = fs::File::open(path).map_err(io_err)?;
    let kind = file.metadata().map_err(io_err)?.file_type();
    if !kind.is_file() {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if kind.is_fifo() {
                let name = file_name(&shown);
                let mut reader = std::io::BufReader::with_capacity(1 << 16, file);
                return read_stream_as(&mut reader, &shown, &name, format, c);
            }
        }
        return Err(io_err(std::io::Error::other(
            "not a regular file, folder or FIFO (a device or socket?)",
        )));
    }
    if format == Some(Format::JsonLines) {
        return read_jsonl_file(file, path, c);
    }
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).map_err(io_err)?;
    read_bytes(&bytes, &shown, format, c)
}

/// Decode `bytes` (lossily, BOM stripped) and read them in `format` (sniffed if `None`).
fn read_bytes(
    bytes: &[u8],
    file: &str,
    format: Option<Format>,
    c: &mut Collector,
) -> Result<(), ReadError> {
    let (text, bad_line) = decode(bytes);
    if let Some(line) = bad_line {
        c.warn(Warning::new(
            file,
            line,
            "not valid UTF-8; invalid bytes replaced with U+FFFD",
        ))?;
    }
    let name = file_name(file);
    match format.unwrap_or_else(|| Format::sniff(&text)) {
        Format::Plain => match plain::read_plain(&text, file, &name) {
            Some(doc) => c.document(doc)?,
            None => c.skip(Warning::new(file, 1, "empty text, no document"))?,
        },
        Format::JsonLines => jsonl::read_jsonl_into(&text, file, &name, c)?,
        Format::PetrXml => match petr_xml::parse(&text, file) {
            Ok(parsed) => {
                for (w, skipped) in parsed.warnings {
                    if skipped {
                        c.skip(w)?;
                    } else {
                        c.warn(w)?;
                    }
                }
                for r in parsed.records {
                    c.document(r.into_document(file))?;
                }
            }
            Err(w) => c.skip(w)?,
        },
        Format::Html => match html::read_html(&text, file, &name) {
            Ok(doc) => c.document(doc)?,
            Err(w) => c.skip(w)?,
        },
    }
    Ok(())
}

/// Decode bytes as UTF-8, lossily, without a BOM. Also returns the 1-based line of the first
/// invalid byte, if any.
pub(crate) fn decode(bytes: &[u8]) -> (String, Option<usize>) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), None),
        Err(e) => {
            let line = 1 + bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            (String::from_utf8_lossy(bytes).into_owned(), Some(line))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmpdir(tag: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("dyad-text-{tag}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(&d).expect("temp dir");
        d
    }

    fn read(inputs: &[String], strict: bool) -> (Result<ReadSummary, ReadError>, Vec<Document>) {
        let mut docs = Vec::new();
        let r = read_inputs(
            inputs,
            &ReadOptions {
                strict,
                ..ReadOptions::default()
            },
            &mut |d| docs.push(d),
        );
        (r, docs)
    }

    #[test]
    fn warning_display() {
        let w = Warning::new("corpus.jsonl", 17, "field \"date\": bad");
        assert_eq!(w.to_string(), "corpus.jsonl:17: field \"date\": bad");
    }

    #[test]
    fn sniffing() {
        assert_eq!(Format::sniff("\u{feff}  \n{\"text\":1}"), Format::JsonLines);
        assert_eq!(Format::sniff("<?xml?>"), Format::PetrXml);
        assert_eq!(Format::sniff(" <!DOCTYPE html><html>"), Format::Html);
        assert_eq!(Format::sniff("<HTML><body>"), Format::Html);
        assert_eq!(Format::sniff("BEIJING (Reuters) -"), Format::Plain);
        assert_eq!(Format::sniff(""), Format::Plain);
    }

    #[test]
    fn decoding() {
        assert_eq!(decode(b"\xEF\xBB\xBFabc"), ("abc".to_string(), None));
        let (s, line) = decode(b"ok\nbad \xFF here");
        assert_eq!(line, Some(2));
        assert!(s.contains('\u{FFFD}'));
    }

    /// Issue 21, item 3: a missing input stopped the whole run; it is a warning naming it,
    /// counted, and the other inputs are read (fatal under strict).
    #[test]
    fn a_missing_path_is_a_warning_and_the_rest_is_read_fatal_when_strict() {
        let d = tmpdir("missing");
        fs::write(d.join("good.txt"), "Russia attacked Ukraine.").unwrap();
        let inputs = vec![
            "/no/such/dyad/file.txt".to_string(),
            d.join("good.txt").display().to_string(),
        ];
        let (r, docs) = read(&inputs, false);
        let s = r.expect("lenient read");
        assert_eq!(docs.len(), 1);
        assert_eq!(s.inputs_failed, 1);
        assert!(
            s.warnings[0]
                .to_string()
                .starts_with("/no/such/dyad/file.txt: cannot be read"),
            "{}",
            s.warnings[0]
        );
        let (r, _) = read(&inputs, true);
        let e = r.expect_err("missing file");
        assert!(e.to_string().contains("/no/such/dyad/file.txt"), "{e}");
    }

    /// Issue 21, item 2: a FIFO named `.jsonl` was opened twice, and the second open blocked
    /// for ever once the writer had gone. It is opened once and read as a stream.
    #[cfg(unix)]
    #[test]
    fn a_fifo_is_read_once_as_a_stream_and_a_device_is_refused() {
        let d = tmpdir("fifo");
        for name in ["p.jsonl", "p.json", "p.txt"] {
            let fifo = d.join(name);
            let made = std::process::Command::new("mkfifo").arg(&fifo).status();
            if !made.is_ok_and(|s| s.success()) {
                eprintln!("skipped: mkfifo is not available");
                return;
            }
            let writer = {
                let fifo = fifo.clone();
                std::thread::spawn(move || {
                    let body = if fifo.extension().is_some_and(|e| e == "txt") {
                        "Russia attacked Ukraine.\n"
                    } else {
                        "{\"id\": \"a\", \"text\": \"Russia attacked Ukraine.\"}\n\
                         {\"id\": \"b\", \"text\": \"China met France.\"}\n"
                    };
                    fs::write(&fifo, body).unwrap();
                })
            };
            let (done, got) = std::sync::mpsc::channel();
            let input = vec![fifo.display().to_string()];
            std::thread::spawn(move || {
                let (r, docs) = read(&input, false);
                let _ = done.send((r.map(|s| s.inputs_failed), docs.len()));
            });
            let (failed, n) = got
                .recv_timeout(std::time::Duration::from_secs(20))
                .unwrap_or_else(|_| panic!("reading the FIFO {name} hung"));
            writer.join().unwrap();
            assert_eq!(failed.unwrap(), 0);
            assert_eq!(n, if name == "p.txt" { 1 } else { 2 }, "{name}");
        }
        // a device never ends: refused with a warning
        if Path::new("/dev/zero").exists() {
            let (r, docs) = read(&["/dev/zero".to_string()], false);
            let s = r.expect("lenient read");
            assert!(docs.is_empty());
            assert_eq!(s.inputs_failed, 1);
            assert!(
                s.warnings[0].message.contains("not a regular file"),
                "{:?}",
                s.warnings
            );
        }
    }

    #[test]
    fn directory_walk_sorted_and_filtered() {
        let d = tmpdir("walk");
        fs::create_dir_all(d.join("sub")).unwrap();
        fs::create_dir_all(d.join(".hidden")).unwrap();
        fs::write(d.join("b.txt"), "BEIJING (Reuters) - Story b.").unwrap();
        fs::write(
            d.join("a.jsonl"),
            "{\"text\": \"one\"}\n\n{\"id\": 7, \"text\": \"two\"}\n",
        )
        .unwrap();
        fs::write(d.join("sub/c.text"), "Story c.").unwrap();
        fs::write(d.join(".hidden/h.txt"), "hidden").unwrap();
        fs::write(d.join(".h.txt"), "hidden").unwrap();
        fs::write(d.join("notes.md"), "ignored").unwrap();
        fs::write(d.join("latin1.txt"), b"caf\xE9 story").unwrap();
        fs::write(d.join("empty.txt"), "  \n").unwrap();
        fs::write(d.join("pretty.json"), "{\n  \"text\": \"x\"\n}\n").unwrap();
        fs::write(
            d.join("x.xml"),
            "<Sentences><Sentence id=\"A_1\" date=\"19950101\"><Text>Hi.</Text></Sentence>\
             </Sentences>",
        )
        .unwrap();
        fs::write(d.join("y.xml"), "<Sentences><Sentence>").unwrap();
        let input = vec![d.display().to_string()];
        let (r, docs) = read(&input, false);
        let s = r.expect("lenient read");
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(
            ids,
            vec![
                "a.jsonl#1",
                "7",
                "b.txt",
                "latin1.txt",
                "pretty.json#1",
                "c.text",
                "A_1"
            ]
        );
        assert_eq!(s.documents, 7);
        assert_eq!(docs[2].dateline_place.as_deref(), Some("BEIJING"));
        assert_eq!(docs[3].text, "caf\u{FFFD} story");
        assert_eq!(
            docs[5].origin.file,
            d.join("sub/c.text").display().to_string()
        );
        // empty.txt, y.xml (pretty-printed JSON is read as one record)
        assert_eq!(s.skipped, 2, "{:#?}", s.warnings);
        assert_eq!(s.warnings.len(), 3, "{:#?}", s.warnings);
        assert!(s.warnings.iter().any(|w| w.file.ends_with("latin1.txt")));
        assert!(s.warnings.iter().any(|w| w.file.ends_with("y.xml")));

        let (r, docs) = read(&input, true);
        let e = r.expect_err("strict read stops");
        assert!(matches!(e, ReadError::Strict(_)), "{e}");
        assert!(!docs.is_empty());
        let _ = fs::remove_dir_all(&d);
    }

    #[test]
    fn an_article_over_the_size_limit_is_cut_with_a_warning_naming_its_line() {
        let dir = tmpdir("limit");
        let p = dir.join("big.jsonl");
        let long = "Russia attacked Ukraine. ".repeat(400); // 10,000 bytes
        std::fs::write(
            &p,
            format!("{{\"id\":\"small\",\"text\":\"China met France.\"}}\n{{\"id\":\"big\",\"text\":\"{long}\"}}\n"),
        )
        .unwrap();
        let inputs = [p.display().to_string()];
        let opts = ReadOptions {
            max_article_bytes: 5_000,
            ..ReadOptions::default()
        };
        let mut docs = Vec::new();
        let s = read_inputs(&inputs, &opts, &mut |d| docs.push(d)).unwrap();
        assert_eq!(s.documents, 2);
        assert_eq!(s.articles_cut, 1);
        assert_eq!(s.skipped, 0);
        assert_eq!(docs[0].text, "China met France.");
        assert!(docs[1].text.len() <= 5_000 && docs[1].text.ends_with("Ukraine."));
        assert_eq!(s.warnings.len(), 1);
        assert_eq!(s.warnings[0].line, 2);
        assert!(
            s.warnings[0].message.contains("10000 bytes"),
            "{}",
            s.warnings[0]
        );
        // under --strict a cut is fatal, as every other warning
        let strict = ReadOptions {
            strict: true,
            ..opts
        };
        let e = read_inputs(&inputs, &strict, &mut |_| {}).unwrap_err();
        assert!(e.to_string().contains("big.jsonl:2:"), "{e}");
        // no limit
        let none = ReadOptions {
            max_article_bytes: usize::MAX,
            ..ReadOptions::default()
        };
        let s = read_inputs(&inputs, &none, &mut |_| {}).unwrap();
        assert_eq!(s.articles_cut, 0);
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn warnings_past_the_first_thousand_are_counted_not_kept() {
        let dir = tmpdir("warnings");
        let p = dir.join("bad.jsonl");
        std::fs::write(&p, "{\"text\": 1}\n".repeat(MAX_WARNINGS_KEPT + 5)).unwrap();
        let s = read_inputs(
            &[p.display().to_string()],
            &ReadOptions::default(),
            &mut |_| {},
        )
        .unwrap();
        assert_eq!(s.skipped, MAX_WARNINGS_KEPT + 5);
        assert_eq!(s.warnings.len(), MAX_WARNINGS_KEPT);
        assert_eq!(s.warnings_not_kept, 5);
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn stdin_content_is_sniffed() {
        let mut docs = Vec::new();
        let mut sink = |d: Document| docs.push(d);
        let mut c = Collector::new(false, DEFAULT_MAX_ARTICLE_BYTES, &mut sink);
        read_bytes(b"\xEF\xBB\xBF LONDON (AFP) -- Hi.", "-", None, &mut c).unwrap();
        read_bytes(b"\n{\"text\": \"a\"}\n", "-", None, &mut c).unwrap();
        read_bytes(
            b"<S><Sentence id=\"Q-1\"><Text>q</Text></Sentence></S>",
            "-",
            None,
            &mut c,
        )
        .unwrap();
        assert_eq!(c.summary.documents, 3);
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, vec!["-", "-#2", "Q-1"]);
        assert_eq!(docs[0].text, " LONDON (AFP) -- Hi.");
        assert_eq!(docs[0].dateline_place.as_deref(), Some("LONDON"));
        assert!(docs.iter().all(|d| d.origin.file == "-"));
    }

    #[test]
    fn unknown_extension_is_sniffed() {
        let d = tmpdir("sniff");
        let f = d.join("feed.dat");
        fs::write(&f, "{\"id\": \"x\", \"text\": \"Hello.\"}\n").unwrap();
        let (r, docs) = read(&[f.display().to_string()], true);
        assert_eq!(r.expect("read").documents, 1);
        assert_eq!(docs[0].id, "x");
        let _ = fs::remove_dir_all(&d);
    }

    #[test]
    fn seed_story_via_read_inputs() {
        let p = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/corpus/seed-2025-12-04-beijing.txt"
        );
        let (r, docs) = read(&[p.to_string()], true);
        assert_eq!(r.expect("read").documents, 1);
        let d = &docs[0];
        assert_eq!(d.id, "seed-2025-12-04-beijing.txt");
        assert_eq!(d.date, chrono::NaiveDate::from_ymd_opt(2025, 12, 4));
        assert_eq!(d.dateline_place.as_deref(), Some("BEIJING"));
        assert_eq!(d.body_start, " date 2025-12-04 BEIJING: ".chars().count());
        assert_eq!(crate::split_sentences(&d.text, d.body_start).len(), 11);
    }
}
