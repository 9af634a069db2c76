"""The dashboard in a real JupyterLab driven through a real Chromium: run all cells, move a slider, Run, Stop; and
the same dashboard as a Voila app (`make app`), without code.

JupyterLab runs as a fresh server on 127.0.0.1 over a temporary copy of nbs/, with a random token, private config and
settings folders, and news and autosave off. Chromium is Debian's (`apt-get install chromium`, done by `make test`),
driven through Playwright's Python API with `executable_path`; `playwright install` is never used. Under CI
(`CI=true`) a missing browser fails the test instead of skipping it.
"""
import json, os, re, secrets, shutil, signal, socket, subprocess, sys, time, urllib.error, urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get('GRADVIT_CHROMIUM', '/usr/bin/chromium')
CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
                 '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage']
NOTEBOOK = '13_dashboard.ipynb'
LONG = 300_000  # ms: run-all executes the notebook's own tests before the page is ours


def _missing(reason):
    "Fail under CI, skip elsewhere (inside a fixture: a module-level skip would leave pytest with no tests)."
    if os.environ.get('CI', '').lower() in ('1', 'true', 'yes'): pytest.fail(f'{reason} (required under CI)')
    pytest.skip(reason)


@pytest.fixture(scope='module')
def chromium():
    if not Path(CHROMIUM).exists(): _missing(f'no browser at {CHROMIUM}: apt-get install chromium (make test does)')
    try: import playwright.sync_api  # noqa: F401
    except ImportError: _missing('playwright is not installed: pip install -e ".[dev]"')
    return CHROMIUM


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0)); return s.getsockname()[1]


def _write_settings(folder: Path):
    "JupyterLab user settings: no news fetch, no autosave."
    for plugin, value in [('@jupyterlab/apputils-extension/notification', {'fetchNews': 'false'}),
                          ('@jupyterlab/docmanager-extension/plugin', {'autosave': False})]:
        p = folder/(plugin + '.jupyterlab-settings')
        p.parent.mkdir(parents=True, exist_ok=True); p.write_text(json.dumps(value))


@pytest.fixture(scope='module')
def lab(tmp_path_factory):
    "A fresh JupyterLab on 127.0.0.1 over a temporary copy of the project's notebooks, behind a random token; yields (URL, token)."
    root = tmp_path_factory.mktemp('lab')
    shutil.copytree(ROOT/'nbs', root/'nbs', ignore=shutil.ignore_patterns('.ipynb_checkpoints'))
    # the notebooks' last cell exports with nbdev: give it a project to export into, away from the real one
    for f in ('pyproject.toml', 'settings.ini'): shutil.copy(ROOT/f, root/f)
    shutil.copytree(ROOT/'gradvit_nb', root/'gradvit_nb', ignore=shutil.ignore_patterns('__pycache__', 'assets'))
    env = _jupyter_env(root)
    _write_settings(root/'settings')
    port = _free_port(); url = f'http://127.0.0.1:{port}'; token = secrets.token_hex(24)  # other local users cannot drive it
    cmd = [sys.executable, '-m', 'jupyterlab', '--no-browser', '--ip=127.0.0.1', f'--port={port}',
           f'--IdentityProvider.token={token}', '--ServerApp.password=', '--LabApp.expose_app_in_browser=True',
           f'--ServerApp.root_dir={root/"nbs"}', *(['--allow-root'] if os.geteuid() == 0 else [])]
    with _server(cmd, env, root/'lab.log', lambda: _answers(f'{url}/api/status?token={token}')):
        try: urllib.request.urlopen(f'{url}/api/contents', timeout=5); raise AssertionError('JupyterLab answered without its token')
        except urllib.error.HTTPError as e: assert e.code == 403, e.code  # without the token: refused
        yield url, token


def _answers(url) -> bool:
    "Whether `url` answers 200 now."
    try:
        with urllib.request.urlopen(url, timeout=2) as r: return r.status == 200
    except OSError: return False


def _port_open(port) -> bool:
    "Whether something listens on 127.0.0.1:`port`."
    with socket.socket() as s: return s.connect_ex(('127.0.0.1', port)) == 0


@contextmanager
def _server(cmd, env, log_path, ready, timeout=120):
    "Run a server in its own session until the block ends, once `ready()` says it is up; fail with its log if it never is."
    log = open(log_path, 'w')
    proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.time() + timeout
        while not ready():
            if proc.poll() is not None or time.time() > deadline:
                pytest.fail(f'{Path(cmd[2]).name} did not start: {Path(log_path).read_text()[-2000:]}')
            time.sleep(.5)
        yield proc
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try: proc.wait(20)
            except subprocess.TimeoutExpired: os.killpg(proc.pid, signal.SIGKILL)
        log.close()


def _jupyter_env(root: Path) -> dict:
    "Private Jupyter config, data, runtime and settings folders under `root`, so the user's own never interfere."
    env = dict(os.environ, MPLBACKEND='Agg')
    for var, sub in [('JUPYTER_CONFIG_DIR', 'config'), ('JUPYTER_DATA_DIR', 'data'), ('JUPYTER_RUNTIME_DIR', 'runtime'),
                     ('JUPYTERLAB_SETTINGS_DIR', 'settings'), ('JUPYTERLAB_WORKSPACES_DIR', 'workspaces')]:
        (root/sub).mkdir(exist_ok=True); env[var] = str(root/sub)
    return env


