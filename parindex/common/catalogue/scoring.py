"""Texts of scoring: per-item warnings and errors (PS5xx), and the labels of the score reports."""

from parindex.common.catalogue import Msg

MESSAGES: dict[str, Msg] = {
    "PS501": Msg("điểm tự chấm ghi {self} nhưng theo quy tắc chấm là {computed}.",
                 "the self-score column says {self} but the rule gives {computed}.", exit=1),
    "PS502": Msg("không có tài liệu kiểm chứng và không có giải trình (thiếu tài liệu kiểm chứng thì phải giải trình).",
                 "no evidence and no explanation (an item without evidence needs an explanation).", exit=1),
    "PS503": Msg("chưa nhập kết quả — tính 0 điểm.", "no value entered — counted as 0 points.",
                 exit=1),
    "PS540": Msg("không có dòng của tiêu chí này trong sổ (dòng bị xoá hoặc chưa chép) — tính 0 điểm; thêm lại dòng "
                 "ngay sau tiêu chí {after}, hoặc lập lại sổ bằng 'parindex template'.",
                 "the workbook has no row for this item (deleted, or never copied) — counted as 0 points; put the "
                 "row back just after item {after}, or make the workbook again with 'parindex template'.", exit=1),
    "PS541": Msg("có điểm tự chấm {self} nhưng cột Kết quả để trống — tính 0 điểm; điểm được tính từ Kết quả, "
                 "hãy nhập kết quả (số liệu, phương án) mà điểm tự chấm dựa vào.",
                 "a self-score of {self} but no value in Kết quả — counted as 0 points; points come from the value, "
                 "so enter the value (figure, option) the self-score is based on.", exit=1),
    "PS542": Msg("sổ ghi cấp '{book_level}' nhưng bộ tiêu chí {set_id} dành cho cấp '{set_level}'; chấm bằng bộ "
                 "tiêu chí của cấp đó (--criteria), hoặc sửa ô Cấp nếu ghi nhầm.",
                 "the workbook says level '{book_level}' but criteria set {set_id} is for level '{set_level}'; score "
                 "it with that level's set (--criteria), or correct the level cell if it is a slip.", exit=1),
    "PS543": Msg("không tìm thấy bảng kết quả điều tra: không trang nào có dòng tiêu đề với cột 'Đơn vị' trong {rows} "
                 "dòng đầu. Bảng cần cột 'Đơn vị' và một cột cho mỗi mã tiêu chí đo lường (điều tra, SIPAS…).",
                 "no survey table found: no sheet has a header row with a 'Đơn vị' column in its first {rows} rows. "
                 "The table needs a 'Đơn vị' column and one column per measured item code (survey, SIPAS…).", exit=2),
    "PS544": Msg("dòng tiêu đề có cột 'Đơn vị' nhưng không có cột nào mang mã tiêu chí (ví dụ 8.1.1).",
                 "the header row has a 'Đơn vị' column but no column named by an item code (such as 8.1.1).",
                 exit=2),
    "PS545": Msg("bảng điều tra có hai dòng cho đơn vị '{unit}': {first} và {second}; giữ một dòng.",
                 "the survey table has two rows for unit '{unit}': {first} and {second}; keep one.", exit=2),
    "PS546": Msg("cột {code} của bảng điều tra không phải tiêu chí đo lường (điều tra, SIPAS…) của bộ "
                 "tiêu chí {set_id}.",
                 "column {code} of the survey table is not a measured item (survey, SIPAS…) of criteria "
                 "set {set_id}.", exit=2),
    "PS547": Msg("đơn vị '{unit}' không có dòng trong bảng điều tra {path}: thiếu kết quả đo lường không phải "
                 "'không áp dụng', nên đơn vị chưa được xếp hạng cho đến khi bảng có dòng của nó (điểm điều tra đơn "
                 "vị tự nhập chỉ là ước tính).",
                 "unit '{unit}' has no row in the survey table {path}: a missing measurement is not 'not "
                 "applicable', so the unit is not ranked until the table has its row (the survey values it typed "
                 "are only estimates).", exit=1),
    "PS548": Msg("bảng điều tra không có dòng của '{unit}'; các dòng không khớp sổ nào, tên gần nhất trước: "
                 "{closest}. Sửa tên trong bảng cho khớp sổ (so như lệnh gap: bỏ qua hoa/thường, dấu, tiền tố UBND…).",
                 "the survey table has no row for '{unit}'; its rows that match no workbook, closest name first: "
                 "{closest}. Correct the name in the table (compared as gap compares names: case, accents and "
                 "prefixes such as UBND aside).", exit=1),
    "PS591": Msg("tiêu đề '{header}' có mã tiêu chí lẫn với chữ, nên cột này không được đọc; ghi ô tiêu đề chỉ bằng "
                 "mã (ví dụ 3.2.1), hoặc bỏ số khỏi tiêu đề nếu cột không phải kết quả của một tiêu chí.",
                 "header '{header}' holds an item code among other words, so its column is not read; head it with "
                 "the code alone (such as 3.2.1), or drop the number if the column holds no item's results.", exit=2),
    "PS592": Msg("ô tiêu đề '{header}' được gộp qua các cột {cells}, và các cột dưới nó có số liệu nhưng không có tiêu "
                 "đề riêng nên không được đọc; bỏ gộp ô và ghi mã tiêu chí trên từng cột.",
                 "header '{header}' is merged across {cells}, and the columns under it hold values but no header of "
                 "their own, so they are not read; unmerge it and head each column with its item code.", exit=2),
    "PS593": Msg("hai cột của bảng cùng là '{header}': {first} và {second}; giữ một cột (cột sau sẽ thay cột trước "
                 "mà không báo).",
                 "two columns of the table are both '{header}': {first} and {second}; keep one (the later would "
                 "silently replace the earlier).", exit=2),
    "PS590": Msg("ô {cell} của bảng điều tra để trống: thiếu kết quả đo lường không phải 'không áp dụng', nên đơn vị "
                 "'{unit}' chưa được xếp hạng cho đến khi ô có kết quả.",
                 "cell {cell} of the survey table is blank: a missing measurement is not 'not applicable', so unit "
                 "'{unit}' is not ranked until the cell holds its result.", exit=1),
    "PS510": Msg("mã này không có trong bộ tiêu chí; kiểm tra lại mã hoặc bộ tiêu chí của sổ.",
                 "this code is not in the criteria set; check the code or the workbook's criteria set.", exit=1),
    "PS511": Msg("điểm {value} vượt quá điểm tối đa {max}.", "points {value} exceed the maximum {max}.", exit=1),
    "PS512": Msg("tiêu chí này không được đánh dấu 'Không áp dụng' trong bộ tiêu chí.",
                 "this item may not be marked 'not applicable' in the criteria set.", exit=1),
    "PS520": Msg("sổ được lập cho bộ tiêu chí {book_id} (dấu vân tay {book_fp}) nhưng đang chấm theo {set_id} "
                 "(dấu vân tay {set_fp}). Nếu bộ tiêu chí đã được sửa, chuyển số liệu đã điền sang sổ mới bằng "
                 "'parindex template BỘ --from SỔ_CŨ.xlsx -o SỔ_MỚI.xlsx' (BỘ: {set_id} hoặc tệp YAML của bộ; lệnh "
                 "liệt kê những gì cần xem lại); hoặc chỉ định --criteria đúng bộ.",
                 "the workbook was made for criteria set {book_id} (fingerprint {book_fp}) but is being scored "
                 "against {set_id} (fingerprint {set_fp}). If the set was corrected, carry what was typed into a new "
                 "workbook with 'parindex template SET --from OLD.xlsx -o NEW.xlsx' (SET: {set_id} or the set's YAML "
                 "file; it lists what needs a second look); or pass the right --criteria.", exit=1),
    "PS521": Msg("sổ không ghi dấu vân tay bộ tiêu chí; không kiểm tra được sổ có khớp bộ {set_id} không.",
                 "the workbook has no criteria fingerprint; cannot check that it matches set {set_id}.", exit=1),
    "PS522": Msg("sổ không ghi bộ tiêu chí; dùng --criteria để chỉ định.",
                 "the workbook does not name its criteria set; pass --criteria.", exit=1),
    "PS524": Msg("sổ ghi bộ tiêu chí '{set_id}' nhưng đây không phải bộ có sẵn; thêm --criteria ĐƯỜNG_DẪN.yaml.",
                 "the workbook names criteria set '{set_id}', which is not bundled; add --criteria PATH.yaml.",
                 exit=2),
    "PS523": Msg("không tìm thấy sổ .xlsx nào trong {path}.{others}", "no .xlsx workbook found in {path}.{others}",
                 exit=2),
    "PS526": Msg("hai sổ cho cùng một đơn vị '{unit}': {first} và {second}. Giữ một sổ (có thể là bản sao gửi hai "
                 "lần) rồi chấm lại; chưa xếp hạng đơn vị nào.",
                 "two workbooks for the same unit '{unit}': {first} and {second}. Keep one (a copy sent twice?) and "
                 "score again; no unit was ranked.", exit=2),
    "PS529": Msg("một tiến trình con dừng đột ngột khi đang đọc {path}; hãy chấm riêng tệp đó để biết lý do. Chưa "
                 "xếp hạng đơn vị nào.",
                 "a worker process stopped abruptly while reading {path}; score that file alone to see why. No unit "
                 "was ranked.", exit=2),
    "PS527": Msg("hai sổ cho cùng một đơn vị '{unit}': {first} và {second}, là các phần của cơ quan chủ trì. Ghép "
                 "các phần thành một sổ bằng 'parindex merge CÁC_PHẦN -o SỔ.xlsx' rồi chấm sổ đã ghép; chưa xếp hạng "
                 "đơn vị nào.",
                 "two workbooks for the same unit '{unit}': {first} and {second}, lead agencies' parts. Assemble the "
                 "parts into one workbook with 'parindex merge PARTS -o BOOK.xlsx' and score that; no unit was "
                 "ranked.", exit=2),
    "PS525": Msg("{path} vừa là sổ được chấm vừa là tệp kết quả (-o); ghi kết quả ra tệp khác để không mất sổ.",
                 "{path} is both a workbook being scored and the output (-o); write the report to another file so "
                 "the workbook is not lost.", exit=2),
}

