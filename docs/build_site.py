"""Build the lessons site (`make docs`): execute the student lessons, then render them with mkdocs-material and
mkdocs-jupyter, beside an API reference made by mkdocstrings. Why mkdocs: Quarto (nbdev's own site tool) cannot be
installed offline from the package registries; mkdocs-material is a maintained pip package whose mkdocs-jupyter plugin renders
executed notebooks (images, and plotly figures that use one copy of plotly.js for the whole site, offline)."""
import argparse, functools, hashlib, json, os, shutil, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@functools.cache
def library_key() -> str:
    "A hash of the library's source and of the stored results the lessons read."
    h = hashlib.sha256()
    for f in sorted([*(ROOT/'gradvit_nb').glob('*.py'), *(ROOT/'data'/'results').rglob('*')]):
        if f.is_file(): h.update(f.relative_to(ROOT).as_posix().encode()); h.update(f.read_bytes())
    return h.hexdigest()


def source_key(nb: Path) -> str:
    "What a lesson's outputs depend on: its student notebook, the library and the stored results."
    return hashlib.sha256(nb.read_bytes() + library_key().encode()).hexdigest()[:16]


def execute(nb: Path, env: dict, cache: Path) -> str | None:
    """Run one lesson in place with nbconvert (in its own folder, so '../data/results' resolves), or take it from `cache`
    when nothing it depends on changed. None when it ran; else the error, and the page keeps the lesson's last executed
    copy from the cache (with a note saying so) or, without one, its code alone."""
    key = source_key(nb); hit = cache/f'{nb.stem}-{key}.ipynb'
    if hit.exists(): shutil.copy(hit, nb); return None
    r = subprocess.run([sys.executable, '-m', 'jupyter', 'nbconvert', '--to', 'notebook', '--execute', '--inplace',
                        '--ExecutePreprocessor.timeout=1800', nb.name], cwd=nb.parent, env=env, capture_output=True, text=True)
    if r.returncode == 0:
        cache.mkdir(parents=True, exist_ok=True)
        for old in cache.glob(f'{nb.stem}-*.ipynb'): old.unlink()  # one executed copy per lesson: the newest
        tmp = hit.with_suffix('.tmp'); shutil.copy(nb, tmp); tmp.replace(hit)  # whole or not at all
        return None
    error = (r.stderr.strip().splitlines() or ['unknown error'])[-1]
    older = sorted(cache.glob(f'{nb.stem}-*.ipynb'))
    if older:
        book = json.loads(older[-1].read_text(encoding='utf-8'))
        note = dict(cell_type='markdown', id='build-note', metadata={},
                    source=[f'> **This page shows an earlier build.** Executing the lesson failed in this build: `{error}`'])
        book['cells'].insert(1, note); nb.write_text(json.dumps(book, indent=1, ensure_ascii=False), encoding='utf-8')
    return error


def without_widget_state(nb: Path):
    """Drop the widgets' saved state from an executed lesson: a static page cannot run them (they show empty either way),
    and a plotly FigureWidget's state carries 5 MB of JavaScript."""
    book = json.loads(nb.read_text(encoding='utf-8'))
    if book.get('metadata', {}).pop('widgets', None) is not None:
        nb.write_text(json.dumps(book, indent=1, ensure_ascii=False), encoding='utf-8')


def with_site_picture(src: Path) -> str:
    "The text of `src` with the repository paths of the README picture and the docs pages replaced by their site copies."
    text = src.read_text(encoding='utf-8').replace('](../data/results/readme.png)', '](readme.png)')
    return text.replace('](../docs/developers.md)', '](developers.md)').replace('](../docs/facilitator.md)', '](facilitator.md)')


