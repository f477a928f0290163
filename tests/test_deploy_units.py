"""The shipped systemd units are ones systemd itself calls safe (``systemd-analyze security``), and the
scrapyd unit leaves what rendering jobs need."""

import re
import shutil
import subprocess

import pytest

from tests.conftest import ROOT

UNITS = ROOT / "deploy" / "systemd"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not on this machine")
@pytest.mark.parametrize("unit", ["scrapyd.service", "kyivind-schedule.service"])
def test_unit_exposure_is_at_most_3_5(unit):
    audit = subprocess.run(["systemd-analyze", "security", "--offline=true", unit], cwd=UNITS,
                           capture_output=True, text=True, timeout=60)
    exposure = re.search(r"Overall exposure level for \S+: ([\d.]+)", audit.stdout + audit.stderr)
    assert exposure, audit.stdout + audit.stderr
    assert float(exposure.group(1)) <= 3.5, audit.stdout


def directives(unit: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for line in (UNITS / unit).read_text().splitlines():
        if "=" in line and not line.startswith("#"):
            key, _, value = line.partition("=")
            found.setdefault(key.strip(), []).append(value.strip())
    return found


def test_jobs_that_render_keep_what_chromium_needs():
    scrapyd = directives("scrapyd.service")
    assert "MemoryDenyWriteExecute" not in scrapyd, "V8 needs writable and executable memory"
    assert scrapyd["ReadWritePaths"] == ["/var/lib/kyivind"] and scrapyd["ProtectSystem"] == ["strict"]
    assert "IPAddressDeny" not in scrapyd, "the crawls must reach the site"
    assert scrapyd["UMask"] == ["0077"] and scrapyd["CapabilityBoundingSet"] == [""]
    schedule = directives("kyivind-schedule.service")
    assert schedule["IPAddressAllow"] == ["localhost"] and schedule["MemoryDenyWriteExecute"] == ["yes"]
