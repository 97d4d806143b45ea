"""Dask: `check --scheduler` gives the bytes of `--jobs 1`; the archive API gives the same articles,
findings and run findings as the single-process run, partition by partition."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("distributed")
pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402
import pandas as pd  # noqa: E402
from distributed import Client, LocalCluster  # noqa: E402

from tqcheck import distributed as tqd  # noqa: E402
from tqcheck.cli import main  # noqa: E402
from tqcheck.engine import Checker, Settings  # noqa: E402
from tqcheck.inputs import InputOptions, read_all  # noqa: E402
from tqcheck.reporters.json_report import article_dict, run_finding_dict  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPUS = [str(ROOT / "fixtures" / "damaged"), str(ROOT / "fixtures" / "clean")]
INCLUDE = ("--include", "*.txt")
HAS_OPTION = any(p.name == "scheduler" for p in main.commands["check"].params)
needs_cli = pytest.mark.skipif(not HAS_OPTION, reason="tqcheck/cli.py has no --scheduler option yet")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as local:
        yield local


@pytest.fixture(scope="module")
def client(cluster):
    """The default client while this module runs: the API's collections compute on the cluster."""
    with Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def single(tmp_path_factory):
    """The single-process run (`--jobs 1`) over the corpus: its JSON bytes and data."""
    out = tmp_path_factory.mktemp("single") / "one.json"
    result = run("check", "--no-config", "-j", 1, *INCLUDE, "--format", f"json:{out}", *CORPUS)
    assert result.exit_code in (0, 1), result.output
    data = json.loads(out.read_bytes())
    assert data["summary"]["articles"] > 40 and data["summary"]["findings"] and data["run_findings"]
    return out.read_bytes(), data


@pytest.fixture(scope="module")
def records():
    raws = list(read_all(CORPUS, InputOptions(include=("*.txt",))))
    return [{"id": r.id, "source": r.source, "text": r.text} for r in raws]


def expected_rows(data) -> list[dict]:
    return [{"article": a["id"], "source": a["source"], "lang": a["lang"], **{k: f[k] for k in tqd.ROW_COLUMNS[3:]}}
            for a in data["articles"] for f in a["findings"]]


def plain_rows(frame) -> list[dict]:
    return [{k: (None if pd.isna(v) else v) for k, v in row.items()} for row in frame.to_dict("records")]


@needs_cli
def test_scheduler_gives_the_bytes_of_jobs_1(cluster, single, tmp_path):
    out = tmp_path / "cluster.json"
    result = run("check", "--no-config", "--scheduler", cluster.scheduler_address, *INCLUDE,
                 "--format", f"json:{out}", *CORPUS)
    assert result.exit_code in (0, 1), result.output
    assert out.read_bytes() == single[0]


def test_results_on_the_cluster_are_those_of_one_process(cluster, single):
    checker = Checker(Settings())
    raws = read_all(CORPUS, InputOptions(include=("*.txt",)))
    got = [article_dict(r) for r in tqd.results(raws, checker, cluster.scheduler_address)]
    assert got == single[1]["articles"]


def test_check_bag_gives_the_json_articles(client, single, records):
    assert tqd.check_bag(db.from_sequence(records, npartitions=3)).compute() == single[1]["articles"]
    frame = dd.from_pandas(pd.DataFrame(records), npartitions=2)
    assert tqd.check_bag(frame).compute() == single[1]["articles"]


def test_read_archive_reads_json_lines_as_the_cli_does(client, records, tmp_path):
    archive = tmp_path / "archive.jsonl"
    lines = [json.dumps({"id": r["id"], "text": r["text"], "lang": "xx" if i % 2 else None})
             for i, r in enumerate(records[:8])]
    lines[3:3] = ["not json", "", "[1, 2]", json.dumps({"title": "no body"})]
    archive.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "archive.json"
    result = run("check", "--no-config", "-j", 1, "--format", f"json:{out}", str(archive))
    assert result.exit_code == 2, result.output  # the lines that are not records
    want = json.loads(out.read_bytes())["articles"]
    assert len(want) == 11 and sum(bool(a["errors"]) for a in want) == 3
    assert tqd.check_bag(tqd.read_archive(str(archive))).compute() == want