def build(work: Path, site: Path, only=None, cache: Path = ROOT/'build'/'executed') -> tuple[Path, dict]:
    "Copy the student lessons into `work`, execute them (or those named in `only`; unchanged ones from `cache`), write mkdocs.yml, build `site`; the site and the lessons that failed."
    import plotly
    from gradvit_nb.lessons import copy_lessons, LESSON_SECTIONS, HIDDEN_TAG
    from gradvit_nb.core import SITE_RENDERER
    shutil.rmtree(work, ignore_errors=True)
    lessons = {p.stem: p for p in copy_lessons(work)}
    docs = work/'lessons'
    keep = [n for n in lessons if only is None or n in only or n == 'index']
    for n in set(lessons) - set(keep): lessons.pop(n).unlink()
    # the index's picture lives outside the docs folder: bring it in
    shutil.copy(work/'data'/'results'/'readme.png', docs/'readme.png')
    (docs/'index.ipynb').write_text(with_site_picture(docs/'index.ipynb'), encoding='utf-8')
    env = {k: v for k, v in os.environ.items() if k != 'MPLBACKEND'}  # the kernel's inline backend draws the figures
    env['GRADVIT_PLOTLY_RENDERER'] = f'plotly_mimetype+{SITE_RENDERER}'  # figures as divs; plotly.js once for the site (below)
    failed = {}
    for n in keep:
        if n == 'index': continue
        print(f'executing {n}', flush=True)
        if (err := execute(lessons[n], env, cache)): failed[n] = err; print(f'  {n} failed: {err}', flush=True)
        without_widget_state(lessons[n])
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
    # plotly.js once for the whole site, offline: a copy beside the pages, loaded in every page's head by a theme override
    shutil.copy(Path(plotly.__file__).parent/'package_data'/'plotly.min.js', docs/'plotly.min.js')
    (work/'overrides').mkdir()
    (work/'overrides'/'main.html').write_text('{% extends "base.html" %}\n{% block extrahead %}'
                                             '<script src="{{ base_url }}/plotly.min.js"></script>{% endblock %}\n')
    (work/'mkdocs.yml').write_text('\n'.join([
        'site_name: gradvit_nb lessons', f'docs_dir: {docs}', f'site_dir: {site}', 'use_directory_urls: false',
        'theme:', '  name: material', f"  custom_dir: {work/'overrides'}", 'plugins:', '  - search', '  - mkdocs-jupyter:', '      include_source: false',
        '      remove_tag_config:', f'        remove_cell_tags: [{HIDDEN_TAG}]',  # the lessons' hidden set-up cells
        '  - mkdocstrings:', '      handlers:', '        python:', f'          paths: [{ROOT}]',
        '          options: {show_source: false, docstring_style: sphinx}', 'nav:', *nav, '']))
    subprocess.run([sys.executable, '-m', 'mkdocs', 'build', '-q', '-f', str(work/'mkdocs.yml')], check=True,
                   cwd=work, env=dict(os.environ, NO_MKDOCS_2_WARNING='1'))  # in `work`: mkdocs-jupyter's .cache goes there
    for m in site.rglob('*.map'): m.unlink()  # the theme's source maps: for debugging its JavaScript, 1.3 MB a site
    print_guide(site)
    return site, failed


def print_guide(site: Path) -> Path | None:
    "The facilitator's guide as a printable PDF beside its page (headless Chromium, offline); None, with a line, without Chromium."
    chromium = os.environ.get('CHROMIUM') or shutil.which('chromium') or shutil.which('chromium-browser')
    if not chromium: print('no chromium: facilitator.pdf not made (the guide is still a page of the site)'); return None
    pdf, tmp = site/'facilitator.pdf', site/'facilitator.pdf.tmp'
    r = subprocess.run([chromium, '--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', f'--print-to-pdf={tmp}',
                        (site/'facilitator.html').as_uri()], capture_output=True, text=True, timeout=120)
    if r.returncode or not tmp.exists(): print(f'facilitator.pdf not made: {r.stderr.strip()[-200:]}'); return None
    tmp.replace(pdf); return pdf  # whole or not at all


if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--only', nargs='+', metavar='LESSON', help='execute and include only these lessons (e.g. 03_client)')
    ap.add_argument('--work', default=str(ROOT/'build'/'docs'), help='scratch folder (default build/docs)')
    ap.add_argument('--site', default=str(ROOT/'build'/'site'), help='where the site goes (default build/site)')
    ap.add_argument('--cache', default=str(ROOT/'build'/'executed'), help='executed lessons kept between builds (default build/executed)')
    a = ap.parse_args()
    site, failed = build(Path(a.work), Path(a.site), a.only, Path(a.cache))
    print(f'wrote the site to {site}: open index.html')
    if failed: sys.exit(f'{len(failed)} lesson(s) failed and show an earlier build or their code alone: ' + '; '.join(f'{n}: {e}' for n, e in failed.items()))
