"""Every claim's reading (value, unit, kind, hedge, date) for corpus articles, to audit by reading.

    python eval/readings.py ID [ID ...] [--data ../shared/data/news_de_dev.jsonl] [--audit N]

The value audits of session 23 (docs/experiments.md) judged these lines against their sentences:
no gold is needed to see that "1152 x 1920 Pixel" is no pair of years. `--audit N` names the N-th
audit's 40 articles (1, 2, 3). The publication date is the ISO date in a row's `source` (FANG-COVID rows),
else the article's dateline, else none.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claimcheck.claims import extract_claims, read_published  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "news_de_dev.jsonl"
_GNAD, _FANG = "10kgnad-test-", "fangcovid-"
AUDITS = {  # session 23's three audits: 24 10kGNAD and 16 FANG-COVID articles each
    1: [_GNAD + n for n in "0021 0028 0032 0057 0092 0128 0147 0201 0264 0296 0380 0402 0493 0536 0604 0649 0689 "
                           "0783 0811 0820 0849 0914 0934 1002".split()]
       + [_FANG + n for n in "32776 27825 26925 22621 8205 13974 9294 10140 12088 14948 17955 12761 17370 20191 "
                             "18027 22044".split()],
    2: [_GNAD + n for n in "0625 0131 0628 0963 0232 0896 0556 0740 0656 0349 0936 0996 0642 0614 0903 0411 0453 "
                           "0302 0144 0485 1000 0842 0356 0013".split()]
       + [_FANG + n for n in "17876 10823 12671 17552 7981 29011 11496 21883 13634 12603 17685 33806 24120 18877 "
                             "20179 28870".split()],
    3: [_GNAD + n for n in "0118 0384 0283 0563 0359 0947 0984 1024 0785 0080 0274 0627 0572 0100 0218 0368 0444 "
                           "0246 0671 0583 1010 0917 0640 0335".split()]
       + [_FANG + n for n in "21222 18856 6764 9429 19413 17228 20880 33295 20342 24914 7646 23728 27072 26109 "
                             "22283 16770".split()],
}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("ids", nargs="*")
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--audit", type=int, choices=sorted(AUDITS))
    args = parser.parse_args(argv)
    wanted = list(args.ids) + (AUDITS[args.audit] if args.audit else [])
    rows = {}
    with open(args.data, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            rows[row["id"]] = row
    total = 0
    for article_id in wanted:
        row = rows.get(article_id)
        if row is None:
            print(f"{article_id}: not in {args.data}", file=sys.stderr)
            continue
        source_date = re.search(r"\d{4}-\d{2}-\d{2}", row.get("source") or "")
        published = dt.date.fromisoformat(source_date.group()) if source_date else read_published(row["text"])
        claims = extract_claims(row["text"], published=published)
        total += len(claims)
        print(f"\n## {article_id} (published {published or 'unknown'}, {len(claims)} claims)")
        for c in claims:
            q = c.quantity
            date = f" {q.date} [{q.date_low}..{q.date_high}]" if q.kind == "date" or q.date else ""
            print(f"  {q.text!r} {q.kind} value={q.value} [{q.low}, {q.high}] unit={q.unit} hedge={q.hedge} "
                  f"relation={q.relation}{date}\n      {c.sentence[:160]!r}")
    print(f"\n{len(wanted)} articles, {total} claims")
    return 0


if __name__ == "__main__":
    sys.exit(main())