@contextmanager
def _browser_page(chromium, viewport):
    "A page of Debian's Chromium driven by Playwright, closed at the end of the block."
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, headless=True)
        try: yield browser.new_page(viewport=viewport)
        finally: browser.close()


# JavaScript run in the page: what the notebook model says about its cells
CELL_REPORT = """() => {
  const nb = window.jupyterapp.shell.currentWidget; const cells = nb.content.model.cells;
  let todo = 0, errors = [];
  for (let i = 0; i < cells.length; i++) {
    const c = cells.get(i); if (c.type !== 'code') continue;
    const j = c.toJSON(); if (j.execution_count === null) todo += 1;
    for (const o of j.outputs) if (o.output_type === 'error') errors.push(o.ename + ': ' + o.evalue);
  }
  return {todo, errors, kernel: nb.sessionContext.session?.kernel?.status ?? 'none'};
}"""


def test_dashboard_in_real_browser(lab, chromium, tmp_path):
    lab, token = lab
    with _browser_page(chromium, {'width': 1500, 'height': 1100}) as page:
        page.goto(f'{lab}/lab/tree/{NOTEBOOK}?token={token}')
        page.wait_for_function("() => window.jupyterapp?.shell.currentWidget?.sessionContext?.session?.kernel?.status === 'idle'",
                               timeout=120_000)
        page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
        # the whole notebook ran, its own tests included, without an error
        page.wait_for_function(f"() => {{ const r = ({CELL_REPORT})(); return r.todo === 0 && r.kernel === 'idle'; }}",
                               timeout=LONG, polling=1000)
        report = page.evaluate(CELL_REPORT)
        assert report['errors'] == [], report['errors']

        dash = page.locator('.jp-Cell').filter(has=page.locator('.gradvit-run')).first
        grid, status = dash.locator('img.gradvit-grid'), dash.locator('.gradvit-status')
        grid.wait_for(timeout=60_000)
        assert 'idle' in status.inner_text()

        # move the TV weight one notch up with the keyboard, as a student would with the handle
        readout = dash.locator('.gradvit-slider-tv .widget-readout')
        before_value = readout.inner_text()
        dash.locator('.gradvit-slider-tv .noUi-handle').click()
        for _ in range(3): page.keyboard.press('ArrowRight')
        page.wait_for_function("([el, v]) => el.textContent.trim() !== v", arg=[readout.element_handle(), before_value])
        moved_value = readout.inner_text()

        before_src = grid.get_attribute('src')
        dash.locator('.gradvit-run').click()
        page.wait_for_function("([el, src]) => el.getAttribute('src') !== src", arg=[grid.element_handle(), before_src],
                               timeout=120_000)
        assert 'running' in status.inner_text()
        first_frame = grid.get_attribute('src')
        page.wait_for_function("([el, src]) => el.getAttribute('src') !== src", arg=[grid.element_handle(), first_frame],
                               timeout=120_000)  # the grid keeps changing while the attack runs
        dash.locator('.gradvit-stop').click()
        page.wait_for_function("el => el.textContent.includes('stopped')", arg=status.element_handle(), timeout=120_000)

        # the run used the moved slider: its gallery card lists the changed weight
        card = dash.locator('.widget-html-content', has_text='run 1').first
        card.wait_for(timeout=30_000)
        used = re.search(r'alpha_tv=([0-9.e+-]+)', card.inner_text())
        assert used, card.inner_text()
        assert abs(float(used.group(1)) / float(moved_value) - 1) < .06, (moved_value, used.group(0))  # readout: 2 digits
        assert float(moved_value) > float(before_value)
        # the defence panel: DP-SGD on, its noise moved up a notch; the next run is attacked behind it
        dash.locator('.gradvit-defence select').select_option(label='DP-SGD (Opacus)')
        line = dash.locator('.gradvit-defence-line')
        page.wait_for_function("el => el.textContent.includes('DP σ')", arg=line.element_handle(), timeout=30_000)
        eps_before = re.search(r'ε = ([0-9.e+]+)', line.inner_text()).group(1)
        dash.locator('.gradvit-dp-sigma .noUi-handle').click()
        for _ in range(10): page.keyboard.press('ArrowRight')  # σ from 1e-2 up to 1e-1
        page.wait_for_function("([el, v]) => !el.textContent.includes('ε = ' + v)", arg=[line.element_handle(), eps_before])
        sigma = float(dash.locator('.gradvit-dp-sigma .widget-readout').inner_text())
        assert sigma > 0.011, sigma
        src = grid.get_attribute('src')
        dash.locator('.gradvit-run').click()
        page.wait_for_function("([el, src]) => el.getAttribute('src') !== src", arg=[grid.element_handle(), src], timeout=120_000)
        assert 'behind DP σ' in status.inner_text(), status.inner_text()
        dash.locator('.gradvit-stop').click()
        page.wait_for_function("el => el.textContent.includes('stopped')", arg=status.element_handle(), timeout=120_000)
        card2 = dash.locator('.widget-html-content', has_text='run 2').first
        card2.wait_for(timeout=30_000)
        assert 'DP σ' in card2.inner_text(), card2.inner_text()

        shot = tmp_path/'dashboard.png'
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000


