"Write README.md from nbs/index.ipynb (nbdev's convention: the index is the README). `--check`: exit 1 when they differ."
import json, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEADER = '<!-- generated from nbs/index.ipynb by `make readme`: edit the notebook, not this file -->\n\n'


def readme_text() -> str:
    "The index notebook's markdown cells, with its links (relative to nbs/) made relative to the repository root."
    nb = json.loads((ROOT/'nbs'/'index.ipynb').read_text(encoding='utf-8'))
    text = '\n\n'.join(''.join(c['source']).strip('\n') for c in nb['cells'] if c['cell_type'] == 'markdown')
    return HEADER + text.replace('](../', '](') + '\n'


if __name__ == '__main__':
    readme = ROOT/'README.md'
    if '--check' in sys.argv:
        if not readme.exists() or readme.read_text(encoding='utf-8') != readme_text():
            sys.exit('README.md differs from nbs/index.ipynb: edit the notebook, run `make readme` and commit both')
        print('README.md matches nbs/index.ipynb')
    else:
        readme.write_text(readme_text(), encoding='utf-8'); print('wrote README.md from nbs/index.ipynb')
