"""Texts of one run (`scoring.run_plan`): inputs that do not belong together, the summary every many-unit output
opens with, and how last year's ranks are compared under this year's grouping."""

from parindex.common.catalogue import Msg

MESSAGES: dict[str, Msg] = {
    "PS580": Msg("một bảng xếp hạng chỉ gồm các sổ của một năm, nhưng các sổ ghi nhiều năm: {years}. Chấm riêng từng "
                 "năm, hoặc sửa ô Năm của sổ ghi nhầm; chưa chấm sổ nào.",
                 "one ranking holds the workbooks of one year, but these say different years: {years}. Score each "
                 "year on its own, or correct the Năm cell of a workbook that is wrong; nothing was scored.", exit=2),
    "PS581": Msg("không dòng nào của bảng điều tra {path} khớp một đơn vị được chấm (khối {blocks}): có thể là bảng "
                 "của khối khác. Dùng bảng của chính các đơn vị này, hoặc bỏ --survey {path}; chưa chấm sổ nào.",
                 "no row of the survey table {path} matches a unit being scored (blocks {blocks}): it may be another "
                 "block's table. Give these units' own table, or leave out --survey {path}; nothing was scored.",
                 exit=2),
    "PS574": Msg("không đơn vị nào trong tệp kết quả năm trước {path} khớp một đơn vị được chấm (khối {blocks}): có "
                 "thể là tệp của khối khác. Kiểm tra tên đơn vị và khối ('block') của các dòng, hoặc bỏ --previous "
                 "{path}; chưa chấm sổ nào.",
                 "no unit of last year's results {path} matches a unit being scored (blocks {blocks}): it may be "
                 "another block's file. Check the rows' names and blocks, or leave out --previous {path}; nothing "
                 "was scored.", exit=2),
    "PS582": Msg("'{unit}' là đơn vị duy nhất của khối '{block}' (xếp hạng 1/1), bên cạnh khối {others} cùng cấp. Nếu "
                 "sổ ghi nhầm khối (quên --block khi lập sổ), sửa ô Khối ({cell}); hoặc xếp chung bằng --together.",
                 "'{unit}' is the only unit of block '{block}' (ranked 1 of 1), beside block {others} of the same "
                 "level. If the workbook names the wrong block (a --block forgotten when it was made), correct its "
                 "Khối cell ({cell}); or rank them together with --together.", exit=1),
    "ui.run.title": Msg("Lần chấm này", "This run"),
    "ui.run.sets": Msg("Bộ tiêu chí: {sets}", "Criteria set: {sets}"),
    "ui.run.set": Msg("{id} (dấu vân tay {fingerprint})", "{id} (fingerprint {fingerprint})"),
    "ui.run.year": Msg("Năm: {years}", "Year: {years}"),
    "ui.run.blocks": Msg("Số đơn vị theo khối: {blocks}", "Units per block: {blocks}"),
    "ui.run.survey": Msg("Bảng điều tra {path}: khớp {matched}/{rows} dòng",
                         "Survey table {path}: {matched} of {rows} rows matched"),
    "ui.run.no_survey": Msg("Bảng điều tra: không dùng (--survey)", "Survey table: none given (--survey)"),
    "ui.run.previous": Msg("Kết quả năm trước {path}: khớp {matched}/{units} đơn vị",
                           "Last year's results {path}: {matched} of {units} units matched"),
    "ui.run.no_previous": Msg("Kết quả năm trước: không dùng (--previous)",
                              "Last year's results: none given (--previous)"),
    "ui.rank.recomputed": Msg("Khối {blocks}: năm trước các khối được xếp hạng theo cách chia khác; hạng năm trước "
                              "được tính lại từ điểm năm trước theo cách chia khối năm nay, để so sánh cùng cách xếp.",
                              "Blocks {blocks}: last year's ranking grouped the blocks otherwise; last year's ranks "
                              "are recomputed from last year's scores under this year's grouping, so that like is "
                              "compared with like."),
    "ui.rank.not_comparable": Msg("Khối {blocks}: không so sánh được với hạng năm trước (cột Thay đổi để trống): "
                                  "{why}.",
                                  "Blocks {blocks}: last year's ranks cannot be compared (the Change column is left "
                                  "blank): {why}."),
    "ui.rank.why_block_missing": Msg("năm trước các khối được xếp hạng theo cách chia khác, và kết quả năm trước "
                                     "không có đơn vị nào của khối {blocks} để tính lại hạng theo cách chia năm nay",
                                     "last year's ranking grouped the blocks otherwise, and last year's results hold "
                                     "no unit of block {blocks} to recompute the ranks under this year's grouping"),
    "ui.rank.why_no_scores": Msg("năm trước các khối được xếp hạng theo cách chia khác, và {n} đơn vị trong kết quả "
                                 "năm trước không có điểm để tính lại hạng theo cách chia năm nay",
                                 "last year's ranking grouped the blocks otherwise, and {n} units of last year's "
                                 "results have no score to recompute the ranks under this year's grouping"),
}
