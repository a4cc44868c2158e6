"""Texts of the workbook concept: reading evidence workbooks (PW4xx), values as typed, the template."""

from parindex.common.catalogue import Msg

SAVE_AS_XLSX_VI = "mở tệp bằng Excel hoặc LibreOffice rồi Lưu thành (Save As) 'Excel Workbook (*.xlsx)'"
SAVE_AS_XLSX_EN = "open it in Excel or LibreOffice and Save As 'Excel Workbook (*.xlsx)'"

# The file cannot be read at all (exit 2).
MESSAGES: dict[str, Msg] = {
    "PW400": Msg(f"tệp không phải là sổ Excel .xlsx (không nhận ra nội dung); {SAVE_AS_XLSX_VI}.",
                 f"the file is not an Excel .xlsx workbook (its content is not recognised); {SAVE_AS_XLSX_EN}.",
                 exit=2),
    "PW401": Msg(f"tệp là định dạng Excel cũ (.xls) hoặc là tệp .xlsx có đặt mật khẩu (mã hoá): cả hai đều không "
                 f"đọc được. Nếu có mật khẩu, hãy gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc); rồi "
                 f"{SAVE_AS_XLSX_VI}.",
                 f"the file is a legacy Excel .xls file or a password-protected (encrypted) .xlsx: neither can be "
                 f"read. If it has a password, remove it (File › Info › Protect Workbook); then {SAVE_AS_XLSX_EN}.",
                 exit=2),
    "PW402": Msg(f"tệp là bảng tính OpenDocument (.ods), không phải .xlsx; {SAVE_AS_XLSX_VI}.",
                 f"the file is an OpenDocument spreadsheet (.ods), not .xlsx; {SAVE_AS_XLSX_EN}.", exit=2),
    "PW403": Msg(f"tệp là văn bản ({{kind}}), không phải sổ Excel; {SAVE_AS_XLSX_VI}.",
                 f"the file is text ({{kind}}), not an Excel workbook; {SAVE_AS_XLSX_EN}.", exit=2),
    "PW404": Msg("tệp .xlsx bị hỏng hoặc không đầy đủ (có thể tải về / sao chép chưa xong): {reason}. Hãy lấy lại "
                 "tệp gốc hoặc mở bằng Excel để sửa rồi lưu lại.",
                 "the .xlsx file is damaged or incomplete (a download or copy that did not finish?): {reason}. "
                 "Get the original again, or let Excel repair it and save it.", exit=2),
    "PW405": Msg("tệp .xlsx có {count} thành phần nén, vượt giới hạn {limit}; đây không phải sổ tài liệu kiểm "
                 "chứng bình thường.",
                 "the .xlsx file holds {count} compressed entries, over the limit of {limit}; this is not an "
                 "ordinary evidence workbook.", exit=2),
    "PW406": Msg("nội dung giải nén của tệp .xlsx là {size} byte, vượt giới hạn {limit}; tệp có thể là 'bom nén'. "
                 "Nếu tệp đúng là lớn như vậy, tăng giới hạn bằng biến môi trường PARINDEX_MAX_UNZIPPED_BYTES.",
                 "the .xlsx file unpacks to {size} bytes, over the limit of {limit}; it may be a zip bomb. If it "
                 "really is that big, raise the limit with the PARINDEX_MAX_UNZIPPED_BYTES environment variable.",
                 exit=2),
    "PW407": Msg("thành phần '{entry}' của tệp .xlsx nén với tỉ lệ {ratio}:1 (giới hạn {limit}:1); tệp có thể là "
                 "'bom nén' nên không được mở.",
                 "entry '{entry}' of the .xlsx file is compressed {ratio}:1 (limit {limit}:1); it may be a zip bomb, "
                 "so it is not opened.", exit=2),
    "PW408": Msg("tệp rỗng (0 byte).", "the file is empty (0 bytes).", exit=2),
    "PW409": Msg(f"tệp là một tệp nén nhưng không phải sổ Excel .xlsx (không có {{missing}}); {SAVE_AS_XLSX_VI}.",
                 f"the file is a zip archive but not an Excel .xlsx workbook (it has no {{missing}}); "
                 f"{SAVE_AS_XLSX_EN}.", exit=2),
    "PW410": Msg("không đọc được sổ Excel: {reason}.", "cannot read the workbook: {reason}.", exit=2),
    "PW411": Msg("cấp '{value}' không hợp lệ; dùng một trong: {accepted}.",
                 "level '{value}' is not valid; use one of: {accepted}.", exit=2),
    "PW412": Msg("bộ tiêu chí {id} áp dụng cho các năm {years}, không có năm {year}. {decision}",
                 "criteria set {id} applies to the years {years}, not to {year}. {decision}", exit=2),
    "PW413": Msg("thành phần này của tệp .xlsx giải nén ra {size} byte, vượt giới hạn {limit} byte cho một thành "
                 "phần; một trang tính thật nhỏ hơn nhiều, nên tệp không được mở.",
                 "this part of the .xlsx file unpacks to {size} bytes, over the limit of {limit} bytes for one part; "
                 "real sheets are far smaller, so the file is not opened.", exit=2),
    "PW414": Msg("sổ có {count} chuỗi văn bản dùng chung, vượt giới hạn {limit}; đây không phải sổ bình thường nên "
                 "không được mở.",
                 "the workbook holds {count} shared strings, over the limit of {limit}; this is not an ordinary "
                 "workbook, so it is not opened.", exit=2),
}