MESSAGES.update({
    "ui.score.total": Msg("Tổng điểm tự đánh giá", "Self-assessed total"),
    "ui.score.sum": Msg("Tổng cộng", "Total"),
    "ui.score.total_appraised": Msg("Tổng điểm sau thẩm định", "Total after appraisal"),
    "ui.score.total_appraised_note": Msg("điểm thẩm định ở {n} tiêu chí có thẩm định, điểm tự chấm ở các tiêu chí "
                                         "còn lại; tổng tự đánh giá là {self}",
                                         "appraised points on the {n} items appraised, the unit's own elsewhere; the "
                                         "self-assessed total is {self}"),
    "ui.score.base": Msg("Điểm các lĩnh vực", "Areas"),
    "ui.score.bonus": Msg("Điểm thưởng", "Bonus"),
    "ui.score.penalty": Msg("Điểm trừ", "Penalty"),
    "ui.score.earned": Msg("đạt {earned}, trần {cap}", "earned {earned}, cap {cap}"),
    # the CSV item rows' header (scoring/reports.py CSV_HEADER), one entry per column
    "csv.unit": Msg("Đơn vị", "unit"),
    "csv.year": Msg("Năm", "year"),
    "csv.criteria": Msg("Bộ tiêu chí", "criteria"),
    "csv.criteria_status": Msg("Trạng thái bộ tiêu chí", "criteria_status"),
    "csv.area": Msg("Lĩnh vực", "area"),
    "csv.code": Msg("Mã", "code"),
    "csv.name": Msg("Nội dung", "name"),
    "csv.status": Msg("Trạng thái", "status"),
    "csv.value": Msg("Kết quả", "value"),
    "csv.score": Msg("Điểm", "score"),
    "csv.max": Msg("Điểm tối đa", "max"),
    "csv.own_score": Msg("Điểm theo số liệu của đơn vị", "own_score"),
    "csv.self_score": Msg("Điểm tự chấm", "self_score"),
    "csv.appraised": Msg("Điểm thẩm định", "appraised"),
    "csv.lead": Msg("Cơ quan chủ trì", "lead"),
    "ui.score.deducted": Msg("tổng các mục {earned}, trừ tối đa {cap}", "items {earned}, at most {cap} deducted"),
    "ui.score.differences": Msg("Tiêu chí có điểm thẩm định khác điểm tự chấm (giải trình hoặc đề nghị xem xét lại)",
                                "Items whose appraised points differ from the unit's own (to explain or contest)"),
    "ui.score.own": Msg("Tự chấm", "Own"),
    "ui.score.appraised": Msg("Thẩm định", "Appraised"),
    "ui.score.delta": Msg("Chênh lệch", "Difference"),
    "ui.score.unit": Msg("Đơn vị", "Unit"),
    "ui.score.year": Msg("Năm", "Year"),
    "ui.score.set": Msg("Bộ tiêu chí", "Criteria set"),
    "ui.score.code": Msg("Mã", "Code"),
    "ui.score.area": Msg("Lĩnh vực", "Area"),
    "ui.score.item": Msg("Tiêu chí thành phần", "Sub-criterion"),
    "ui.score.component": Msg("Thành phần", "Component"),
    "ui.score.points": Msg("Điểm", "Points"),
    "ui.score.max": Msg("Tối đa", "Max"),
    "ui.score.full_max": Msg("Tối đa theo bộ", "Set max"),
    "ui.score.rank": Msg("Hạng", "Rank"),
    "ui.score.bar": Msg("Mức đạt", "Attained"),
    "ui.score.lost": Msg("Điểm mất", "Lost"),
    "ui.score.lead": Msg("Cơ quan chủ trì", "Lead agency"),
    "ui.score.status": Msg("Trạng thái", "Status"),
    "ui.score.components": Msg("Thành phần điểm", "Components"),
    "ui.score.areas": Msg("Điểm theo lĩnh vực", "Points by area"),
    "ui.score.areas_ranked": Msg("Lĩnh vực xếp theo mức đạt", "Areas ranked by attainment"),
    "ui.score.losses": Msg("10 tiêu chí mất nhiều điểm nhất", "Ten biggest point losses"),
    "ui.score.warnings": Msg("Cảnh báo", "Warnings"),
    "ui.score.errors": Msg("Lỗi trong sổ", "Errors in the workbook"),
    "ui.score.errors_summary": Msg("⚠ {units}/{total} đơn vị có lỗi trong sổ ({errors} lỗi): các mục lỗi được tính 0 "
                                   "điểm. Chạy lại không có -o (hoặc dùng parindex explain) để xem từng lỗi.",
                                   "⚠ {units} of {total} units have errors in their workbook ({errors} in all): those "
                                   "items score 0. Run again without -o (or use parindex explain) to see each one."),
    "ui.score.ranking": Msg("Xếp hạng đơn vị", "Units ranked"),
    "ui.score.rank_estimates": Msg("Xếp hạng không tính điểm điều tra/SIPAS do đơn vị tự ước tính ({units} đơn vị): "
                                   "chỉ xếp theo phần còn lại.",
                                   "The ranking leaves out the survey/SIPAS values units estimated themselves "
                                   "({units} units): ranked on the rest."),
    "ui.score.rank_use_survey": Msg("Dùng --survey BẢNG.xlsx để đưa kết quả điều tra của tỉnh vào.",
                                    "Pass --survey TABLE.xlsx for the province's survey results."),
    "ui.score.rank_surveyed": Msg("Điểm điều tra/SIPAS theo bảng kết quả điều tra của tỉnh.",
                                  "Survey/SIPAS points from the province's survey table."),
    "ui.score.rank_percent": Msg("% xếp hạng", "% ranked on"),
    "PS570": Msg("không đọc được tệp kết quả năm trước (JSON) ở dòng {line}, cột {col}: {problem}.",
                 "cannot read last year's results (JSON) at line {line}, column {col}: {problem}.", exit=2),
    "PS571": Msg("tệp kết quả năm trước cần mục \"ranking\" là một danh sách (như 'parindex score --format json' "
                 "nhiều đơn vị ghi ra), ở đây là {problem}.",
                 "last year's results need a \"ranking\" list (as 'parindex score --format json' over many units "
                 "writes it); here it is {problem}.", exit=2),
    "PS572": Msg("dòng xếp hạng năm trước: '{field}' phải là {expected}.",
                 "a row of last year's ranking: '{field}' must be {expected}.", exit=2),
    "PS573": Msg("đơn vị '{unit}' có hai dòng trong cùng một khối của kết quả năm trước (dòng đầu ở {first}).",
                 "unit '{unit}' has two rows in one block of last year's results (the first at {first}).", exit=2),
    "PS575": Msg("bảng xếp hạng năm trước: ô '{column}' không đọc được ('{value}'); cần dạng {expected}.",
                 "last year's ranking table: a '{column}' cell cannot be read ('{value}'); it takes {expected}.",
                 exit=2),
    "PS576": Msg("không tìm thấy bảng xếp hạng năm trước: không trang nào có dòng tiêu đề với cột '{header}' trong "
                 "{rows} dòng đầu. Bảng cần các cột 'Đơn vị', 'Điểm', 'Xếp hạng' (có thể thêm 'Khối', 'Năm').",
                 "no table of last year's ranking: no sheet has a header row with a '{header}' column in its first "
                 "{rows} rows. The table needs the columns 'Đơn vị', 'Điểm', 'Xếp hạng' ('Khối', 'Năm' optional).",
                 exit=2),
    "PS577": Msg("không đọc được tệp CSV kết quả năm trước ở dòng {line}: {problem}.",
                 "cannot read last year's ranking (CSV) at line {line}: {problem}.", exit=2),
    "PS578": Msg("tệp kết quả năm trước {path} là kết quả năm {year}, không sớm hơn năm được chấm lần này ({this}); "
                 "--previous cần bảng xếp hạng của một năm trước.",
                 "last year's results {path} rank the year {year}, not earlier than the year scored now ({this}); "
                 "--previous takes the ranking of an earlier year.", exit=2),
    # the Python API (`parindex.load_result`): a file that is not a result
    "PS595": Msg("không phải kết quả 'parindex score --format json': {field}: {problem}.",
                 "not a 'parindex score --format json' result: {field}: {problem}.", exit=2),
    "PC731": Msg("--together: không có khối '{name}' trong các sổ được chấm; các khối: {blocks}.",
                 "--together: no block '{name}' among the workbooks scored; the blocks: {blocks}.", exit=2),
    "PC732": Msg("--together cần ít nhất hai khối, cách nhau bằng dấu phẩy (ví dụ \"Phường,Xã\"), không phải "
                 "'{value}'.",
                 "--together needs two blocks or more, separated by commas (such as \"Phường,Xã\"), not "
                 "'{value}'.", exit=2),
    "help.previous": Msg("Kết quả năm trước (.json do 'score --format json' ghi, hoặc viết tay cùng dạng; hoặc bảng "
                         "xếp hạng tỉnh đã công bố, gõ lại thành .xlsx/.csv với các cột Đơn vị, Điểm, Xếp hạng): "
                         "hạng, điểm năm trước và mức thay đổi.",
                         "Last year's results (.json written by 'score --format json', or by hand in that shape; or "
                         "the ranking the province published, typed as .xlsx/.csv with the columns Đơn vị, Điểm, "
                         "Xếp hạng): previous rank, score and the change."),
    "help.together": Msg("Xếp hạng chung các khối này, cách nhau bằng dấu phẩy (ví dụ \"Phường,Xã\").",
                         "Rank these blocks together, separated by commas (such as \"Phường,Xã\")."),
    "help.details": Msg("Khi chấm nhiều sổ: in đủ các bảng của từng đơn vị (tệp -o luôn có đủ).",
                        "With many workbooks: print every unit's full tables (an -o file always has them)."),
    "ui.rank.block": Msg("Khối", "Block"),
    "ui.rank.title": Msg("Kết quả xác định Chỉ số CCHC năm {year} của các đơn vị {blocks}",
                         "PAR Index results {year} of the units of {blocks}"),
    "ui.rank.block_named": Msg("khối {block}", "the {block} block"),
    "ui.rank.and": Msg("và", "and"),
    "ui.rank.legend": Msg("Các cột lĩnh vực (tỷ lệ % điểm đạt được so với điểm tối đa của lĩnh vực): {areas}.",
                          "Area columns (points earned as a % of the area's maximum): {areas}."),
    "ui.rank.no": Msg("STT", "No."),
    "ui.rank.unit": Msg("Đơn vị", "Unit"),
    # English headers of words no longer than the annex's narrow columns (11 mm at 11 pt): none breaks mid-word
    "ui.rank.percent": Msg("Tỷ lệ %", "% of max"),
    "ui.rank.band": Msg("Xếp loại", "Grade"),
    "ui.rank.rank": Msg("Xếp hạng", "Rank"),
    "ui.rank.change": Msg("Thay đổi", "Rank ±"),
    "ui.rank.notes": Msg("Ghi chú", "Notes"),
    "ui.rank.previous_rank": Msg("Hạng năm trước", "Rank last year"),
    "ui.rank.previous_score": Msg("Điểm năm trước", "Points last year"),
    "ui.rank.new": Msg("mới", "new"),
    "ui.rank.gone": Msg("Có trong kết quả năm trước, không có năm nay: {units}.",
                        "In last year's results, not this year: {units}."),
    "ui.rank.new_units": Msg("Đơn vị mới năm nay: {units}.", "Units new this year: {units}."),
    "ui.rank.note_errors": Msg("{n} lỗi trong sổ", "{n} errors in the workbook"),
    "ui.rank.note_estimates": Msg("không tính {points}/{max} điểm điều tra tự ước tính",
                                  "{points}/{max} self-estimated survey points left out"),
    "ui.rank.note_reduced": Msg("tối đa giảm còn {max}/{full}", "maximum reduced to {max}/{full}"),
    "ui.rank.note_no_survey_row": Msg("chưa xếp hạng: bảng điều tra không có dòng của đơn vị",
                                      "not ranked: the survey table has no row for the unit"),
    "ui.rank.note_blank_survey": Msg("chưa xếp hạng: bảng điều tra để trống {cells}",
                                     "not ranked: the survey table leaves {cells} blank"),
    "ui.rank.count_errors": Msg("{n} lỗi", "{n} errors"),
    "ui.rank.count_warnings": Msg("{n} cảnh báo", "{n} warnings"),
    "ui.rank.count_invalid": Msg("{n} mục không hợp lệ", "{n} invalid items"),
    "ui.rank.count_missing": Msg("{n} mục chưa nhập", "{n} items not entered"),
    "ui.rank.count_estimated": Msg("{n} mục tự ước tính", "{n} self-estimated items"),
    "ui.rank.details_hint": Msg("Đơn vị có lỗi, cảnh báo hoặc mục chưa đủ (bảng chi tiết từng đơn vị: thêm "
                                "--details, hoặc ghi ra tệp bằng -o):",
                                "Units with errors, warnings or items not complete (each unit's tables: add "
                                "--details, or write a file with -o):"),
    "help.survey": Msg("Bảng kết quả điều tra của tỉnh (.xlsx: cột 'Đơn vị' và một cột cho mỗi mã tiêu chí điều "
                       "tra/SIPAS); thay cho giá trị đơn vị tự nhập. Ghi nhiều lần khi mỗi khối có một bảng.",
                       "The province's survey results (.xlsx: a 'Đơn vị' column and one column per survey/SIPAS "
                       "item code); they replace what units typed. Repeat it when each block has its own table."),
    "ui.score.not_xlsx": Msg("Không chấm {files}: không phải sổ .xlsx (muốn chấm thì mở bằng Excel hoặc LibreOffice "
                             "rồi Lưu thành (Save As) 'Excel Workbook (*.xlsx)').",
                             "Not scored: {files}, not .xlsx workbooks (to score one, open it in Excel or LibreOffice "
                             "and Save As 'Excel Workbook (*.xlsx)')."),
    "ui.score.subfolders": Msg("Không chấm các thư mục con có sổ .xlsx: {folders}. Muốn chấm thì ghi tên từng thư mục "
                               "trên dòng lệnh (ví dụ: parindex score so phuong xa).",
                               "Not scored: the subfolders holding .xlsx workbooks, {folders}. To score them, name "
                               "each folder on the command line (e.g. parindex score so phuong xa)."),
    "ui.score.skipped_report": Msg("Bỏ qua {path}: đây là tệp kết quả do parindex ghi, không phải sổ tự đánh giá.",
                                   "Skipped {path}: a report parindex wrote, not a self-assessment workbook."),
    "ui.score.reading": Msg("Đang đọc sổ", "Reading workbooks"),
    "ui.score.not_self_scored": Msg("không tự chấm", "not self-scored"),
    "ui.score.estimated_note": Msg("{n} tiêu chí điều tra/SIPAS được nhập ước tính và đã tính vào tổng (đánh dấu "
                                   "'estimated').",
                                   "{n} survey/SIPAS items hold an estimate and are counted in the total (marked "
                                   "'estimated')."),
    "ui.score.max_note": Msg("'Tối đa' là điểm tối đa của phần đã chấm (bỏ tiêu chí không áp dụng và tiêu chí "
                             "không tự chấm).",
                             "'Max' is the maximum of what was scored (not-applicable and not-self-scored items "
                             "removed)."),
    "ui.score.more_warnings": Msg("… và {n} cảnh báo khác (xem --format json).",
                                  "… and {n} more warnings (see --format json)."),
    "status.scored": Msg("đã chấm", "scored"),
    "status.missing": Msg("thiếu", "missing"),
    "status.not_applicable": Msg("không áp dụng", "not applicable"),
    "status.not_self_scored": Msg("không tự chấm", "not self-scored"),
    "status.estimated": Msg("ước tính", "estimated"),
    "status.surveyed": Msg("theo kết quả điều tra", "surveyed"),
    "status.invalid": Msg("không hợp lệ", "invalid"),
    "help.score": Msg("Chấm điểm một hoặc nhiều sổ tài liệu kiểm chứng (.xlsx hoặc thư mục).",
                      "Score one or many evidence workbooks (.xlsx files or folders)."),
    "help.explain": Msg("Giải thích cách chấm một tiêu chí thành phần.", "Explain how one item was scored."),
    "ui.explain.value": Msg("Giá trị đọc được", "Value read"),
    "ui.explain.cell": Msg("Ô", "Cell"),
    "ui.explain.rule": Msg("Cách chấm", "Rule"),
    "ui.explain.tier": Msg("Mức áp dụng", "Tier hit"),
    "ui.explain.points": Msg("Điểm", "Points"),
    "ui.explain.evidence": Msg("Tài liệu kiểm chứng", "Evidence"),
    "ui.explain.explanation": Msg("Giải trình", "Explanation"),
    "ui.explain.own": Msg("Điểm theo giá trị đơn vị nhập (trước thẩm định)",
                          "Points the unit's value earns (before appraisal)"),
    "ui.explain.self": Msg("Điểm tự chấm (trong sổ)", "Self-score (in the workbook)"),
    "ui.explain.appraised": Msg("Điểm thẩm định", "Appraised"),
    "ui.explain.none": Msg("(trống)", "(blank)"),
    "PS530": Msg("mã {code} không có trong bộ tiêu chí {set_id}.", "code {code} is not in criteria set {set_id}.",
                 exit=2),
    "PS531": Msg("{code} là một nhóm tiêu chí, không được chấm trực tiếp; giải thích từng tiêu chí thành phần: "
                 "{items}.", "{code} is a group of criteria, not scored itself; explain one of its items: {items}.",
                 exit=2),
})

