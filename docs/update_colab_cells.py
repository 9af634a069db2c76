"""Put (or refresh) the Colab badge and install cell under every lesson's title, from `gradvit_nb.lessons.colab_cells`.
Run after changing `HOME` (settings.ini's git_url) or adding a lesson to `LESSON_SECTIONS`; then nbdev-clean."""
import json
from pathlib import Path

from gradvit_nb.lessons import LESSON_SECTIONS, colab_cells

NBS = Path(__file__).resolve().parents[1]/'nbs'


def cell(kind: str, source: str, cid: str) -> dict:
    "A notebook cell without outputs."
    c = {'cell_type': kind, 'id': cid, 'metadata': {}, 'source': source.splitlines(True)}
    if kind == 'code': c.update(execution_count=None, outputs=[])
    return c


def update(name: str) -> bool:
    "Make cells 1 and 2 of lesson `name` its Colab cells; whether the file changed."
    p = NBS/f'{name}.ipynb'; nb = json.loads(p.read_text(encoding='utf-8'))
    badge, install = colab_cells(name)
    has = 'colab-badge' in ''.join(nb['cells'][1]['source'])
    if has and [''.join(c['source']) for c in nb['cells'][1:3]] == [badge, install]: return False
    nb['cells'][1:3 if has else 1] = [cell('markdown', badge, 'c01ab0a1'), cell('code', install, 'c01ab0a2')]
    p.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + '\n', encoding='utf-8')
    return True


if __name__ == '__main__':
    changed = [n for names in LESSON_SECTIONS.values() for n in names if update(n)]
    print(f'updated {len(changed)} lesson(s): {", ".join(changed) or "none"}')