# The workbook is readable but its content is wrong (exit 1).
MESSAGES.update({
    "PW420": Msg("không có trang tính '{sheet}'; sổ này có: {found}. Đổi tên trang cho đúng, hoặc tạo sổ mới bằng "
                 "'parindex template'.",
                 "there is no sheet '{sheet}'; this workbook has: {found}. Rename the sheet, or make a new workbook "
                 "with 'parindex template'.", exit=1),
    "PW421": Msg("không tìm thấy dòng tiêu đề có cột '{header}' trong {rows} dòng đầu của trang.",
                 "no header row with a '{header}' column in the first {rows} rows of the sheet.", exit=1),
    "PW422": Msg("thiếu cột bắt buộc: {missing}. Các tiêu đề tìm thấy: {found}.",
                 "required column missing: {missing}. Headers found: {found}.", exit=1),
    "PW423": Msg("hai cột cùng là '{header}': cột {first} và cột {second}; xoá hoặc đổi tên một cột.",
                 "two columns are both '{header}': column {first} and column {second}; delete or rename one.",
                 exit=1),
    "PW424": Msg("mã {item} xuất hiện hai lần: ô {first} và ô {second}; mỗi tiêu chí chỉ một dòng.",
                 "code {item} appears twice: cells {first} and {second}; one row per item.", exit=1),
    "PW425": Msg("trang tính có hơn {limit} dòng; đây không phải sổ tài liệu kiểm chứng bình thường.",
                 "the sheet has more than {limit} rows; this is not an ordinary evidence workbook.", exit=1),
    "PW426": Msg("{count} ô có công thức nhưng chưa lưu giá trị đã tính: {cells}. Hãy mở tệp bằng Excel hoặc "
                 "LibreOffice rồi lưu lại để tệp lưu các giá trị đã tính.",
                 "{count} cell(s) hold a formula without its computed value: {cells}. Open and save the file in "
                 "Excel or LibreOffice so it stores the computed values.", exit=1),
    "PW427": Msg("trang tính rộng hơn {limit} cột; đây không phải sổ tài liệu kiểm chứng bình thường.",
                 "the sheet is wider than {limit} columns; this is not an ordinary evidence workbook.", exit=1),
    "PW430": Msg("mã '{value}' không đọc được (mã viết dạng 3.3.1) nhưng dòng này có số liệu; sửa mã, hoặc xoá số "
                 "liệu nếu dòng này không phải một tiêu chí.",
                 "the code '{value}' cannot be read (codes look like 3.3.1) but this row holds data; correct the "
                 "code, or clear the data if the row is not an item.", exit=1),
    "PW429": Msg("có hai trang tính cùng là '{sheet}': {first} và {second}; xoá hoặc đổi tên một trang.",
                 "two sheets are both '{sheet}': {first} and {second}; delete or rename one.", exit=1),
    "PW428": Msg("các ô của trang tính trải tới {cell}: {count} ô tính từ A1, vượt giới hạn {limit}; xoá các ô nằm xa "
                 "bảng (kể cả ô chỉ có định dạng) rồi lưu lại.",
                 "the sheet's cells reach {cell}: {count} cells counted from A1, over the limit of {limit}; delete "
                 "what stands far from the table (cells with only a format too) and save again.", exit=1),
    "PW431": Msg("trang tính có {count} ô, vượt giới hạn {limit}; đây không phải sổ bình thường.",
                 "the sheet holds {count} cells, over the limit of {limit}; this is not an ordinary workbook.",
                 exit=1),
    "PW432": Msg("ô chứa hơn {limit} ký tự, quá giới hạn của Excel cho một ô; đây không phải nội dung bình thường.",
                 "the cell holds more than {limit} characters, over Excel's limit for one cell; this is not ordinary "
                 "content.", exit=1),
    "PW433": Msg("các ô của trang tính chứa tổng cộng hơn {size} MB chữ (một chuỗi dùng chung tính ở mọi ô dùng nó), "
                 "vượt giới hạn {limit} MB; đây không phải sổ bình thường.",
                 "the sheet's cells hold more than {size} MB of text in all (a shared string counted in every cell "
                 "that uses it), over the limit of {limit} MB; this is not an ordinary workbook.", exit=1),
})

