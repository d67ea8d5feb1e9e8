"""Every claim's reading (value, unit, kind, hedge, date) for corpus articles, to audit by reading.

    python eval/readings.py ID [ID ...] [--data ../shared/data/news_de_dev.jsonl] [--audit N]

The value audits of sessions 23 and 24 (docs/experiments.md) judged these lines against their sentences:
no gold is needed to see that "1152 x 1920 Pixel" is no pair of years. `--audit N` names the N-th
audit's articles (1, 2, 3: 40 each from the dev corpus; 4: 40 from the raw 10kGNAD test split outside it,
../shared/data/raw/10kGNAD/test.csv, ids `10kgnad-test-<row>` as in the dev corpus; 5: 30 from the raw
FANG-COVID subset outside it, 12 "real" and 18 "fake" outlets' articles; 6: 25 GermanFakeNC articles; 7: 20
more raw 10kGNAD rows and the 10 Swiss 20 Minuten articles; 8: 30 more raw 10kGNAD rows; 9: 20 more FANG-COVID
articles of the fake outlets and 15 more GermanFakeNC; 10, 11: the same sources again, on the final code; 12, 13:
half each of the 264 GermanFakeNC false statements that hold a digit, ../shared/data/germanfakenc_false_statements.jsonl,
dated by their article; 14: 150 of the 710 that hold none; 15: 30 more raw 10kGNAD rows; 16: 15 German Wikipedia
articles, the texts of the summary set's Klexikon pairs, ../shared/data/summ_de_dev.jsonl; 17: 26 more raw
10kGNAD rows and 14 FANG-COVID articles, after the mends of 15 and 16; 18: 20 FANG-COVID and 15 GermanFakeNC
articles, on the session's final code; 19: 19 more raw 10kGNAD rows and 11 FANG-COVID articles, 20: 20 more GermanFakeNC
articles, both in session 27; 21: 22 more dev-corpus articles, 22: 20 more GermanFakeNC articles, on session 27's
final code; 23, 24: 20 dev-corpus articles each, on session 28's first code; 25: 20 more dev-corpus articles, 26: 20 more
GermanFakeNC articles, on session 28's final reader; 27, 28: 12 news and 18 GermanFakeNC articles on session 29's
first code; 29, 30: 25 more raw 10kGNAD rows and 20 GermanFakeNC articles after their mends; 31 to 36: three more
such rounds, sport among the 10kGNAD rows of 31 and 33; 37, 38: blind on session 29's final reader). `--data` takes
the dev corpus's JSONL or one of those raw files. The publication date is the ISO date in a row's `source`
(FANG-COVID rows), else the article's dateline, else none.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claimcheck.claims import extract_claims, read_published  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "news_de_dev.jsonl"
RAW_10KGNAD = ROOT.parent / "shared" / "data" / "raw" / "10kGNAD" / "test.csv"
RAW_FANG = ROOT.parent / "shared" / "data" / "raw" / "FANG-COVID" / "fang_covid_subset.jsonl"
RAW_GERMANFAKENC = ROOT.parent / "shared" / "data" / "raw" / "GermanFakeNC" / "GermanFakeNC.json"
RAW_20MINUTEN = ROOT.parent / "shared" / "data" / "raw" / "20Minuten_SwissText2023" / "examples"
FALSE_STATEMENTS = ROOT.parent / "shared" / "data" / "germanfakenc_false_statements.jsonl"
SUMMARIES = ROOT.parent / "shared" / "data" / "summ_de_dev.jsonl"
_GNAD, _FANG = "10kgnad-test-", "fangcovid-"
_GFNC = "germanfakenc-"


def _ids(prefix: str, numbers: str) -> list[str]:
    """Corpus ids from their numbers: _ids(_GNAD, "0017 0339") -> ["10kgnad-test-0017", "10kgnad-test-0339"]."""
    return [prefix + n for n in numbers.split()]


AUDITS = {  # session 23's three audits: 24 10kGNAD and 16 FANG-COVID articles each
    1: _ids(_GNAD, "0021 0028 0032 0057 0092 0128 0147 0201 0264 0296 0380 0402 0493 0536 0604 0649 0689 "
                   "0783 0811 0820 0849 0914 0934 1002")
       + _ids(_FANG, "32776 27825 26925 22621 8205 13974 9294 10140 12088 14948 17955 12761 17370 20191 "
                     "18027 22044"),
    2: _ids(_GNAD, "0625 0131 0628 0963 0232 0896 0556 0740 0656 0349 0936 0996 0642 0614 0903 0411 0453 "
                   "0302 0144 0485 1000 0842 0356 0013")
       + _ids(_FANG, "17876 10823 12671 17552 7981 29011 11496 21883 13634 12603 17685 33806 24120 18877 "
                     "20179 28870"),
    3: _ids(_GNAD, "0118 0384 0283 0563 0359 0947 0984 1024 0785 0080 0274 0627 0572 0100 0218 0368 0444 "
                   "0246 0671 0583 1010 0917 0640 0335")
       + _ids(_FANG, "21222 18856 6764 9429 19413 17228 20880 33295 20342 24914 7646 23728 27072 26109 "
                     "22283 16770"),
    # session 24: 40 rows of the raw test split that the dev corpus left out (1,200-7,000 characters, six
    # numbers or more; random.Random(20261130).sample of 246), mostly sport, panorama and culture
    4: _ids(_GNAD, "0001 0022 0058 0075 0091 0099 0145 0184 0225 0254 0278 0347 0352 0374 0379 0383 0423 "
                   "0568 0650 0654 0661 0695 0703 0707 0718 0722 0724 0738 0776 0793 0800 0815 0855 0866 "
                   "0894 0895 0904 0928 0929 0982"),
    # the 12 "real" articles of the raw subset outside the dev corpus, and 18 of its 100 "fake" outlets'
    # articles (random.Random(20261130).sample)
    5: _ids(_FANG, "26095 26756 23926 24674 29336 28242 12400 12624 15148 8432 9311 18813 1267 1693 180 "
                   "2142 34666 34679 35150 35290 35684 36103 36404 37888 39011 40188 40206 40692 461 "
                   "899"),
    # session 24, on the mended code: 25 articles of German alternative media 2015-2018 (GermanFakeNC, 1,200-7,000
    # characters, six numbers or more; random.Random(20261130).sample of 148), then 20 more raw 10kGNAD rows
    # (economy, politics, web, science) and the 10 Swiss 20 Minuten articles
    6: _ids(_GFNC, "000 021 041 058 073 081 117 137 141 170 174 188 211 242 253 268 274 285 306 325 "
                   "331 431 433 459 478"),
    7: _ids(_GNAD, "0053 0096 0130 0157 0176 0189 0306 0321 0428 0618 0619 0664 0713 0752 0797 0804 0825 "
                   "0840 0860 1008")
       + _ids("20minuten-", "864899493069 280366226228 608312391369 458956384204 521896809019 601885291902 "
                            "248730804983 672988484573 876492239967 877547425533"),
    # session 24, after the second round of mends: 30 more raw 10kGNAD rows (random.Random(20261201).sample of 186,
    # most of them sport and panorama), then 20 more FANG-COVID articles of the fake outlets and 15 more GermanFakeNC
    8: _ids(_GNAD, "0048 0086 0122 0139 0215 0216 0226 0243 0249 0270 0350 0362 0373 0378 0455 0480 0488 "
                   "0552 0645 0667 0763 0771 0772 0824 0848 0871 0883 0891 0939 1012"),
    9: _ids(_FANG, "1104 194 2052 34540 34695 34735 35153 35161 3525 36136 37176 39437 40348 40720 40949 "
                   "4901 5378 5888 6012 6062")
       + _ids(_GFNC, "086 087 106 138 167 186 192 254 319 336 342 344 441 446 481"),
    # session 24, on the final code: 30 more raw 10kGNAD rows, no sport (random.Random(20261202).sample of 106),
    # then 15 more FANG-COVID articles of the fake outlets and 15 more GermanFakeNC
    10: _ids(_GNAD, "0015 0040 0067 0068 0142 0161 0181 0256 0269 0409 0416 0431 0472 0510 0540 0561 0582 "
                    "0592 0629 0665 0684 0725 0764 0827 0836 0898 0905 0945 0991 1003"),
    11: _ids(_FANG, "1660 1794 2166 2281 2547 34267 3485 36246 37053 37491 38332 39641 39733 5880 6040")
        + _ids(_GFNC, "034 042 114 125 153 159 185 200 215 229 264 347 402 460 464"),
    # session 26: 30 more raw 10kGNAD rows outside the dev corpus and audits 1-11, no sport, 1,200-7,000 characters,
    # six numbers or more (random.Random(20261204).sample of 56); then the 15 Wikipedia articles of the summary
    # set's Klexikon pairs (../shared/data/summ_de_dev.jsonl) with the most digit groups: encyclopedic text
    15: _ids(_GNAD, "0007 0019 0047 0079 0082 0113 0135 0190 0222 0277 0363 0382 0407 0418 0430 0491 0512 "
                    "0547 0575 0616 0706 0708 0746 0753 0766 0781 0808 0818 0938 1021"),
    16: _ids("klexikon-test-", "Längengrad Jahrhundert Asche Hollywood Heinzelmännchen Theophanu Nikosia Lachse "
                               "Erntedankfest Ingo_Siegner Anschrift Tatort Oberpfälzer_Wald Ständestaat Pony"),
    # session 26, after the mends of audits 15 and 16: the 26 raw 10kGNAD rows left by the filter of audit 15, and 14
    # FANG-COVID articles outside the dev corpus and audits 5, 9, 11 (random.Random(20261205).sample of 47)
    17: _ids(_GNAD, "0029 0041 0083 0152 0202 0228 0242 0247 0266 0315 0319 0466 0476 0483 0498 0532 0573 "
                    "0609 0612 0677 0690 0702 0727 0885 0924 0956")
        + _ids(_FANG, "1434 1642 2692 322 35135 35351 38969 39424 39863 40803 41165 5672 5879 6029"),
    # session 26, on its final code: 20 more FANG-COVID articles and 15 GermanFakeNC, none audited or met in the
    # session's dumps of changed claims (random.Random(20261206).sample of 25 and 64)
    18: _ids(_FANG, "1702 2896 34335 34705 34839 35311 35338 35729 36127 36647 37536 38119 39761 40597 40698 "
                    "40897 430 6004 6022 6052")
        + _ids(_GFNC, "009 064 122 131 175 177 208 227 265 314 362 364 397 419 461"),
}
# session 27, on 2e03c61: the raw 10kGNAD rows without sport and the FANG-COVID articles still left by the filter of
# audit 15 (outside the dev corpus and audits 1-18, none met in the session's dumps of changed claims), then 20
# GermanFakeNC articles so left (random.Random(20261207).sample of 72)
AUDITS[19] = (_ids(_GNAD, "0054 0123 0151 0180 0297 0435 0448 0533 0545 0557 0692 0720 0747 0830 0920 0927 0964 "
                          "0968 1017")
              + _ids(_FANG, "2337 34213 35187 35464 37337 40743 40778 41092 42 620 818"))
AUDITS[20] = _ids(_GFNC, "016 025 040 053 071 078 123 126 147 244 261 273 275 288 294 298 353 365 429 "
                         "484")
# session 27, on its final code (d8b5dd0): 22 dev-corpus articles no annotation, audit or verification fact covers and
# no dump of the session's changes showed (random.Random(20261208).sample of 79, three met in the dumps left out), and
# 20 more GermanFakeNC articles so left (the same seed, of 46)
AUDITS[21] = _ids(_GNAD, "0024 0042 0071 0120 0203 0233 0341 0506 0507 0551 0633 0711 0723 0758 0826 0852") \
    + _ids(_FANG, "10390 10626 13057 14189 22275 27012")
AUDITS[22] = _ids(_GFNC, "002 010 030 063 067 113 148 164 176 179 228 231 333 343 355 367 408 416 425 "
                         "485")
# session 28, on its first code (e868bd2): 40 dev-corpus articles no annotation, audit or verification fact covers, in two
# halves (random.Random(20261209).sample of 70)
AUDITS[23] = _ids(_GNAD, "0020 0175 0198 0211 0303 0307 0333 0465 0513 0598 0605 0674 0819 0832") \
    + _ids(_FANG, "11869 22346 25451 28839 31443 9436")
AUDITS[24] = _ids(_GNAD, "0018 0107 0129 0165 0272 0338 0410 0426 0432 0475 0669 0759 0770 0837 0911") \
    + _ids(_FANG, "20367 20521 20613 27855 31827")
# session 28, on its final reader (05ba4f8): 20 more dev-corpus articles and 20 GermanFakeNC articles, none of them
# audited, covered by the project's data or met in the session's dumps of changed claims (random.Random(20261210))
AUDITS[25] = _ids(_GNAD, "0011 0050 0084 0162 0342 0369 0375 0391 0398 0486 0576 0581 0594 0662 0749") \
    + _ids(_FANG, "16790 19903 20400 28198 33200")
AUDITS[26] = _ids(_GFNC, "004 050 084 178 198 219 223 226 260 318 332 345 346 361 376 390 398 450 474 "
                         "479")
# session 29, on its first code (c55bc68): the raw 10kGNAD rows without sport and the FANG-COVID articles still left by the
# filter of audit 15 (outside the dev corpus, the project's data and audits 1-26), then the 18 GermanFakeNC articles so left
AUDITS[27] = _ids(_GNAD, "0017 0339 0438 0544 0606 0672 0833") + _ids(_FANG, "18917 27883 34104 35139 35686")
AUDITS[28] = _ids(_GFNC, "023 026 029 085 091 105 149 191 210 251 297 303 305 357 378 422 437 489")
# session 29, after the mends of audits 27 and 28 (b78ccb5): with the filter loosened to 500-9,000 characters and four
# numbers or more, 25 raw 10kGNAD rows without sport and 20 GermanFakeNC articles (random.Random(20261212).sample)
AUDITS[29] = _ids(_GNAD, "0023 0117 0167 0208 0263 0355 0413 0422 0454 0467 0566 0591 0659 0700 0733 0739 0754 0777 0846 "
                         "0857 0880 0899 0944 0977 0997")
AUDITS[30] = _ids(_GFNC, "012 089 097 121 161 235 262 266 279 292 301 307 351 375 388 423 463 482 486 487")
# session 29, after the mends of audits 29 and 30 (74e93f3): 12 sport and 13 other raw 10kGNAD rows and 20 GermanFakeNC
# articles (random.Random(20261213)); after those of 31 and 32 (2ff3408): 8 sport and 17 other rows and 20 more
# GermanFakeNC articles (random.Random(20261214)); the same filter
AUDITS[31] = _ids(_GNAD, "0033 0061 0069 0195 0212 0348 0351 0364 0482 0490 0531 0534 0607 0623 0634 0670 0716 0719 0816 "
                         "0854 0908 0913 0932 0976 1026")
AUDITS[32] = _ids(_GFNC, "005 007 020 024 056 061 062 104 162 169 189 195 255 257 304 356 410 426 455 456")
AUDITS[33] = _ids(_GNAD, "0038 0044 0056 0102 0104 0111 0126 0150 0171 0186 0196 0227 0236 0304 0323 0329 0392 0446 0451 "
                         "0496 0590 0596 0658 0780 0974")
AUDITS[34] = _ids(_GFNC, "015 032 039 065 074 079 095 096 120 168 216 218 239 300 392 405 413 442 468 488")
# session 29, after the mends of audits 31-34 (1778464): 25 raw 10kGNAD rows without sport and 20 GermanFakeNC articles,
# none met in the session's dumps of changed claims (random.Random(20261215))
AUDITS[35] = _ids(_GNAD, "0035 0072 0116 0168 0172 0192 0298 0311 0357 0360 0372 0450 0478 0539 0657 0679 0682 0687 0710 "
                         "0732 0803 0902 0950 0962 0970")
AUDITS[36] = _ids(_GFNC, "035 043 090 115 116 152 166 172 187 206 222 284 309 330 338 341 363 406 420 443")
# session 29, blind on its final reader (84bd899, every reading mend of audits 27-36): 25 raw 10kGNAD rows without sport and
# 20 GermanFakeNC articles, none audited, covered by the project's data or met in the session's dumps of changed claims
# (random.Random(20261216))
AUDITS[37] = _ids(_GNAD, "0030 0059 0085 0088 0149 0286 0385 0394 0469 0511 0567 0595 0600 0621 0712 0714 0757 0784 0787 "
                         "0859 0863 0864 0875 0878 0909")
AUDITS[38] = _ids(_GFNC, "013 101 124 165 203 237 245 249 269 272 352 396 401 412 414 417 445 462 473 475")
AUDIT_DATA = {4: [RAW_10KGNAD], 5: [RAW_FANG], 6: [RAW_GERMANFAKENC], 7: [RAW_10KGNAD, RAW_20MINUTEN],
              8: [RAW_10KGNAD], 9: [RAW_FANG, RAW_GERMANFAKENC], 10: [RAW_10KGNAD], 11: [RAW_FANG, RAW_GERMANFAKENC],
              12: [FALSE_STATEMENTS], 13: [FALSE_STATEMENTS], 14: [FALSE_STATEMENTS], 15: [RAW_10KGNAD], 16: [SUMMARIES],
              17: [RAW_10KGNAD, RAW_FANG], 18: [RAW_FANG, RAW_GERMANFAKENC], 19: [RAW_10KGNAD, RAW_FANG],
              20: [RAW_GERMANFAKENC], 22: [RAW_GERMANFAKENC], 26: [RAW_GERMANFAKENC], 27: [RAW_10KGNAD, RAW_FANG],
              28: [RAW_GERMANFAKENC], 29: [RAW_10KGNAD], 30: [RAW_GERMANFAKENC], 31: [RAW_10KGNAD], 32: [RAW_GERMANFAKENC],
              33: [RAW_10KGNAD], 34: [RAW_GERMANFAKENC], 35: [RAW_10KGNAD], 36: [RAW_GERMANFAKENC], 37: [RAW_10KGNAD],
              38: [RAW_GERMANFAKENC]}


# Session 25's audits of the GermanFakeNC false statements (claims as a fact-checker pastes them, one or two
# sentences), chosen when asked for, so that the other audits run without that file: audit -> (digits, half).
FALSE_STATEMENT_AUDITS = {12: (True, 1), 13: (True, 2), 14: (False, 1)}


def false_statement_audit(half: int, digits: bool = True) -> list[str]:
    """Audits 12 and 13: the false statements that hold a digit (264 of 974), in random.Random(20261203) order,
    first or second half; audit 14 (digits=False): 150 of the 710 that hold none (number words, months)."""
    rows = [json.loads(line) for line in open(FALSE_STATEMENTS, encoding="utf-8") if line.strip()]
    ids = [r["id"] for r in rows if bool(re.search(r"\d", r["claim"])) is digits]
    random.Random(20261203).shuffle(ids)
    if not digits:
        return ids[:150]
    return ids[: len(ids) // 2] if half == 1 else ids[len(ids) // 2 :]


def audit_ids(audit: int) -> list[str]:
    """The article ids of audit number `audit`."""
    if audit in FALSE_STATEMENT_AUDITS:
        digits, half = FALSE_STATEMENT_AUDITS[audit]
        return false_statement_audit(half, digits)
    return AUDITS[audit]


def read_rows(path) -> dict[str, dict]:
    """Articles by id, from the dev corpus's JSONL, the raw 10kGNAD CSV (`label;'text'`, no header), the raw
    FANG-COVID subset (`file`, `date`, `source`, `article`: ids and sources written as the dev corpus's), the
    GermanFakeNC JSON list (`Date`, `Text`; ids by position) or the folder of 20 Minuten examples (a JSON line
    with `content` in each file)."""
    path = Path(path)
    if path.is_dir():
        rows = {}
        for file in sorted(path.glob("*.txt")):
            for line in file.read_text(encoding="utf-8").splitlines():
                row = json.loads(line) if line.startswith("{") and '"content"' in line else None
                if row:
                    rows[f"20minuten-{row['id']}"] = {"id": f"20minuten-{row['id']}", "text": row["content"], "source": "20 Minuten"}
                    break
        return rows
    if path.suffix == ".json":
        articles = json.loads(path.read_text(encoding="utf-8"))
        return {f"germanfakenc-{i:03d}": {"id": f"germanfakenc-{i:03d}", "text": a["Text"] or "",
                                          "source": f"GermanFakeNC ({a['Date']})"} for i, a in enumerate(articles)}
    with open(path, encoding="utf-8", newline="") as f:
        if path.suffix == ".csv":
            return {f"{_GNAD}{i:04d}": {"id": f"{_GNAD}{i:04d}", "text": text, "source": f"10kGNAD/test.csv ({label})"}
                    for i, (label, text) in enumerate(csv.reader(f, delimiter=";", quotechar="'"))}
        rows = [json.loads(line) for line in f if line.strip()]
    if rows and "claim" in rows[0]:  # GermanFakeNC's false statements, dated by their article where it is at hand
        dates = ({f"germanfakenc-{i:03d}": a["Date"] for i, a in enumerate(json.loads(RAW_GERMANFAKENC.read_text("utf-8")))}
                 if RAW_GERMANFAKENC.exists() else {})
        rows = [{"id": r["id"], "text": r["claim"],
                 "source": f"GermanFakeNC false statement ({dates.get(r['id'].rsplit('-', 1)[0], '')})"} for r in rows]
    if rows and "article" in rows[0]:
        rows = [{"id": _FANG + Path(r["file"]).stem, "text": r["article"],
                 "source": f"FANG-COVID ({r['source']}, {r['date'][:10]})"} for r in rows]
    return {row["id"]: row for row in rows}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("ids", nargs="*")
    parser.add_argument("--data", help=f"default: {DEFAULT_DATA}, or the raw files of audits 4 to 11")
    parser.add_argument("--audit", type=int, choices=sorted(AUDITS.keys() | FALSE_STATEMENT_AUDITS.keys()))
    args = parser.parse_args(argv)
    wanted = list(args.ids) + (audit_ids(args.audit) if args.audit else [])
    data = [args.data] if args.data else AUDIT_DATA.get(args.audit, [DEFAULT_DATA])
    rows = {k: row for path in data for k, row in read_rows(path).items()}
    total = 0
    for article_id in wanted:
        row = rows.get(article_id)
        if row is None:
            print(f"{article_id}: not in {', '.join(map(str, data))}", file=sys.stderr)
            continue
        source_date = re.search(r"(\d{4})-(\d{1,2})-(\d{1,2})", row.get("source") or "")  # "2020-05-6" too
        published = dt.date(*map(int, source_date.groups())) if source_date else read_published(row["text"])
        claims = extract_claims(row["text"], published=published)
        total += len(claims)
        print(f"\n## {article_id} (published {published or 'unknown'}, {len(claims)} claims)")
        for c in claims:
            q = c.quantity
            date = f" {q.date} [{q.date_low}..{q.date_high}]" if q.kind == "date" or q.date else ""
            # the counted noun as written too: a count of a noun with no English unit ("50 seltene Papageien") still
            # knows what it counts (audits 19 and 20 took the missing unit for a missing noun, 56 times)
            noun = (f" noun={q.noun}" if q.kind == "count" else "") + (f" per={q.per}" if q.per else "")
            print(f"  {q.text!r} {q.kind} value={q.value} [{q.low}, {q.high}] unit={q.unit}{noun} hedge={q.hedge} "
                  f"relation={q.relation}{date}\n      {c.sentence[:160]!r}")
    print(f"\n{len(wanted)} articles, {total} claims")
    return 0


if __name__ == "__main__":
    sys.exit(main())
