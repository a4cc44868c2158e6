"""`parindex template` end to end, in-process."""

from __future__ import annotations

from pathlib import Path

from parindex.evidence.model import SHEET_ITEMS
from parindex.evidence.reader import read_evidence

MINIMAL = Path(__file__).resolve().parents[1] / "fixtures" / "criteria" / "minimal.yaml"


def test_writes_a_workbook(cli, tmp_path):
    out = tmp_path / "so-tu-phap.xlsx"
    result = cli("template", str(MINIMAL), "-o", str(out), "--unit", "Sở Tư pháp", "--year", "2020",
                 "--prepared-by", "Nguyễn Văn A", "--level", "department")
    assert result.code == 0, result.err
    assert "so-tu-phap.xlsx" in result.out
    assert "DỰNG LẠI" in result.err  # the reconstructed set says so
    book = read_evidence(out)
    assert book.info["unit"] == "Sở Tư pháp"
    assert book.info["prepared_by"] == "Nguyễn Văn A"
    assert book.info["criteria_id"] == "mini-2020"
    assert book.rows["2.1.1"].cell("value").ref.startswith(f"{SHEET_ITEMS}!E")


def test_refuses_to_overwrite_without_force(cli, tmp_path):
    out = tmp_path / "a.xlsx"
    assert cli("template", str(MINIMAL), "-o", str(out)).code == 0
    before = out.read_bytes()
    result = cli("template", str(MINIMAL), "-o", str(out), "--unit", "Khác")
    assert result.code == 2
    assert "PC701" in result.err and "--force" in result.err
    assert out.read_bytes() == before
    result = cli("template", str(MINIMAL), "-o", str(out), "--unit", "Khác", "--force")
    assert result.code == 0, result.err
    assert read_evidence(out).info["unit"] == "Khác"


def test_bundled_set_by_id(cli, tmp_path):
    out = tmp_path / "tinh.xlsx"
    result = cli("template", "par-province-2020", "-o", str(out), "--unit", "Tỉnh Bắc Giang")
    assert result.code == 0, result.err
    book = read_evidence(out)
    assert book.info["criteria_id"] == "par-province-2020"
    assert len(book.rows) > 50


def test_bad_set_id_no_traceback(cli, tmp_path):
    result = cli("template", "no-such-set", "-o", str(tmp_path / "x.xlsx"))
    assert result.code == 2
    assert "PE300" in result.err and "no-such-set" in result.err
    assert "Traceback" not in result.err + result.out
    assert not (tmp_path / "x.xlsx").exists()


def test_bad_options(cli, tmp_path):
    out = str(tmp_path / "x.xlsx")
    level = cli("template", str(MINIMAL), "-o", out, "--level", "village")
    assert level.code == 2 and "PW411" in level.err and "commune" in level.err
    year = cli("template", str(MINIMAL), "-o", out, "--year", "1999")
    assert year.code == 2 and "PW412" in year.err and "2020" in year.err
    suffix = cli("template", str(MINIMAL), "-o", str(tmp_path / "x.xls"))
    assert suffix.code == 2 and "PC702" in suffix.err
    missing_output = cli("template", str(MINIMAL))
    assert missing_output.code == 2
    assert not (tmp_path / "x.xlsx").exists()
    for result in (level, year, suffix, missing_output):
        assert "Traceback" not in result.err + result.out


def test_english_and_help(cli, tmp_path):
    out = tmp_path / "en.xlsx"
    result = cli("template", str(MINIMAL), "-o", str(out), "--lang", "en")
    assert result.code == 0
    assert result.out.startswith("Wrote")
    assert "RECONSTRUCTED" in result.err
    help_text = cli("template", "--help")
    assert help_text.code == 0 and "--unit" in help_text.out


def test_a_level_other_than_the_sets_is_refused(cli, tmp_path) -> None:
    result = cli("template", "par-province-2020", "--level", "district", "-o", str(tmp_path / "t.xlsx"),
                 "--lang", "en")
    assert result.code == 2 and "PC718" in result.err and "for level 'province'" in result.err
    assert not (tmp_path / "t.xlsx").exists()


def test_a_label_autocomplete_would_swallow_is_a_warning_not_a_refusal(cli, tmp_path):
    import yaml

    data = yaml.safe_load(MINIMAL.read_text(encoding="utf-8"))
    choice = next(item for area in data["areas"] for crit in area["criteria"] for item in crit.get("items", [])
                  if item["rule"]["kind"] == "choice")
    longer = choice["rule"]["options"][0]["label"]
    choice["rule"]["options"][-1]["label"] = longer.split()[0]  # its first word: the beginning of another label
    path = tmp_path / "set.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "t.xlsx"
    result = cli("template", str(path), "-o", str(out), "--lang", "en")
    assert result.code == 0 and out.is_file()
    assert f"option '{longer.split()[0]}' is the beginning of option '{longer}'" in result.err
    assert cli("validate", str(path)).code == 0
    clean = cli("template", str(MINIMAL), "-o", str(tmp_path / "u.xlsx"), "--lang", "en")
    assert "is the beginning of option" not in clean.err