# Values as typed (exit 1 where the scoring engine reports them as errors, with the cell address).
MESSAGES.update({
    "PW440": Msg("'{value}' không phải là số; viết ví dụ: {accepted}.",
                 "'{value}' is not a number; write for example: {accepted}.", exit=1),
    "PW441": Msg("'{value}' không rõ nghĩa: là số nghìn ({thousand}) hay số thập phân? Nếu là số nghìn, viết "
                 "{thousand}; nếu là số thập phân, viết {decimal}.",
                 "'{value}' is ambiguous: a thousands number ({thousand}) or a decimal? For the thousands number "
                 "write {thousand}; for the decimal write {decimal}.", exit=1),
    "PW442": Msg("ô chứa ngày, giờ hoặc TRUE/FALSE ('{value}') ở chỗ cần một số; định dạng ô là Số (Number) hoặc "
                 "Văn bản (Text) rồi nhập lại, ví dụ: {accepted}.",
                 "the cell holds a date, time or TRUE/FALSE ('{value}') where a number is expected; format the cell "
                 "as Number or Text and type it again, for example: {accepted}.", exit=1),
    "PW443": Msg("'{value}' nằm ngoài khoảng 0–{most} %; viết ví dụ: {accepted}.",
                 "'{value}' is outside 0–{most} %; write for example: {accepted}.", exit=1),
    "PW444": Msg("'{value}' không rõ là 1 % hay 100 %: viết 100 nếu là 100 %, hoặc 1% nếu là một phần trăm.",
                 "'{value}' could be 1 % or 100 %: write 100 for a hundred percent, or 1% for one percent.", exit=1),
    "PW445": Msg("'{value}' là số âm; ở đây cần một số không âm, ví dụ: {accepted}.",
                 "'{value}' is negative; a number of zero or more is needed here, for example: {accepted}.", exit=1),
    "PW446": Msg("'{value}' không phải số nguyên; ở đây cần đếm số trường hợp, ví dụ: {accepted}.",
                 "'{value}' is not a whole number; a count of cases is needed here, for example: {accepted}.", exit=1),
    "PW447": Msg("'{value}' không phải Có/Không; chấp nhận: {accepted}.",
                 "'{value}' is not a yes/no answer; accepted: {accepted}.", exit=1),
    "PW448": Msg("cột Không áp dụng ghi '{value}'; để trống nếu tiêu chí có áp dụng, hoặc ghi: {accepted}.",
                 "the Not applicable column says '{value}'; leave it blank if the item applies, or write: {accepted}.",
                 exit=1),
    "PW449": Msg("'{value}' không phải một phương án của tiêu chí này; chọn một trong: {accepted}.",
                 "'{value}' is not an option of this item; choose one of: {accepted}.", exit=1),
    "PW450": Msg("'{value}' khớp với nhiều phương án ({matches}); ghi đúng một trong: {accepted}.",
                 "'{value}' matches several options ({matches}); write exactly one of: {accepted}.", exit=1),
    "PW451": Msg("'{value}' không phải kết quả điều tra; ghi tỷ lệ % hoặc câu trả lời: {accepted}.",
                 "'{value}' is not a survey result; write a percentage or an answer: {accepted}.", exit=1),
    "PW452": Msg("ô để trống; cần một giá trị, ví dụ: {accepted}.",
                 "the cell is blank; a value is needed, for example: {accepted}.", exit=1),
    # What `template --from` says needs a second look (README: "Correcting a set after the workbooks went out").
    "PW470": Msg("tiêu chí mới của bộ {set_id}, sổ cũ không có: điền Kết quả và tài liệu kiểm chứng.",
                 "new in set {set_id}, not in the filled workbook: fill in its Kết quả and evidence.", exit=1),
    "PW471": Msg("sổ mới không có tiêu chí này (bộ mới đã bỏ, đổi mã, hoặc giao cho cơ quan khác chủ trì); sổ cũ ghi: "
                 "{held}. Không chép: nếu có tiêu chí thay thế, nhập lại ở đó.",
                 "the new workbook has no such item (the new set dropped it, renumbered it or gave it to another "
                 "lead agency); the filled workbook held: {held}. Not carried: if an item replaces it, enter it "
                 "there.", exit=1),
    "PW472": Msg("điểm tối đa hoặc cách chấm đã sửa: sổ cũ '{old_rule}' (tối đa {old_max}), bộ mới '{new_rule}' "
                 "(tối đa {new_max}). Số liệu đã chép; xem lại Kết quả và Điểm tự chấm theo cách chấm mới.",
                 "the maximum or the rule changed: the filled workbook had '{old_rule}' (at most {old_max}), the new "
                 "set has '{new_rule}' (at most {new_max}). Carried; check Kết quả and the self-score against the "
                 "new rule.", exit=1),
    "PW473": Msg("{column} '{value}' không chép sang vì bộ mới không nhận: {reason} Nhập lại theo bộ mới.",
                 "{column} '{value}' is not carried, as the new set does not take it: {reason} Enter it again "
                 "under the new set.", exit=1),
    "PW474": Msg("sổ cũ không ghi Điểm tối đa và Cách chấm của tiêu chí này, nên không biết có sửa không; số liệu đã "
                 "chép, hãy xem lại theo cách chấm của bộ mới.",
                 "the filled workbook does not show this item's maximum and rule, so whether they changed cannot be "
                 "told; carried, check it against the new set's rule.", exit=1),
})

