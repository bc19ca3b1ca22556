"""pyproject.toml and environment.yml must describe the same environment."""

import tomllib

import yaml
from packaging.requirements import Requirement

from kitpaths import ROOT


def pyproject_requirements():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    lines = project["dependencies"] + project["optional-dependencies"]["test"]
    return {
        Requirement(line).name.lower(): str(Requirement(line).specifier)
        for line in lines
    }


def conda_requirements():
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    lines = [
        entry
        for entry in environment["dependencies"]
        if isinstance(entry, str) and not entry.startswith(("python", "pip"))
    ]
    return {
        Requirement(line).name.lower(): str(Requirement(line).specifier)
        for line in lines
    }


def test_same_packages_and_pins():
    assert conda_requirements() == pyproject_requirements()


def test_nbval_and_pytest_pinned_exactly():
    pins = pyproject_requirements()
    assert pins["nbval"].startswith("==")
    assert pins["pytest"].startswith("==")


def test_same_python():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    (python,) = [
        entry
        for entry in environment["dependencies"]
        if isinstance(entry, str) and entry.startswith("python")
    ]
    assert python == "python" + project["requires-python"]