def test_check_dataframe_rows_are_the_findings(client, single, records):
    frame = tqd.check_dataframe(dd.from_pandas(pd.DataFrame(records), npartitions=3))
    assert list(frame.columns) == list(tqd.ROW_COLUMNS)
    got = frame.compute()
    assert dict(got.dtypes) == dict(tqd.rows_meta().dtypes)
    assert plain_rows(got) == expected_rows(single[1])


def test_write_results_round_trips(client, single, records, tmp_path):
    bag = db.from_sequence(records, npartitions=3)
    tqd.write_results(bag, tmp_path / "jsonl", format="jsonl")
    files = sorted((tmp_path / "jsonl").glob("*.jsonl"))
    assert len(files) == 3
    back = [json.loads(line) for f in files for line in f.read_text(encoding="utf-8").splitlines()]
    assert back == single[1]["articles"]

    tqd.write_results(bag, tmp_path / "parquet", format="parquet")
    parts = sorted((tmp_path / "parquet").glob("*.parquet"))
    assert len(parts) == 3
    back = pd.concat([pd.read_parquet(p) for p in parts], ignore_index=True)
    assert plain_rows(back) == expected_rows(single[1])
    archive = tqd.read_archive(str(tmp_path / "parquet"))
    assert isinstance(archive, dd.DataFrame) and len(archive.compute()) == len(back)


def test_run_findings_across_partitions_are_the_cli_ones(client, single, records):
    got = tqd.run_findings(db.from_sequence(records, npartitions=4))
    assert [run_finding_dict(f) for f in got] == single[1]["run_findings"]
    assert tqd.run_findings(db.from_sequence(records, npartitions=2), Settings(ignore=("TQ204",))) == ()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@needs_cli
def test_an_unreachable_scheduler_is_one_line_and_exit_2():
    proc = subprocess.run([sys.executable, "-m", "tqcheck", "check", "--no-config", "--scheduler",
                           f"tcp://127.0.0.1:{_free_port()}", str(ROOT / "fixtures" / "clean")],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and proc.stdout == ""
    assert len(proc.stderr.splitlines()) == 1
    assert proc.stderr.startswith("tqcheck: cannot reach the Dask scheduler at tcp://127.0.0.1:")


@needs_cli
def test_bad_address_and_jobs_conflict_are_usage_errors(cluster):
    result = run("check", "--scheduler", "nonsense", str(ROOT / "fixtures" / "clean"))
    assert result.exit_code == 2 and "not a Dask scheduler address" in result.output
    result = run("check", "--scheduler", cluster.scheduler_address, "-j", 2, str(ROOT / "fixtures" / "clean"))
    assert result.exit_code == 2 and "--scheduler and --jobs" in result.output


def test_without_dask_the_error_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(tqd.DistributedError, match=r"tqcheck\[dask\]"):
        tqd.connect("tcp://127.0.0.1:8786")


def test_read_archive_reads_any_file_the_cli_reads(client, records, tmp_path):
    """UTF-16 JSON lines with a BOM and a whole JSON array, one partition per file (a glob),
    give the articles `tqcheck check` gives for the same files."""
    chosen = [{"id": r["id"], "text": r["text"]} for r in records[:6]]
    (tmp_path / "a-utf16.jsonl").write_bytes(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in chosen[:3]).encode("utf-16"))
    (tmp_path / "b-array.json").write_text(json.dumps(chosen[3:], ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "cli.json"
    result = run("check", "--no-config", "-j", 1, "--format", f"json:{out}",
                 str(tmp_path / "a-utf16.jsonl"), str(tmp_path / "b-array.json"))
    assert result.exit_code in (0, 1), result.output
    want = json.loads(out.read_bytes())["articles"]
    assert len(want) == 6 and not any(a["errors"] for a in want)
    archive = tqd.read_archive(str(tmp_path / "*-*.json*"))
    assert archive.npartitions == 2
    assert tqd.check_bag(archive).compute() == want


def test_read_archive_names_a_glob_that_matches_nothing(tmp_path):
    with pytest.raises(FileNotFoundError, match="no files match"):
        tqd.read_archive(str(tmp_path / "*.jsonl"))