# `parindex template` and the texts written into the workbook.
MESSAGES.update({
    "help.template": Msg("Tạo sổ Excel tài liệu kiểm chứng để điền cho một bộ tiêu chí.",
                         "Make a fill-in evidence workbook (Excel) for a criteria set."),
    "help.template.unit": Msg("Tên đơn vị được đánh giá.", "Name of the assessed unit."),
    "help.template.level": Msg("Cấp của đơn vị: province, department, district hoặc commune (mặc định theo bộ "
                               "tiêu chí).",
                               "Level of the unit: province, department, district or commune (default: the "
                               "set's level)."),
    "help.template.year": Msg("Năm đánh giá (mặc định: năm cuối của bộ tiêu chí).",
                              "Year assessed (default: the set's last year)."),
    "help.template.prepared_by": Msg("Người lập sổ.", "Who prepares the workbook."),
    "ui.template.swallowed": Msg("{code}: phương án '{label}' là phần đầu của phương án '{longer}' ({other}): khi gõ "
                                 "'{label}' vào cột Kết quả, Excel và LibreOffice tự hoàn tất thành '{longer}'. Gõ "
                                 "xong hãy xóa phần được tự thêm, hoặc chọn từ danh sách thả xuống.",
                                 "{code}: option '{label}' is the beginning of option '{longer}' ({other}): typed into "
                                 "the Kết quả column, Excel and LibreOffice complete '{label}' to '{longer}'. Delete "
                                 "what autocomplete adds, or pick from the dropdown."),
    "help.template.from": Msg("Sổ đã điền theo bộ tiêu chí cũ (ví dụ trước khi sửa bộ): lập sổ của bộ này, chép sang "
                              "mọi số liệu, thông tin đơn vị và liệt kê những gì cần xem lại. Sổ cũ không bị sửa.",
                              "A workbook filled under an earlier version of the set (before a correction, say): "
                              "makes this set's workbook, carries over everything typed and the unit's details, and "
                              "lists what needs a second look. The filled workbook is left as it is."),
    "PC740": Msg("--from lấy đơn vị, cấp, năm, người lập, khối và cơ quan chủ trì từ sổ đã điền; bỏ {options}, hoặc "
                 "sửa ở trang Thông tin của sổ mới.",
                 "--from takes the unit, level, year, preparer, block and lead agency from the filled workbook; leave "
                 "out {options}, or correct them on the new workbook's Thông tin sheet.", exit=2),
    "ui.template.carried": Msg("Đã ghi {path}: {items} tiêu chí thành phần của bộ {id}; chép số liệu của {carried} "
                               "tiêu chí từ {source} (sổ cũ giữ nguyên).",
                               "Wrote {path}: {items} items of set {id}; carried what {carried} items held from "
                               "{source} (which is left as it was)."),
    "ui.template.review": Msg("{count} điều cần xem lại, ghi cả ở trang '{sheet}' của {path}:",
                              "{count} things to look at again, also listed on sheet '{sheet}' of {path}:"),
    "ui.template.no_review": Msg("Không có gì cần xem lại: mọi tiêu chí giữ mã, điểm tối đa và cách chấm, mọi giá trị "
                                 "đều hợp với bộ mới.",
                                 "Nothing to look at again: every item kept its code, maximum and rule, and every "
                                 "value fits the new set."),
    "ui.template.nothing_held": Msg("(trống)", "(blank)"),
    "ui.template.review.item": Msg("Mã tiêu chí", "Item"),
    "ui.template.review.code": Msg("Mã thông báo", "Message code"),
    "ui.template.review.text": Msg("Cần xem lại", "To look at again"),
    "ui.template.review.where": Msg("Ô trong sổ cũ", "Cell of the filled workbook"),
    "ui.template.written": Msg("Đã ghi {path}: {items} tiêu chí thành phần của bộ {id}.",
                               "Wrote {path}: {items} items of set {id}."),
    "ui.template.instructions": Msg(
        "Cách điền: ở trang 'Tự đánh giá', nhập vào các cột Kết quả, Không áp dụng, Điểm tự chấm, Tài liệu kiểm "
        "chứng, Giải trình, Ghi chú. Không sửa các cột Mã, Nội dung, Điểm tối đa, Cách chấm, Cơ quan chủ trì.\n"
        "Tỷ lệ: gõ kèm dấu %, ví dụ 95,7%. Các ô Kết quả nhận tỷ lệ hay số lượng được định dạng Văn bản nên giữ "
        "nguyên chữ bạn gõ, dù máy đặt kiểu Việt Nam hay kiểu Anh-Mỹ (trên máy kiểu Anh-Mỹ, ô định dạng Số biến "
        "0,957 thành 957). Không gõ tỷ lệ dạng 0,957.\n"
        "Có/Không và các phương án: chọn trong danh sách thả xuống (Alt+↓) thay vì gõ; gõ tay thì tính năng tự "
        "hoàn thành của Excel/LibreOffice có thể đổi chữ vừa gõ thành một phương án dài hơn đã có trong cột.\n"
        "Điền xong, gửi lại tệp này cho {to}; giữ nguyên tên các trang, không thêm hay xoá dòng.",
        "How to fill in: on the 'Tự đánh giá' sheet, type into the columns Kết quả (value), Không áp dụng (not "
        "applicable), Điểm tự chấm (self score), Tài liệu kiểm chứng (evidence), Giải trình (explanation), Ghi chú "
        "(note). Do not change Mã, Nội dung, Điểm tối đa, Cách chấm, Cơ quan chủ trì.\n"
        "Shares: type them with %, e.g. 95,7%. The Kết quả cells that take a share or a quantity are Text cells, "
        "so they keep what you type whether the computer is set to Vietnamese or English (US) (a Number cell under "
        "English (US) turns 0,957 into 957). Do not type a share as 0,957.\n"
        "Yes/no and options: pick from the dropdown (Alt+↓) rather than typing; typed, Excel's AutoComplete and "
        "LibreOffice's AutoInput may complete your text to a longer option already in the column.\n"
        "When it is filled in, send this file back to {to}; keep the sheets' names, add or delete no rows."),
    "ui.template.collector": Msg("bộ phận tổng hợp Chỉ số CCHC của {unit}", "the PAR Index office of {unit}"),
    "ui.template.collector_unknown": Msg("bộ phận tổng hợp Chỉ số CCHC", "the PAR Index office"),
    "ui.template.prompt_title": Msg("Cách nhập", "How to enter"),
    "ui.template.prompt_yes_no": Msg("Chọn {yes} hoặc {no} trong danh sách.",
                                     "Pick {yes} (yes) or {no} (no) from the list."),
    "ui.template.prompt_choice": Msg("Chọn một phương án trong danh sách.", "Choose one option from the list."),
    "ui.template.prompt_percent": Msg("Tỷ lệ, gõ kèm dấu %: ví dụ 95,7%.",
                                      "A share, typed with %: e.g. 95,7%."),
    "ui.template.prompt_number": Msg("Một số không âm, ví dụ 12 hoặc 12,5.",
                                     "A number of zero or more, e.g. 12 or 12,5."),
    "ui.template.prompt_count": Msg("Số trường hợp (số nguyên, 0 nếu không có).",
                                    "Number of cases (a whole number, 0 if none)."),
    "ui.template.prompt_manual": Msg("Điểm, từ 0 đến {max}.", "Points, from 0 to {max}."),
    "ui.template.prompt_na": Msg("Ghi Có nếu tiêu chí không áp dụng với đơn vị; để trống nếu có áp dụng.",
                                 "Write Có if the item does not apply to the unit; leave blank if it does."),
    "ui.template.error_title": Msg("Giá trị chưa đúng", "Unexpected value"),
    "ui.template.error_list": Msg("Giá trị không có trong danh sách; vẫn giữ nếu bạn chắc chắn.",
                                  "The value is not in the list; keep it only if you are sure."),
    "ui.template.error_number": Msg("Cần một số nguyên không âm.", "A whole number of zero or more is expected."),
    "ui.template.survey_note": Msg("Tiêu chí điều tra xã hội học / SIPAS: không tự chấm. Chỉ điền nếu muốn ước "
                                   "tính (tỷ lệ % hoặc A/B/C/D).",
                                   "Survey / SIPAS item: not self-scored. Fill it in only as an estimate (a share "
                                   "in % or A/B/C/D)."),
})
