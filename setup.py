"""The shipped folders as package data: ``data/`` and ``ontology/`` of the checkout are copied into
the wheel as ``graphmap/share/data`` and ``graphmap/share/ontology`` (read through
``graphmap.packagedata.shipped`` with importlib.resources). Everything else is in pyproject.toml."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
SHIPPED = ("data", "ontology")
# what a user makes in a checkout used as a workspace is never shipped
NOT_SHIPPED = shutil.ignore_patterns("rounds", "source-checks.json", "__pycache__", ".*")


class BuildWithSharedData(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the checkout's folders
        for name in SHIPPED:
            target = Path(self.build_lib) / "graphmap" / "share" / name
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(HERE / name, target, ignore=NOT_SHIPPED)


setup(cmdclass={"build_py": BuildWithSharedData})
