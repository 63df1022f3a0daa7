"""A blind side-by-side of two summarizing methods, for a person to judge.

    python -m tests.benchmarks.blind_summaries --data ../shared/data --out DIR [--pairs 30] [--seed 21]

Draws held-out articles (Inshorts' held-out part, original casing, for half or more; the rest
from CNN/DailyMail's validation part), each with a fixed seed; for each writes the article's
first ~250 words, then "Summary A" and "Summary B": ``newsrank`` at its default length and
Lead-3, in an order shuffled by the seed. Articles whose two summaries are the same are passed
over (nothing to judge) and counted. The key (which letter is which method) goes to
``DIR/key.json``, never into ``DIR/pairs.md``.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from corpuscut.summarizer import DEFAULT_METHOD, Length, Summarizer
from corpuscut.summarizer.references import Case, load_cnndm, load_inshorts

from .common import data_arg

SHOWN_WORDS = 250


def _opening(text: str, words: int = SHOWN_WORDS) -> str:
    out, count = [], 0
    for paragraph in text.split("\n"):
        if not paragraph.strip():
            continue
        piece = paragraph.split()
        out.append(" ".join(piece[: words - count]))
        count += len(piece)
        if count >= words:
            out[-1] += " ..."
            break
    return "\n\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    data_arg(parser)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--pairs", type=int, default=30)
    parser.add_argument("--seed", type=int, default=21)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    inshorts = load_inshorts(args.data / "inshorts", "heldout")
    cnndm = load_cnndm(args.data / "cnndm", "val")
    rng.shuffle(inshorts)
    rng.shuffle(cnndm)
    ours, lead = Summarizer(DEFAULT_METHOD), Summarizer("lead")
    wanted = {"inshorts": args.pairs - args.pairs * 2 // 5, "cnndm": args.pairs * 2 // 5}
    chosen: list[tuple[Case, str, str]] = []
    same = 0
    for name, pool in (("inshorts", inshorts), ("cnndm", cnndm)):
        taken = 0
        for case in pool:
            if taken == wanted[name]:
                break
            a = ours.summarize(case.article, Length()).text
            b = lead.summarize(case.article, Length(sentences=3)).text
            if a == b:
                same += 1
                continue
            chosen.append((case, a, b))
            taken += 1
    rng.shuffle(chosen)
    key, lines = {}, ["# Which summary would you rather read?", "",
                      "For each article: its opening (about 250 words), then two summaries. Say which one you "
                      "prefer (A, B, or same), as a reader who wants the gist.", ""]
    for n, (case, ours_text, lead_text) in enumerate(chosen, 1):
        first_is_ours = rng.random() < 0.5
        a, b = (ours_text, lead_text) if first_is_ours else (lead_text, ours_text)
        key[str(n)] = {"A": DEFAULT_METHOD if first_is_ours else "lead-3", "B": "lead-3" if first_is_ours else DEFAULT_METHOD,
                       "article": case.name}
        lines += [f"## {n}", "", _opening(case.article), "", f"**Summary A.** {a}", "", f"**Summary B.** {b}", "", "---", ""]
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "pairs.md").write_text("\n".join(lines), encoding="utf-8")
    (args.out / "key.json").write_text(json.dumps({"seed": args.seed, "identical_passed_over": same, "pairs": key}, indent=2) + "\n",
                                       encoding="utf-8")
    print(f"{len(chosen)} pairs written to {args.out / 'pairs.md'}; key in {args.out / 'key.json'}; "
          f"{same} articles passed over (the two summaries the same)")


if __name__ == "__main__":
    main()
