"""Build the lessons site (`make docs`): execute the student lessons, then render them with mkdocs-material and
mkdocs-jupyter, beside an API reference made by mkdocstrings. Why mkdocs: Quarto (nbdev's own site tool) cannot be
installed offline from the package registries; mkdocs-material is a maintained pip package whose mkdocs-jupyter plugin renders
executed notebooks (images, and plotly with its JavaScript inlined, so the site works offline)."""
import argparse, os, shutil, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def execute(nb: Path, env: dict):
    "Run one lesson in place with nbconvert (in its own folder, so '../data/results' resolves)."
    r = subprocess.run([sys.executable, '-m', 'jupyter', 'nbconvert', '--to', 'notebook', '--execute', '--inplace',
                        '--ExecutePreprocessor.timeout=1800', nb.name], cwd=nb.parent, env=env, capture_output=True, text=True)
    if r.returncode: sys.exit(f'{nb.name} failed while building the site:\n{r.stderr[-3000:]}')


def with_site_picture(src: Path) -> str:
    "The text of `src` with the repository paths of the README picture and the docs pages replaced by their site copies."
    text = src.read_text(encoding='utf-8').replace('](../data/results/readme.png)', '](readme.png)')
    return text.replace('](../docs/developers.md)', '](developers.md)').replace('](../docs/facilitator.md)', '](facilitator.md)')


def build(work: Path, site: Path, only=None) -> Path:
    "Copy the student lessons into `work`, execute them (or those named in `only`), write mkdocs.yml, build `site`."
    from gradvit_nb.lessons import copy_lessons, LESSON_SECTIONS, HIDDEN_TAG
    shutil.rmtree(work, ignore_errors=True)
    lessons = {p.stem: p for p in copy_lessons(work)}
    docs = work/'lessons'
    keep = [n for n in lessons if only is None or n in only or n == 'index']
    for n in set(lessons) - set(keep): lessons.pop(n).unlink()
    # the index's picture lives outside the docs folder: bring it in
    shutil.copy(work/'data'/'results'/'readme.png', docs/'readme.png')
    (docs/'index.ipynb').write_text(with_site_picture(docs/'index.ipynb'), encoding='utf-8')
    env = {k: v for k, v in os.environ.items() if k != 'MPLBACKEND'}  # the kernel's inline backend draws the figures
    env['GRADVIT_PLOTLY_RENDERER'] = 'plotly_mimetype+notebook'  # plotly.js inlined: the figures work offline
    for n in keep:
        if n != 'index': print(f'executing {n}', flush=True); execute(lessons[n], env)
    (docs/'api').mkdir()
    modules = sorted(m.stem for m in (ROOT/'gradvit_nb').glob('*.py') if not m.stem.startswith('_'))
    for m in modules: (docs/'api'/f'{m}.md').write_text(f'# gradvit_nb.{m}\n\n::: gradvit_nb.{m}\n')
    nav = ['  - Home: index.ipynb']
    for title, names in LESSON_SECTIONS.items():
        got = [n for n in names if n in lessons]
        if got: nav += [f'  - {title}:'] + [f'      - {n}.ipynb' for n in got]
    nav += ['  - API reference:'] + [f'      - {m}: api/{m}.md' for m in modules]
    # the plumbing notebooks, results and commands: one page for developers, the guide in docs/
    (docs/'developers.md').write_text(with_site_picture(ROOT/'docs'/'developers.md'), encoding='utf-8')
    (docs/'facilitator.md').write_text((ROOT/'docs'/'facilitator.md').read_text(encoding='utf-8'), encoding='utf-8')
    nav += ['  - For instructors: facilitator.md', '  - For developers: developers.md']
    (work/'mkdocs.yml').write_text('\n'.join([
        'site_name: gradvit_nb lessons', f'docs_dir: {docs}', f'site_dir: {site}', 'use_directory_urls: false',
        'theme:', '  name: material', 'plugins:', '  - search', '  - mkdocs-jupyter:', '      include_source: false',
        '      remove_tag_config:', f'        remove_cell_tags: [{HIDDEN_TAG}]',  # the lessons' hidden set-up cells
        '  - mkdocstrings:', '      handlers:', '        python:', f'          paths: [{ROOT}]',
        '          options: {show_source: false, docstring_style: sphinx}', 'nav:', *nav, '']))
    subprocess.run([sys.executable, '-m', 'mkdocs', 'build', '-q', '-f', str(work/'mkdocs.yml')], check=True,
                   cwd=work, env=dict(os.environ, NO_MKDOCS_2_WARNING='1'))  # in `work`: mkdocs-jupyter's .cache goes there
    return site


if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--only', nargs='+', metavar='LESSON', help='execute and include only these lessons (e.g. 03_client)')
    ap.add_argument('--work', default=str(ROOT/'build'/'docs'), help='scratch folder (default build/docs)')
    ap.add_argument('--site', default=str(ROOT/'build'/'site'), help='where the site goes (default build/site)')
    a = ap.parse_args()
    print(f'wrote the site to {build(Path(a.work), Path(a.site), a.only)}: open index.html')
