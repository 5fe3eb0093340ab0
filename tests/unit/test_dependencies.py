"""The dependency ranges, the lower-bounds constraints and the bundle's pins agree with each other, so
what CI tests (the newest allowed and the oldest allowed) and what the bundle ships are all inside the
ranges a user's pip would pick from."""

from __future__ import annotations

import importlib.util
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

REPO = Path(__file__).resolve().parents[1].parent
PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
RUNTIME = [Requirement(r) for r in PROJECT["dependencies"]]
TEST = [Requirement(r) for r in PROJECT["optional-dependencies"]["test"]]


def pins(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"{path.name}: '{line}' is not an exact pin"
            out[canonicalize_name(name)] = version.strip()
    return out


# certifi is the bundle of root certificates, versioned by date: an old one only trusts less.
NO_UPPER_BOUND = {"certifi"}


def test_every_dependency_has_an_upper_bound_so_an_untested_major_release_is_not_picked() -> None:
    for req in RUNTIME + TEST:
        if canonicalize_name(req.name) in NO_UPPER_BOUND:
            continue
        assert any(spec.operator in ("<", "<=", "==") for spec in req.specifier), f"{req} has no upper bound"


@pytest.mark.parametrize("requirements", [RUNTIME + TEST], ids=["runtime and test"])
def test_the_lower_bounds_run_installs_exactly_the_lowest_allowed_release(requirements: list[Requirement]) -> None:
    lowest = pins(REPO / "constraints" / "lowest.txt")
    for req in requirements:
        name = canonicalize_name(req.name)
        assert name in lowest, f"constraints/lowest.txt does not pin {req.name}"
        floor = next((s.version for s in req.specifier if s.operator == ">="), None)
        assert floor is not None, f"{req} has no lower bound"
        assert req.specifier.contains(lowest[name]), f"{req.name}=={lowest[name]} is outside {req.specifier}"
        assert Version(lowest[name]) == Version(floor), \
            f"{req.name}: lowest.txt pins {lowest[name]} but the range starts at {floor}"


def test_the_bundle_pins_a_version_of_every_runtime_dependency_inside_its_range() -> None:
    shipped = pins(REPO / "packaging" / "constraints.txt")
    for req in RUNTIME:
        name = canonicalize_name(req.name)
        assert name in shipped, f"packaging/constraints.txt does not pin {req.name}"
        assert req.specifier.contains(shipped[name]), f"bundle pins {req.name}=={shipped[name]}, outside {req.specifier}"


def test_the_build_reads_the_same_pins_and_tells_a_difference(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("epages_sync_bundle_build", REPO / "packaging" / "build.py")
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert build.pinned_versions() == pins(REPO / "packaging" / "constraints.txt")
    fake = tmp_path / "constraints.txt"
    fake.write_text("# comment\npytest==0.0.1\nnot-installed-anywhere==1.0\n", encoding="utf-8")
    [difference] = build.differences_from_pins(fake)
    assert difference.startswith("pytest ") and difference.endswith("(pinned 0.0.1)")