@pytest.fixture(scope='module')
def voila(tmp_path_factory):
    "The dashboard app (`make app`): Voila on 127.0.0.1 behind a random token; yields (URL, token)."
    root = tmp_path_factory.mktemp('voila')
    port = _free_port(); token = secrets.token_hex(24)
    cmd = [sys.executable, '-m', 'voila', str(ROOT/'apps'/'dashboard.ipynb'), '--no-browser', f'--port={port}',
           '--Voila.ip=127.0.0.1', f'--token={token}']
    with _server(cmd, _jupyter_env(root), root/'voila.log', lambda: _port_open(port)):
        yield f'http://127.0.0.1:{port}', token


def test_voila_app(voila, chromium):
    "The app shows the dashboard and no code; Run starts an attack whose grid changes; Stop stops it."
    url, token = voila
    with _browser_page(chromium, {'width': 1500, 'height': 1100}) as page:
        page.goto(f'{url}/?token={token}', timeout=180_000)
        run, status, grid = page.locator('.gradvit-run'), page.locator('.gradvit-status'), page.locator('img.gradvit-grid')
        grid.wait_for(timeout=180_000)
        assert 'idle' in status.inner_text()
        assert page.locator('.jp-InputArea-editor').count() == 0  # an app: the code is not shown
        src = grid.get_attribute('src')
        run.click()
        page.wait_for_function("([el, src]) => el.getAttribute('src') !== src", arg=[grid.element_handle(), src], timeout=120_000)
        assert 'running' in status.inner_text()
        page.locator('.gradvit-stop').click()
        page.wait_for_function("el => el.textContent.includes('stopped')", arg=status.element_handle(), timeout=120_000)


@pytest.fixture(scope='module')
def site(tmp_path_factory):
    "The lessons site (`make docs`), built with one lesson (10_metrics: a picture and plotly) executed, to keep the test short; yields its URL."
    root = tmp_path_factory.mktemp('site')
    subprocess.run([sys.executable, str(ROOT/'docs'/'build_site.py'), '--only', '10_metrics', '--work', str(root/'work'),
                    '--site', str(root/'site'), '--cache', str(root/'executed')], check=True, env=_jupyter_env(root), capture_output=True)
    port = _free_port()
    cmd = [sys.executable, '-m', 'http.server', str(port), '--bind', '127.0.0.1', '--directory', str(root/'site')]
    with _server(cmd, dict(os.environ), root/'http.log', lambda: _port_open(port)):
        yield f'http://127.0.0.1:{port}'


def test_lessons_site(site, chromium):
    "The site's index shows the README picture; a lesson page its pictures, a live plotly figure, its Colab badge and no test code; the API, instructor and developer pages render."
    loaded = "imgs => imgs.filter(i => i.complete && i.naturalWidth > 50).length"
    with _browser_page(chromium, {'width': 1400, 'height': 1000}) as page:
        page.goto(f'{site}/index.html')
        page.locator('img[src$="readme.png"]').wait_for(timeout=30_000)
        assert page.locator('img[src$="readme.png"]').evaluate_all(loaded) == 1
        assert 'A 100-minute workshop' in page.content()
        page.goto(f'{site}/10_metrics.html')
        page.locator('svg.main-svg').first.wait_for(timeout=60_000)  # plotly drew the figure, offline
        assert page.locator('img').evaluate_all(loaded) >= 1  # the notebook's own pictures
        assert page.locator('a[href*="colab.research.google.com/github/"]').count() == 1  # the lesson's Colab badge
        text = page.inner_text('body')  # the student view: no directives, tests or hidden set-up on the page
        for dev in ('#| export', '#| hide', 'test_eq(', 'test_fail(', 'nbdev_export', 'from fastcore.test'): assert dev not in text, dev
        assert 'from gradvit_nb.metrics import' in text  # an export cell is an import from the library now
        assert page.locator('script[src$="plotly.min.js"]').count() == 1 and len(page.content()) < 1_000_000  # plotly.js once, not inlined
        page.goto(f'{site}/api/attack.html')
        assert 'run_attack' in page.content() or 'optimise' in page.content()
        page.goto(f'{site}/facilitator.html')
        assert 'Questions students ask' in page.content()
        page.goto(f'{site}/developers.html')
        page.locator('img[src$="readme.png"]').wait_for(timeout=30_000)
        assert '94a_fast_matching' in page.content() and page.locator('img[src$="readme.png"]').evaluate_all(loaded) == 1
    import urllib.request
    with urllib.request.urlopen(f'{site}/facilitator.pdf') as r: assert r.read(5) == b'%PDF-'  # the printable guide, made offline
