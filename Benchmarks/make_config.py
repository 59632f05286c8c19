#!/usr/bin/env python3
"""Writes a Pantau config for the peer benchmark corpus.

  make_config.py CORPUS BASE_URL OUTDIR

OUTDIR/pantau.toml gets one [[feed]] per line of CORPUS/feeds.txt (BASE_URL + path) and
OUTDIR/watch.d/10-corpus.toml one [[watch]] per label of CORPUS/watchlist.txt
("label<TAB>phrase" or "phrase" lines, '#' comments; unlabeled phrases go to "watch").
"""
import json
import os
import sys
from collections import OrderedDict

corpus, base, out = sys.argv[1], sys.argv[2].rstrip("/"), sys.argv[3]
os.makedirs(os.path.join(out, "watch.d"), exist_ok=True)

with open(os.path.join(corpus, "feeds.txt")) as f:
    paths = [line.strip() for line in f if line.strip()]
with open(os.path.join(out, "pantau.toml"), "w") as f:
    f.write('[daemon]\nstate_dir = "state"\nalerts_log = "alerts.jsonl"\n')
    # One host serves every feed here; curl's reference run keeps 64 transfers open to it.
    f.write('poll_interval = "1h"\nmax_concurrent_fetches = 64\nmax_per_host = 64\n\n')
    for path in paths:
        name = os.path.splitext(os.path.basename(path))[0]
        f.write('[[feed]]\nname = %s\nurl = %s\n\n' % (json.dumps(name), json.dumps(base + "/" + path)))

lists = OrderedDict()
with open(os.path.join(corpus, "watchlist.txt")) as f:
    for line in f:
        line = line.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        label, phrase = line.split("\t", 1) if "\t" in line else ("watch", line)
        lists.setdefault(label.strip(), []).append(phrase.strip())
with open(os.path.join(out, "watch.d", "10-corpus.toml"), "w") as f:
    for label, phrases in lists.items():
        f.write('[[watch]]\nname = %s\nseverity = "medium"\nany = [\n' % json.dumps(label))
        for p in phrases:
            f.write("  %s,\n" % json.dumps(p, ensure_ascii=False))
        f.write("]\n\n")
print("%d feeds, %d watch lists, %d phrases" % (len(paths), len(lists), sum(len(v) for v in lists.values())))
