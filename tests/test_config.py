"""Configuration: tqcheck.toml or [tool.tqcheck], found upwards or named; every key checked."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tqcheck import config
from tqcheck.cli import main

ARTICLE = ("Talks in Kyiv\n"
           "President Selenskyj spoke in Kyiv on Monday about the war and the coming winter months.\n"
           "Zelensky said the talks were useful and that the next round would follow in spring.\n")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def findings(result) -> list[tuple[str, str, str, str | None]]:
    data = json.loads(result.stdout)
    return [(f["code"], f["text"], f["severity"], f["suggestion"]) for a in data["articles"] for f in a["findings"]]


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    """A folder with an article, as the current folder (configuration is found from there)."""
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_defaults_without_a_file(newsroom):
    assert config.find() is None or config.find().parent != newsroom
    got = findings(run("check", "--no-config", "--format", "json", "a.txt"))
    assert ("TQ201", "Selenskyj", "warning", "Zelensky") in got


def test_tqcheck_toml_sets_severity_selection_and_house_spellings(newsroom):
    (newsroom / "tqcheck.toml").write_text(
        'ignore = ["TQ202"]\n'
        '[severity]\nname_variant = "info"\nforeign-transliteration = "error"\n'
        '[house-spellings.en]\nZelenskyy = ["Zelensky"]\n', encoding="utf-8")
    got = findings(run("check", "--format", "json", "a.txt"))
    # the most specific severity wins (a name over a family); the house spelling is suggested
    assert ("TQ201", "Selenskyj", "error", "Zelenskyy") in got
    assert ("TQ203", "Zelensky", "info", "Zelenskyy") in got
    assert not [f for f in got if f[0] == "TQ202"]


def test_pyproject_table_is_found_from_a_subfolder(newsroom, monkeypatch):
    (newsroom / "pyproject.toml").write_text('[project]\nname = "x"\n[tool.tqcheck]\nselect = ["TQ201"]\n',
                                             encoding="utf-8")
    sub = newsroom / "feeds" / "de"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    assert config.find() == newsroom / "pyproject.toml"
    got = findings(run("check", "--format", "json", newsroom / "a.txt"))
    assert {f[0] for f in got} == {"TQ201"}


def test_a_pyproject_without_our_table_is_not_a_configuration(newsroom):
    (newsroom / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert config.find() != newsroom / "pyproject.toml"


def test_command_line_wins_over_the_file(newsroom):
    (newsroom / "tqcheck.toml").write_text('select = ["TQ202"]\nfail-on = "error"\n', encoding="utf-8")
    assert run("check", "a.txt").exit_code == 0  # only warnings; the file says fail on errors
    result = run("check", "--select", "TQ201", "--fail-on", "warning", "--format", "json", "a.txt")
    assert result.exit_code == 1 and {f[0] for f in findings(result)} == {"TQ201"}
    assert {f[0] for f in findings(run("check", "--no-config", "--format", "json", "a.txt"))} >= {"TQ201"}


@pytest.mark.parametrize("text, message", [
    ('selct = ["TQ2"]\n', "tqcheck.toml: selct: unknown key (did you mean 'select'?)"),
    ('[severity]\nTQ201 = "loud"\n', "tqcheck.toml: severity.TQ201: 'loud' is not a severity (info, warning, error)"),
    ('[severity]\nTQ999 = "info"\n', "tqcheck.toml: unknown rule selector 'TQ999'"),
    ('select = "TQ2\n', "tqcheck.toml: not valid TOML"),
    ('[[sources]]\nmatch = "x/*"\n', "tqcheck.toml: sources[0]: needs both match and lang"),
    ('[[sources]]\nmatch = "x/*"\nlang = "German"\n', "tqcheck.toml: sources[0].lang: 'German' is not a language code"),
    ('[[sources]]\nmatch = "x/*"\nlang = "de"\nlanguage = "de"\n', "sources[0].language: unknown key (did you mean 'lang'?)"),
    ('[house-spellings.en]\nKyiv = "Kyiv"\n', "lists the house spelling itself as a variant"),
    ('[house-spellings.en]\nKyiv = ["Kiev"]\nKyjiw = ["Kiev"]\n', "'Kiev' is already replaced by 'Kyiv'"),
    ('max-article-chars = -1\n', "max-article-chars: must be a whole number above 0"),
    ('[notices]\nen = [""]\n', "notices.en: must be a string or a list of non-empty strings"),
])
def test_bad_configuration_is_one_clear_line_and_exit_2(newsroom, text, message):
    (newsroom / "tqcheck.toml").write_text(text, encoding="utf-8")
    result = run("check", "a.txt")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in result.output


def test_unknown_key_in_pyproject_names_the_table(newsroom):
    (newsroom / "pyproject.toml").write_text('[tool.tqcheck]\nfail_on = "error"\n', encoding="utf-8")
    result = run("check", "a.txt")
    assert result.exit_code == 2
    assert "pyproject.toml: [tool.tqcheck] fail_on: unknown key (did you mean 'fail-on'?)" in result.stderr


def test_missing_config_file_is_an_error(newsroom):
    result = run("check", "--config", "nope.toml", "a.txt")
    assert result.exit_code == 2 and "nope.toml: no such file" in result.stderr


def test_expected_source_languages_flag_an_article_in_another_language(newsroom):
    (newsroom / "de").mkdir()
    (newsroom / "de" / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (newsroom / "tqcheck.toml").write_text('[[sources]]\nmatch = ["*/de/*", "de/*"]\nlang = ["de"]\n',
                                           encoding="utf-8")
    data = json.loads(run("check", "--format", "json", "a.txt", "de/b.txt").stdout)
    by_source = {a["source"]: [f["code"] for f in a["findings"]] for a in data["articles"]}
    assert "TQ704" in by_source["de/b.txt"] and "TQ704" not in by_source["a.txt"]
    flagged = [f for a in data["articles"] for f in a["findings"] if f["code"] == "TQ704"][0]
    assert flagged["text"] in ARTICLE.splitlines() and "expected in German" in flagged["message"]


def test_sources_match_the_feed_or_file_an_item_came_from():
    src = config.SourceLanguages(("feeds/partner-de.xml",), ("de",))
    assert src.matches("feeds/partner-de.xml#guid-17") and src.matches("feeds/partner-de.xml")
    assert config.SourceLanguages(("export.jsonl",), ("de",)).matches("export.jsonl:17")
    assert not src.matches("feeds/partner-en.xml#guid-17")


def test_rules_shows_the_effective_settings(newsroom):
    (newsroom / "tqcheck.toml").write_text(
        'ignore = ["quote_marks"]\n[severity]\nTQ101 = "warning"\n'
        '[house-spellings.en]\nZelenskyy = ["Zelensky", "Zelenskiy"]\n'
        '[[sources]]\nmatch = "de/*"\nlang = "de"\n', encoding="utf-8")
    out = run("rules").stdout
    lines = {ln.split()[0]: ln for ln in out.splitlines() if ln.startswith("TQ")}
    assert out.splitlines()[0] == f"settings: {newsroom / 'tqcheck.toml'}"
    assert lines["TQ301"].split()[1] == "off" and lines["TQ201"].split()[1] == "on"
    assert "warning*" in lines["TQ101"]
    assert "house spelling [en]: Zelenskyy (replaces Zelenskiy, Zelensky)" in out
    assert "source de/*: expected in de" in out
    data = json.loads(run("rules", "--format", "json").stdout)
    tq101 = next(r for r in data["rules"] if r["code"] == "TQ101")
    assert (tq101["severity"], tq101["default_severity"], tq101["enabled"]) == ("warning", "info", True)
    assert data["house_spellings"] == {"en": {"Zelensky": "Zelenskyy", "Zelenskiy": "Zelenskyy"}}


def test_config_parse_is_usable_from_python():
    cfg = config.parse({"select": "TQ2", "house-spellings": {"en": {"Kyiv": ["Kiev"]}}})
    assert cfg.select == ("TQ2",) and cfg.options.house("en") == {"Kiev": "Kyiv"}
    with pytest.raises(config.ConfigError, match="unknown key"):
        config.parse({"colour": "red"})


def test_configured_notice_phrases_are_flagged(newsroom):
    (newsroom / "b.txt").write_text(ARTICLE + "Dieser Text entstand mit Hilfe von KI-Werkzeugen der Partnerredaktion.\n",
                                    encoding="utf-8")
    assert "TQ102" not in {f[0] for f in findings(run("check", "--no-config", "--format", "json", "b.txt"))}
    (newsroom / "tqcheck.toml").write_text('[notices]\nde = ["mit Hilfe von KI-Werkzeugen"]\n', encoding="utf-8")
    got = [f for f in findings(run("check", "--format", "json", "b.txt")) if f[0] == "TQ102"]
    assert [f[1] for f in got] == ["Dieser Text entstand mit Hilfe von KI-Werkzeugen der Partnerredaktion."]


def test_rules_lists_run_rules_as_running(newsroom):
    line = next(ln for ln in run("rules", "--no-config").stdout.splitlines() if ln.startswith("TQ204"))
    assert line.split()[1] == "on"
