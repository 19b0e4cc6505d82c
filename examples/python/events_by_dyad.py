#!/usr/bin/env python3
"""Code a folder of news with dyad, count events by dyad and month, plot the Goldstein line.

    pip install .                      # the dyad package, from the repository root
    python examples/python/events_by_dyad.py [FOLDER] [--db events.db] [--plot goldstein.png]

A notebook in script form (each `# %%` is a cell in Jupyter or VS Code). FOLDER (default:
the bundled sample, data/corpus) may hold plain text with datelines, JSON Lines, PETRARCH XML
or saved HTML pages, read recursively, as `dyad ingest` reads them. The events go into an
SQLite database (a temporary one unless --db is given; ingesting again codes only what
changed), come back as a pyarrow Table and then a pandas DataFrame. The plot needs matplotlib
(`pip install matplotlib`); without it the script prints the table only.
"""

# %% Code the folder into a database, and read its events into pandas
import argparse
import os
import tempfile

import dyad

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
ap.add_argument("folder", nargs="?", default=os.path.join(ROOT, "data", "corpus"))
ap.add_argument("--db", default=os.path.join(tempfile.mkdtemp(), "events.db"))
ap.add_argument("--plot", default="goldstein.png", help="where to save the plot")
args = ap.parse_args()

store = dyad.Store(args.db)
summary = store.ingest(args.folder)
print(f"{summary['added']} articles added, {summary['unchanged']} unchanged: {store.counts()}")

events = store.query().to_pandas()  # every event that is not negated
print(events[["date", "source", "target", "code", "goldstein"]].head().to_string())

# %% Events and mean Goldstein score by dyad (the actors' countries) and month
import pandas as pd  # noqa: E402

events = events.dropna(subset=["date"])
# between countries: the first three letters of a CAMEO actor code are its country (or IGO…)
events = events[events["source"].str[:3] != events["target"].str[:3]].copy()
events["month"] = pd.to_datetime(events["date"]).dt.to_period("M")
events["dyad"] = events["source"].str[:3] + "→" + events["target"].str[:3]
by_month = (events.groupby(["dyad", "month"])
            .agg(events=("code", "size"), goldstein=("goldstein", "mean"))
            .reset_index())
top = by_month.groupby("dyad")["events"].sum().nlargest(5).index
print(by_month[by_month["dyad"].isin(top)].sort_values(["dyad", "month"]).to_string(index=False))

# %% The Goldstein line of the busiest dyads (cooperation above 0, conflict below)
try:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except ImportError:
    print("matplotlib is not installed: no plot (pip install matplotlib)")
else:
    fig, ax = plt.subplots(figsize=(8, 4))
    for name, rows in by_month[by_month["dyad"].isin(top)].groupby("dyad"):
        ax.plot(rows["month"].dt.to_timestamp(), rows["goldstein"], marker="o", label=name)
    ax.axhline(0, color="grey", linewidth=0.5)
    ax.set_ylabel("mean Goldstein score")
    ax.legend()
    fig.tight_layout()
    fig.savefig(args.plot)
    print(f"plot saved to {args.plot}")
