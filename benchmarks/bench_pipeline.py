"""Speed and memory of the pipeline on a large generated corpus.

Not a test: run it by hand or in a benchmark job, and compare the figures with
the ones recorded in the issue notes.

    .venv/bin/python benchmarks/bench_pipeline.py --pages 2000 --jobs 2

It builds a corpus of long PDF reviews from the paragraphs of the bundled samples
(shuffled, so no two documents are the same), then times, over the same files,
(1) text extraction alone, (2) the whole pipeline: read, segment, extract facts,
screen and code, and (3) the commands a researcher runs, as commands: ``analyse``
(default formats), ``library add`` fresh and again (nothing new), and ``library
recode``. It prints pages per second, the ratio to bare extraction, the peak memory
of each command's largest process, and the projected time for the national corpus
(about 50,000 pages).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from caselens.codebook import default_codebook
from caselens.ingest import iter_documents, read_document
from caselens.pipeline.run import Pipeline
from caselens.pipeline.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
_PIPELINE: Pipeline | None = None


def _paragraphs() -> list[str]:
    paragraphs: list[str] = []
    for path in iter_documents([ROOT / "samples"]):
        doc = read_document(path)
        paragraphs += [doc.text[b.start : b.end] for b in doc.blocks if b.end - b.start > 80]
    if not paragraphs:
        sys.exit("no sample paragraphs found under samples/")
    return paragraphs


def make_corpus(folder: Path, pages: int, pages_per_doc: int, seed: int) -> list[Path]:
    """Write PDFs of about ``pages_per_doc`` A4 pages each until ``pages`` pages exist."""
    from fpdf import FPDF

    rng = random.Random(seed)
    paragraphs = _paragraphs()
    paths: list[Path] = []
    written = 0
    while written < pages:
        pdf = FPDF(format="A4")
        pdf.set_auto_page_break(True, margin=18)
        pdf.set_font("Helvetica", size=11)
        pdf.add_page()
        while pdf.page_no() < pages_per_doc:
            text = rng.choice(paragraphs).encode("latin-1", "replace").decode("latin-1")
            pdf.multi_cell(0, 5.5, text)
            pdf.ln(3)
        path = folder / f"review-{len(paths):04d}.pdf"
        pdf.output(str(path))
        paths.append(path)
        written += pdf.page_no()
    return paths


def _extract(path: Path) -> tuple[int, int]:
    doc = read_document(path)
    return doc.page_count or 1, len(doc.text)


def _init_pipeline(semantic: bool, model: bool) -> None:
    global _PIPELINE
    _PIPELINE = Pipeline(default_codebook(), Settings(semantic=semantic, model=model))


def _process(path: Path) -> tuple[int, int]:
    assert _PIPELINE is not None
    doc = read_document(path)
    processed = _PIPELINE.process(doc)
    return doc.page_count or 1, len(processed.findings)


def _peak_rss_mb() -> float:
    """Peak resident memory of this process and its finished children (Linux: KiB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def run(paths: list[Path], jobs: int, semantic: bool, model: bool) -> dict[str, float]:
    with ProcessPoolExecutor(jobs) as pool:
        t0 = time.perf_counter()
        extracted = list(pool.map(_extract, paths, chunksize=1))
        extract_s = time.perf_counter() - t0
    with ProcessPoolExecutor(jobs, initializer=_init_pipeline, initargs=(semantic, model)) as pool:
        # Warm each worker (model load, pattern compilation) outside the timing.
        list(pool.map(_process, paths[:jobs], chunksize=1))
        t0 = time.perf_counter()
        processed = list(pool.map(_process, paths, chunksize=1))
        pipeline_s = time.perf_counter() - t0
    pages = sum(p for p, _ in extracted)
    return {
        "documents": len(paths),
        "pages": pages,
        "characters": sum(c for _, c in extracted),
        "findings": sum(f for _, f in processed),
        "jobs": jobs,
        "semantic": semantic,
        "model": model,
        "extract_seconds": round(extract_s, 2),
        "extract_pages_per_second": round(pages / extract_s, 1),
        "pipeline_seconds": round(pipeline_s, 2),
        "pipeline_pages_per_second": round(pages / pipeline_s, 1),
        "pipeline_vs_extract": round(extract_s / pipeline_s, 2),
        "peak_rss_mb": round(_peak_rss_mb(), 1),
    }


NATIONAL_PAGES = 50_000  # about 1,400 published reviews


def _command(args: list[str], pages: int) -> dict[str, float]:
    """Run one caselens command as a user would; its wall time, pages per second and the
    peak memory of its largest process (Linux wait4: the command or one of its workers)."""
    import os
    import subprocess

    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "caselens", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return {
        "seconds": round(seconds, 2),
        "pages_per_second": round(pages / seconds, 1),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "exit_code": process.returncode,
    }


def commands(folder: Path, pages: int, jobs: int, work: Path) -> dict[str, dict[str, float]]:
    """The commands a researcher runs over a corpus, side by side on the same files."""
    database = work / "library.db"
    out: dict[str, dict[str, float]] = {}
    out["analyse"] = _command(
        ["analyse", str(folder), "--out", str(work / "briefing"), "--jobs", str(jobs)], pages
    )
    add = ["library", "add", str(folder), "--db", str(database), "--jobs", str(jobs)]
    out["library add (fresh)"] = _command(add, pages)
    out["library add (again)"] = _command(add, pages)
    out["library recode"] = _command(
        ["library", "recode", "--db", str(database), "--jobs", str(jobs)], pages
    )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=2000, help="total pages to generate")
    parser.add_argument("--pages-per-doc", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    parser.add_argument("--semantic", action="store_true", help="also the semantic matcher")
    parser.add_argument(
        "--model",
        action=argparse.BooleanOptionalAction,
        default=Settings().model,
        help="also the trained sentence model (default: as caselens's default settings)",
    )
    parser.add_argument("--corpus", type=Path, help="reuse (or keep) the corpus in this folder")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--commands",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also time analyse, library add (fresh and again) and recode as commands",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.corpus or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        paths = sorted(folder.glob("review-*.pdf"))
        if not paths:
            t0 = time.perf_counter()
            paths = make_corpus(folder, args.pages, args.pages_per_doc, args.seed)
            seconds = time.perf_counter() - t0
            print(f"generated {len(paths)} PDFs in {seconds:.1f} s", file=sys.stderr)
        base = run(paths, args.jobs, semantic=args.semantic, model=args.model)
        result: dict[str, object] = dict(base)
        if args.commands:
            with tempfile.TemporaryDirectory() as work:
                timed = commands(folder, int(base["pages"]), args.jobs, Path(work))
            result["commands"] = timed
            per_second = timed["analyse"]["pages_per_second"]
            result["national_corpus_minutes"] = round(NATIONAL_PAGES / per_second / 60, 1)
            result["analyse_vs_extract"] = round(per_second / base["extract_pages_per_second"], 2)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
