"""The report folder of an evaluation task: metrics.json, summary.md and PNG plots.

Every metrics.json carries `run`: versions of claimcheck and the libraries that
decide the figures, the encoder, the data paths, the seed and a UTC timestamp,
so that a number can always be traced to what produced it.
"""
from __future__ import annotations

import datetime as dt
import json
import platform
from importlib import metadata
from pathlib import Path
from typing import Any, Optional, Sequence

import matplotlib

matplotlib.use("Agg")  # files only, no display
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

SEED = 0
VERSIONED = ("claimcheck", "torch", "transformers", "sentence-transformers", "lancedb", "datasets", "numpy")


def seed_everything(seed: int = SEED) -> None:
    import random

    random.seed(seed)
    np.random.seed(seed)
    try:
        import torch

        torch.manual_seed(seed)
    except ImportError:
        pass


def _version(package: str) -> Optional[str]:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def run_info(task: str, *, encoder: Optional[str], data: dict[str, str], options: dict[str, Any]) -> dict:
    return {
        "task": task,
        "timestamp": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "versions": {p: _version(p) for p in VERSIONED} | {"python": platform.python_version()},
        "encoder": encoder,
        "data": data,
        "options": options,
        "seed": SEED,
    }


# --- tables ----------------------------------------------------------------------------

def fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(fmt(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def text_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    cells = [list(headers)] + [[fmt(v) for v in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    return "\n".join("  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths)))
                     for r in cells)


# --- the folder --------------------------------------------------------------------------

def write_report(out: Path, metrics: dict, summary_md: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "metrics.json").write_text(json.dumps(metrics, ensure_ascii=False, indent=1, default=str) + "\n", "utf-8")
    (out / "summary.md").write_text(summary_md.rstrip() + "\n", "utf-8")


def run_footer(info: dict) -> str:
    versions = ", ".join(f"{k} {v}" for k, v in info["versions"].items() if v)
    data = ", ".join(f"{k}: `{v}`" for k, v in info["data"].items())
    return (f"\n\nRun {info['timestamp']}, encoder `{info['encoder']}`, seed {info['seed']}.  \n"
            f"Data: {data}.  \nVersions: {versions}.\n")


# --- plots ---------------------------------------------------------------------------------

def plot_confusions(confusions: dict[str, dict[str, dict[str, int]]], labels: Sequence[str], path: Path) -> None:
    """One confusion matrix per system, side by side (rows expected, columns predicted)."""
    fig, axes = plt.subplots(1, len(confusions), figsize=(4.6 * len(confusions), 4.2), squeeze=False)
    short = [label.replace("NOT_ENOUGH_INFO", "NEI") for label in labels]
    for ax, (name, confusion) in zip(axes[0], confusions.items()):
        matrix = np.array([[confusion[e][p] for p in labels] for e in labels])
        ax.imshow(matrix, cmap="Blues")
        for i in range(len(labels)):
            for j in range(len(labels)):
                ax.text(j, i, str(matrix[i, j]), ha="center", va="center",
                        color="white" if matrix[i, j] > matrix.max() / 2 else "black")
        ax.set_xticks(range(len(labels)), short)
        ax.set_yticks(range(len(labels)), short)
        ax.set_xlabel("predicted")
        ax.set_ylabel("expected")
        ax.set_title(name)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def plot_precision_recall(per_kind: dict[str, dict[str, dict[str, float]]], path: Path, title: str) -> None:
    """Grouped bars: for each kind, precision and recall of each system. per_kind[kind][system] = {p, r}."""
    kinds = list(per_kind)
    systems = list(next(iter(per_kind.values())))
    fig, axes = plt.subplots(1, 2, figsize=(max(8, 1.0 * len(kinds) * 2), 4), sharey=True)
    width = 0.8 / len(systems)
    for ax, measure, label in zip(axes, ("precision", "recall"), ("precision", "recall")):
        for s, system in enumerate(systems):
            values = [per_kind[k][system][measure] for k in kinds]
            ax.bar(np.arange(len(kinds)) + s * width - 0.4 + width / 2, values, width, label=system)
        ax.set_xticks(range(len(kinds)), kinds, rotation=30)
        ax.set_ylim(0, 1.05)
        ax.set_title(label)
        ax.grid(axis="y", alpha=0.3)
    axes[0].legend(loc="lower left", fontsize=8)
    fig.suptitle(title)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def plot_calibration(curves: dict[str, list[dict]], path: Path) -> None:
    """Accuracy against mean confidence per confidence bin (bins from eval_verify.metrics)."""
    fig, ax = plt.subplots(figsize=(5, 4.5))
    ax.plot([0, 1], [0, 1], "--", color="grey", label="perfectly calibrated")
    for name, bins in curves.items():
        x = [b["mean_confidence"] for b in bins]
        y = [b["accuracy"] for b in bins]
        sizes = [20 + 2 * b["n"] for b in bins]
        ax.plot(x, y, "-o", label=name)
        ax.scatter(x, y, s=sizes, alpha=0.3)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.05)
    ax.set_xlabel("mean confidence in bin")
    ax.set_ylabel("share of verdicts right")
    ax.legend(fontsize=8)
    ax.set_title("calibration (marker size ~ judgements)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def plot_rouge(rows: list[dict], path: Path) -> None:
    """Bars of ROUGE-1/2/L per system, one panel per row group. rows: {group, system, r1, r2, rl}."""
    groups = list(dict.fromkeys(r["group"] for r in rows))
    fig, axes = plt.subplots(1, len(groups), figsize=(6 * len(groups), 4), squeeze=False)
    for ax, group in zip(axes[0], groups):
        sub = [r for r in rows if r["group"] == group]
        x = np.arange(len(sub))
        for i, (key, label) in enumerate((("r1", "ROUGE-1"), ("r2", "ROUGE-2"), ("rl", "ROUGE-L"))):
            ax.bar(x + (i - 1) * 0.27, [r[key] for r in sub], 0.27, label=label)
        ax.set_xticks(x, [r["system"] for r in sub], rotation=30)
        ax.set_title(f"{group} (n={sub[0]['n']})")
        ax.set_ylabel("F1 x 100")
        ax.grid(axis="y", alpha=0.3)
    axes[0][0].legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