# --- the ranking annex as a Word document (score MANY --format docx): the annex of the decision that publishes it --
MESSAGES.update({
    "annex.kind": Msg("PHỤ LỤC", "ANNEX"),
    "annex.title": Msg("KẾT QUẢ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year} CỦA CÁC ĐƠN VỊ {blocks}",
                       "PUBLIC ADMINISTRATION REFORM INDEX {year} OF THE UNITS OF {blocks}"),
    "annex.decision": Msg("(Kèm theo Quyết định số ……/QĐ-…… ngày …… tháng …… năm …… của ……)",
                          "(Attached to Decision No. ……/QĐ-…… of …… / …… / …… of ……)"),
    "annex.block": Msg("Khối {block} ({n} đơn vị)", "Block {block} ({n} units)"),
    "annex.notes": Msg("Ghi chú", "Notes"),
})

# --- the self-assessment report as a Word document (score ONE.xlsx --format docx; Công văn 384/BNV-CCHC) ----
MESSAGES.update({
    "report.kind": Msg("BÁO CÁO", "REPORT"),
    "report.symbol": Msg("BC", "BC"),
    "report.title": Msg("Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {year}",
                        "Self-assessment of the Public Administration Reform Index, {year}"),
    "report.intro": Msg("Thực hiện {basis}, {unit} báo cáo kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành "
                        "chính năm {year} theo bộ tiêu chí “{title}” như sau:",
                        "Pursuant to {basis}, {unit} reports its self-assessment of the Public Administration "
                        "Reform Index for {year} against the criteria set “{title}” as follows:"),
    "report.intro_no_basis": Msg("{unit} báo cáo kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm "
                                 "{year} theo bộ tiêu chí “{title}” như sau:",
                                 "{unit} reports its self-assessment of the Public Administration Reform Index for "
                                 "{year} against the criteria set “{title}” as follows:"),
    "report.s1": Msg("I. KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM", "I. SELF-ASSESSMENT RESULT"),
    "report.see_table": Msg("Chi tiết tại Bảng tổng hợp kèm theo.", "The summary table follows."),
    "report.area_line": Msg("{code}. {name}: {score}/{max} điểm ({percent}%).",
                            "{code}. {name}: {score}/{max} points ({percent}%)."),
    "report.table_title": Msg("BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM",
                              "SUMMARY TABLE OF THE SELF-ASSESSMENT"),
    "report.table_sub": Msg("(Kèm theo Báo cáo số ……/BC-…… ngày …… của {unit})",
                            "(Attached to report No. ……/BC-…… of …… by {unit})"),
    "report.col_stt": Msg("STT", "No."),
    "report.col_content": Msg("Nội dung", "Content"),
    "report.col_max": Msg("Điểm tối đa", "Max points"),
    "report.col_self": Msg("Điểm tự đánh giá", "Self-assessed"),
    "report.col_appraised": Msg("Điểm thẩm định", "Appraised"),
    "report.col_evidence": Msg("Tài liệu kiểm chứng", "Evidence"),
    "report.col_explanation": Msg("Giải trình", "Explanation"),
    "report.total_row": Msg("TỔNG ĐIỂM", "TOTAL"),
    "report.s2": Msg("II. TIÊU CHÍ THÀNH PHẦN KHÔNG CÓ TÀI LIỆU KIỂM CHỨNG",
                     "II. SUB-CRITERIA WITHOUT EVIDENCE"),
    "report.s2_intro": Msg("{n} tiêu chí thành phần không có tài liệu kiểm chứng; giải trình của từng tiêu chí:",
                           "{n} sub-criteria have no evidence; the explanation of each:"),
    "report.s2_none": Msg("Mọi tiêu chí thành phần được chấm đều có tài liệu kiểm chứng.",
                          "Every sub-criterion scored has its evidence."),
    "report.no_evidence_item": Msg("{code} {name} ({points}/{max} điểm): {explanation}",
                                   "{code} {name} ({points}/{max} points): {explanation}"),
    "report.needs_explanation": Msg("chưa có giải trình — cần bổ sung giải trình trước khi gửi {to}.",
                                    "no explanation yet — one is needed before the report goes to {to}."),
    "report.s3": Msg("III. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ",
                     "III. DIFFICULTIES AND PROPOSALS"),
    "report.s3_fill": Msg("(Cơ quan soạn thảo bổ sung: khó khăn, vướng mắc trong quá trình tự đánh giá; đề xuất, "
                          "kiến nghị với {to}.)",
                          "(To be written by the drafting office: difficulties met in the self-assessment; "
                          "proposals to {to}.)"),
    "report.appendix": Msg("PHỤ LỤC: CẢNH BÁO VÀ LỖI KHI CHẤM ĐIỂM", "APPENDIX: WARNINGS AND ERRORS FOUND IN SCORING"),
    "report.appendix_sub": Msg("(Cán bộ xử lý từng mục trước khi trình ký; sổ: {source})",
                               "(to be cleared before signature; workbook: {source})"),
    "report.appendix_none": Msg("Không có cảnh báo hay lỗi nào.", "No warnings or errors."),
    "report.col_notice": Msg("Mã", "Code"),
    "report.col_error_code": Msg("Mã lỗi", "Error code"),
    "report.col_item": Msg("Tiêu chí", "Item"),
    "report.col_cell": Msg("Ô", "Cell"),
    "report.col_message": Msg("Nội dung", "Message"),
})
