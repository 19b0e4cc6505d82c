//! The pipeline's stages, each measured on its own over the first 100 ABC articles of
//! `data/corpus/lee_abc_news.jsonl` (throughput in bytes of article text):
//!
//! ```sh
//! cargo bench -p dyad-coder --bench stages
//! ```
//!
//! reading (JSON Lines into documents), sentence splitting, tokenizing, part-of-speech tagging,
//! actor matching (`find_mentions`), verb matching (`find_verbs` with the actor mentions
//! found), and the full pipeline (`Coder::code_document`). `dyad bench` measures the whole
//! command on the benchmark corpus.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dyad_coder::mentions::find_mentions;
use dyad_coder::sentence::SentenceView;
use dyad_coder::verbs::find_verbs;
use dyad_coder::Coder;
use dyad_dict::bundled::Dictionaries;
use dyad_lang::tagger::Tagger;
use dyad_text::readers::read_jsonl;
use dyad_text::{split_sentences, tokenize, Document, Token};

const ARTICLES: usize = 100;

fn corpus_text() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/corpus/lee_abc_news.jsonl"
    );
    let text = std::fs::read_to_string(path).expect("the ABC sample is in data/corpus");
    text.lines().take(ARTICLES).collect::<Vec<_>>().join("\n")
}

fn documents(text: &str) -> Vec<Document> {
    read_jsonl(text, "lee_abc_news.jsonl").0
}

fn tokenized(docs: &[Document]) -> Vec<(Option<NaiveDate>, Vec<Vec<Token>>)> {
    docs.iter()
        .map(|d| {
            let sentences = split_sentences(&d.text, d.body_start);
            (
                d.date,
                sentences.iter().map(|s| tokenize(&d.text, s)).collect(),
            )
        })
        .collect()
}

/// The sum of `count` over every tokenized sentence (with its article's date).
fn per_sentence(
    sentences: &[(Option<NaiveDate>, Vec<Vec<Token>>)],
    mut count: impl FnMut(Option<NaiveDate>, &[Token]) -> usize,
) -> usize {
    let mut n = 0;
    for (date, doc) in sentences {
        for tokens in doc {
            n += count(*date, tokens);
        }
    }
    n
}

fn stages(c: &mut Criterion) {
    let text = corpus_text();
    let docs = documents(&text);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let sentences = tokenized(&docs);
    let coder = Coder::new(Dictionaries::bundled().expect("bundled dictionaries"));
    let lex = coder.lexicon();
    let tagger = Tagger::bundled();

    let mut g = c.benchmark_group("stages");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("reading", |b| b.iter(|| documents(&text).len()));
    g.bench_function("sentence_splitting", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| split_sentences(&d.text, d.body_start).len())
                .sum::<usize>()
        })
    });
    g.bench_function("tokenizing", |b| b.iter(|| tokenized(&docs).len()));
    g.bench_function("tagging", |b| {
        b.iter(|| {
            per_sentence(&sentences, |_, tokens| {
                let words: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
                tagger.tag(&words).len()
            })
        })
    });
    g.bench_function("actor_matching", |b| {
        b.iter(|| {
            per_sentence(&sentences, |date, tokens| {
                let s = SentenceView::new(tokens, tagger);
                find_mentions(lex, &s, date, &Default::default()).len()
            })
        })
    });
    g.bench_function("verb_matching", |b| {
        b.iter(|| {
            per_sentence(&sentences, |date, tokens| {
                let s = SentenceView::new(tokens, tagger);
                let mentions = find_mentions(lex, &s, date, &Default::default());
                find_verbs(lex, &s, &mentions).len()
            })
        })
    });
    g.bench_function("full_pipeline", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| coder.code_document(d).len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
