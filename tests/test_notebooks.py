"Run every notebook in nbs/ through nbdev's test runner: one pytest case per notebook."
from pathlib import Path

import pytest
from nbdev.config import get_config
from nbdev.test import test_nb as run_notebook  # renamed: pytest would collect test_nb

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT/'nbs').glob('*.ipynb'))


@pytest.mark.parametrize('nb', NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook(nb, monkeypatch):
    "Execute the notebook's cells; cells flagged with a name in tst_flags (slow, build, long) are skipped."
    monkeypatch.setenv('MPLBACKEND', 'Agg')
    flags = get_config(ROOT).tst_flags
    ok, seconds = run_notebook(nb, skip_flags=flags.split() if isinstance(flags, str) else flags, basepath=ROOT)
    assert ok, f'{nb.name} failed (its traceback is printed above)'


def test_found_notebooks():
    "The suite is not silently empty."
    assert len(NOTEBOOKS) >= 10
