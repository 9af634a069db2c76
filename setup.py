"Package set-up: every fact comes from settings.ini (classic nbdev layout)."
import shutil
from configparser import ConfigParser
from pathlib import Path

import setuptools
from setuptools.command.build_py import build_py

cfg = ConfigParser(delimiters=['='])
cfg.read('settings.ini', encoding='utf-8')
cfg = cfg['DEFAULT']

licenses = dict(apache2=('Apache Software License 2.0', 'OSI Approved :: Apache Software License'))
lic = licenses[cfg['license']]
statuses = ['1 - Planning', '2 - Pre-Alpha', '3 - Alpha', '4 - Beta', '5 - Production/Stable']
min_python = cfg['min_python']
dev_requirements = cfg.get('dev_requirements', '').split()
bench_requirements = cfg.get('bench_requirements', '').split()
fl_requirements = cfg.get("fl_requirements", "").split()
lessons_requirements = cfg.get('lessons_requirements', '').split()


class BuildWithLessons(build_py):
    "Also put the lessons (nbs/*.ipynb) and the result files they show (data/results) into the package: `gradvit-nb lessons`."
    def run(self):
        super().run()
        dest = Path(self.build_lib)/cfg['lib_name']/'lessons'
        shutil.rmtree(dest, ignore_errors=True)
        shutil.copytree('nbs', dest/'nbs', ignore=shutil.ignore_patterns('.ipynb_checkpoints', '*.py', '_*'))
        shutil.copytree('data/results', dest/'data'/'results')


setuptools.setup(
    name=cfg['lib_name'],
    version=cfg['version'],
    description=cfg['description'],
    long_description=open('README.md', encoding='utf-8').read(),
    long_description_content_type='text/markdown',
    keywords=cfg['keywords'].split(),
    author=cfg['author'],
    url=cfg['git_url'],
    author_email=cfg['author_email'],
    license=lic[0],
    classifiers=[
        'Development Status :: ' + statuses[int(cfg['status'])],
        'Intended Audience :: ' + cfg['audience'].title(),
        'License :: ' + lic[1],
        'Natural Language :: ' + cfg['language'].title(),
        'Programming Language :: Python :: 3',
    ],
    python_requires='>=' + min_python,
    packages=setuptools.find_packages(include=[cfg['lib_name'], cfg['lib_name'] + '.*']),
    package_data={cfg['lib_name']: cfg['package_data'].split()},
    include_package_data=False,
    install_requires=cfg['requirements'].split(),
    extras_require={'dev': dev_requirements, 'bench': bench_requirements, 'fl': fl_requirements,
                    'lessons': lessons_requirements + fl_requirements},
    cmdclass={'build_py': BuildWithLessons},
    entry_points={'console_scripts': cfg['console_scripts'].split(),
                  'nbdev': [f"{cfg['lib_name']}={cfg['lib_name']}._modidx:d"]},
    zip_safe=False,
)
