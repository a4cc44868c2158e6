"""The criteria spreadsheet (`criteria export` / `criteria import`): reading *Cách chấm* phrases (PX300–PX309),
the sheets and their cells (PX310–PX339), writing the spreadsheet (PX340–PX349), and the commands (PC715–PC717)."""

from parindex.common.catalogue import Msg

MESSAGES: dict[str, Msg] = {
    # --- Cách chấm: a phrase that cannot be read with certainty -------------------------------------------
    "PX300": Msg("ô Cách chấm để trống; ghi cách chấm của tiêu chí thành phần, ví dụ: {accepted}.",
                 "the Cách chấm (scoring rule) cell is blank; write how the item is scored, for example: "
                 "{accepted}.", exit=1),
    "PX301": Msg("không đọc chắc chắn được cách chấm '{text}'; viết theo một trong các dạng: {accepted}.",
                 "the scoring rule '{text}' cannot be read with certainty; write it in one of these forms: "
                 "{accepted}.", exit=1),
    "PX302": Msg("cách chấm '{text}' để hở một khoảng giữa '{low}' và '{high}'; các mức phải nối tiếp nhau, ví dụ "
                 "'từ 80% đến dưới 100%' rồi 'từ 50% đến dưới 80%'.",
                 "the scoring rule '{text}' leaves a gap between '{low}' and '{high}'; the ranges must follow "
                 "each other, e.g. 'từ 80% đến dưới 100%' then 'từ 50% đến dưới 80%'.", exit=1),
    "PX303": Msg("cách chấm '{text}': '{first}' và '{second}' chồng lên nhau; mỗi kết quả chỉ thuộc một mức, ví dụ "
                 "'từ 80% đến dưới 95%' rồi 'từ 95% trở lên'.",
                 "the scoring rule '{text}': '{first}' and '{second}' overlap; every result must fall in one "
                 "range only, e.g. 'từ 80% đến dưới 95%' then 'từ 95% trở lên'.", exit=1),
    "PX304": Msg("cách chấm '{text}' trộn tỷ lệ % với số lượng; ghi % sau mọi mức, hoặc không mức nào.",
                 "the scoring rule '{text}' mixes percentages with counts; write % after every range, or after "
                 "none.", exit=1),
    "PX305": Msg("cách chấm '{text}': mức '{cond}' không có điểm mốc tính được (một mức tính từ một giá trị trở lên, "
                 "hoặc đến một giá trị); viết ví dụ 'từ 80% trở lên' hay 'không quá 5 trường hợp'.",
                 "the scoring rule '{text}': the range '{cond}' has no bound a tier can hold (a tier holds from a "
                 "value up, or up to a value); write e.g. 'từ 80% trở lên' or 'không quá 5 trường hợp'.", exit=1),
    "PX306": Msg("cách chấm '{text}': không rõ kết quả cao hay thấp mới tốt (mức điểm cao nhất phải ở đầu cao "
                 "hoặc đầu thấp); viết ví dụ: {accepted}.",
                 "the scoring rule '{text}': cannot tell whether a higher or a lower result is better (the most "
                 "points must sit at the top or the bottom); write for example: {accepted}.", exit=1),
    "PX307": Msg("cách chấm '{text}' có mức là khoảng số ({ranges}) lẫn mức là tên ({labels}); ghi mọi mức bằng "
                 "khoảng số, hoặc mở đầu bằng 'Chọn một mức:' nếu đó là các phương án.",
                 "the scoring rule '{text}' has ranges ({ranges}) and named options ({labels}) together; write "
                 "every level as a range, or start with 'Chọn một mức:' if they are options.", exit=1),
    "PX308": Msg("cách chấm '{text}' tính điểm theo mỗi trường hợp nhưng không đặt được dấu: {reason}. Tiêu chí tự "
                 "chấm ghi 'Mỗi trường hợp … trừ 0,5 điểm' (trừ dần từ điểm tối đa, thấp nhất 0) hoặc 'Cộng 0,5 điểm "
                 "mỗi …, tối đa 2 điểm'; thành phần điểm thưởng ghi 'cộng', thành phần điểm trừ ghi 'trừ'.",
                 "the scoring rule '{text}' gives points for each case but its sign cannot be placed: {reason}. For a "
                 "self-assessed item write 'Mỗi trường hợp … trừ 0,5 điểm' (counted down from the maximum, not below "
                 "0) or 'Cộng 0,5 điểm mỗi …, tối đa 2 điểm'; a bonus component says 'cộng', a penalty one 'trừ'.",
                 exit=1),
    "PX309": Msg("cách chấm '{text}' ghi tối đa {cap} điểm nhưng Điểm tối đa của tiêu chí là {max}; sửa một trong "
                 "hai cho khớp.",
                 "the scoring rule '{text}' says at most {cap} points but the item's Điểm tối đa is {max}; make "
                 "the two agree.", exit=1),
    # --- the sheets and their cells ------------------------------------------------------------------
    "PX310": Msg("không có trang tính '{sheet}'; bảng tính này có: {found}. Tạo bảng tính mẫu bằng 'parindex "
                 "criteria export' rồi dán bảng của phụ lục vào.",
                 "no sheet '{sheet}'; this workbook has: {found}. Make the layout with 'parindex criteria export' "
                 "and paste the annex table into it.", exit=1),
    "PX311": Msg("không tìm thấy dòng tiêu đề có cột {header} trong {rows} dòng đầu của trang.",
                 "no header row with a {header} column in the first {rows} rows of the sheet.", exit=1),
    "ui.sheet.headers": Msg("'{header}' (các trang tính đều đã tìm; tiêu đề được nhận, không phân biệt hoa thường "
                            "và dấu — {accepted})",
                            "'{header}' (every sheet was searched; the headers accepted, whatever the case and "
                            "accents — {accepted})"),
    "PX312": Msg("thiếu cột bắt buộc: {missing}. Các tiêu đề tìm thấy: {found}.",
                 "required columns are missing: {missing}. Headers found: {found}.", exit=1),
    "PX313": Msg("hai cột cùng là '{header}': cột {first} và cột {second}; xoá hoặc đổi tên một cột.",
                 "two columns are both '{header}': {first} and {second}; delete or rename one.", exit=1),
    "PX173": Msg("{label}: '{value}' không đọc được; ghi mỗi xếp loại là 'Tên: từ 90 %', cách nhau bằng dấu chấm "
                 "phẩy, ví dụ 'Tốt: từ 90 %; Khá: từ 70 %'.",
                 "{label}: '{value}' cannot be read; write each grade as 'Name: từ 90 %', separated by semicolons, "
                 "such as 'Tốt: từ 90 %; Khá: từ 70 %'.", exit=1),
    "PX320": Msg("trang Thông tin thiếu dòng '{label}' (ghi nhãn ở cột A, giá trị ở cột B).",
                 "the Thông tin sheet has no '{label}' row (the label in column A, its value in column B).",
                 exit=1),
    "PX321": Msg("năm áp dụng '{value}' không đọc được; ghi các năm cách nhau bằng dấu phẩy, ví dụ 2025, 2026.",
                 "the years '{value}' cannot be read; write the years separated by commas, e.g. 2025, 2026.",
                 exit=1),
    "PX322": Msg("{label} '{value}' không hợp lệ; ghi một trong: {accepted}.",
                 "{label} '{value}' is not accepted; write one of: {accepted}.", exit=1),
    "PX323": Msg("điểm '{value}' không đọc được: {problem}", "the points '{value}' cannot be read: {problem}",
                 exit=1),
    "PX324": Msg("cột {label} ghi '{value}'; để trống nếu không, hoặc ghi: {accepted}.",
                 "the {label} column says '{value}'; leave it blank for no, or write: {accepted}.", exit=1),
    "PX325": Msg("trang Bộ tiêu chí không có dòng nào có mã (1, 1.1, 1.1.1 …) dưới dòng tiêu đề.",
                 "the Bộ tiêu chí sheet has no row with a code (1, 1.1, 1.1.1 …) under its header.", exit=1),
    "PX326": Msg("mã {code} không có dòng của mục cha {parent} ở phía trên; thêm dòng {parent} hoặc sửa mã.",
                 "code {code} has no row for its parent {parent} above it; add a {parent} row or correct the code.",
                 exit=1),
    "PX327": Msg("mã {code} đã có ở ô {first}; mỗi mã chỉ một dòng.",
                 "code {code} already has a row at {first}; one row per code.", exit=1),
    "PX328": Msg("mã '{value}' không đọc được (mã viết dạng 1, 1.1, 1.1.1).",
                 "the code '{value}' cannot be read (codes look like 1, 1.1, 1.1.1).", exit=1),
    "PX329": Msg("{code}: lĩnh vực không có dòng con nào (tiêu chí hay tiêu chí thành phần có mã {code}.1, …).",
                 "{code}: the area has no row under it (a criterion or an item coded {code}.1, …).", exit=1),
    "PX345": Msg("mã {code} có {depth} cấp; một bộ tiêu chí có nhiều nhất {limit} cấp (1.1.1 là 3 cấp). Sửa mã.",
                 "code {code} has {depth} levels; a criteria set has at most {limit} (1.1.1 has 3). Correct the code.",
                 exit=1),
    "PX330": Msg("{code}: tiêu chí thành phần chưa có Điểm tối đa.", "{code}: the item has no Điểm tối đa (max).",
                 exit=1),
    "PX331": Msg("dòng '{label}' của trang Thông tin không phải thông tin của bộ tiêu chí, cũng không phải thành phần "
                 "nào ở cột Thành phần ({known}).",
                 "the Thông tin row '{label}' is neither a field of the set nor a component named in the "
                 "Thành phần column ({known}).", exit=1),
    "PX332": Msg("dòng này có Cách chấm ('{text}') nhưng không có Mã; đưa nội dung vào dòng của tiêu chí thành phần "
                 "(một ô dán từ Word có thể bị tách thành nhiều dòng) hoặc ghi mã cho dòng.",
                 "this row has a scoring rule ('{text}') but no code; move it into its item's row (a cell pasted "
                 "from Word may have split over several rows) or give the row a code.", exit=1),
    "PX335": Msg("các cột {columns} có giá trị nhưng không được đọc (không phải cột nào của bộ tiêu chí); nếu là "
                 "một cột của bộ tiêu chí, đổi tiêu đề thành tên cột đó: {accepted}.",
                 "the columns {columns} hold values but are not read (they are no column of the criteria set); if "
                 "one is, head it with that column's name: {accepted}.", exit=1),
    "PX336": Msg("không có cột mã: không cột nào có tiêu đề {accepted}, và cột STT (nếu có) chỉ là số thứ tự, không "
                 "phải mã dạng 1, 1.1, 1.1.1; thêm cột Mã hoặc ghi mã vào cột STT.",
                 "no code column: no column is headed {accepted}, and the STT column (if any) holds row numbers, not "
                 "codes such as 1, 1.1, 1.1.1; add a Mã column or write the codes in the STT column.", exit=1),
    "PX337": Msg("cột {column} ('{header}') ghi tên thành phần ở mọi dòng có giá trị nên được đọc là cột Thành phần.",
                 "column {column} ('{header}') names a component on every row that has a value, so it is read as "
                 "the Thành phần (component) column.", exit=1),
    "PX338": Msg("dòng tổng ghi {value} điểm nhưng điểm tối đa của các tiêu chí thành phần cộng lại là {total}; sửa "
                 "dòng tổng hoặc điểm của tiêu chí sai.",
                 "the total row says {value} points but the items' maxima add up to {total}; correct the total or "
                 "the item that is wrong.", exit=1),
    "PX339": Msg("{code} là dòng nhóm (có các dòng con) nhưng ô {column} của nó ghi '{value}'; chỉ dòng tiêu chí "
                 "thành phần mới có {column} — chuyển sang dòng của tiêu chí thành phần.",
                 "{code} is a heading row (it has rows under it) but its {column} cell says '{value}'; only an "
                 "item's row has a {column} — move it to the item's row.", exit=1),
    # --- writing the spreadsheet ----------------------------------------------------------------------
    "PX333": Msg("Thành phần '{text}' không phải thành phần đã biết ({known}). Sửa lại nếu gõ nhầm; nếu bộ tiêu "
                 "chí có thành phần riêng, ghi tên kèm mã và vai trò ({roles}) trong ngoặc, ví dụ 'Điểm cộng "
                 "(diem_cong: bonus)'.",
                 "Thành phần '{text}' is not a known component ({known}). Correct it if mistyped; for a component of "
                 "the set's own, write its name with an id and its role ({roles}) in brackets, e.g. 'Điểm cộng "
                 "(diem_cong: bonus)'.", exit=1),
    "PX334": Msg("thành phần '{component}' được ghi hai vai trò: {first} và {second}; mỗi thành phần một vai trò.",
                 "component '{component}' is given two roles: {first} and {second}; a component has one.", exit=1),
    "PX340": Msg("{code}: cách chấm '{words}' sẽ không đọc lại đúng quy tắc {kind} của tiêu chí này khi nhập (ví dụ "
                 "phương án có dấu ':' hay ';', hay tiêu chí thuộc thành phần điều tra/SIPAS mà không chấm theo điều "
                 "tra); sửa tệp bộ tiêu chí trước khi xuất.",
                 "{code}: the scoring rule '{words}' would not read back as this item's {kind} rule on import (an "
                 "option holding ':' or ';', or a survey/SIPAS item not scored as a survey); correct the criteria "
                 "file before exporting.", exit=1),
    # --- the commands -----------------------------------------------------------------------------------
    "PC715": Msg("'criteria export' ghi một bảng tính: tên tệp -o phải có đuôi .xlsx (không phải '{suffix}').",
                 "'criteria export' writes a workbook: the -o file must end in .xlsx (not '{suffix}').", exit=2),
    "PC716": Msg("'criteria import' ghi một tệp bộ tiêu chí: tên tệp -o phải có đuôi .yaml hoặc .yml (không phải "
                 "'{suffix}').",
                 "'criteria import' writes a criteria file: the -o file must end in .yaml or .yml (not '{suffix}').",
                 exit=2),
    "ui.sheet.exported": Msg("Đã ghi {path}: {rows} dòng, {items} tiêu chí thành phần của {id}.",
                             "Written {path}: {rows} rows, {items} items of {id}."),
    "ui.sheet.imported": Msg("Đã ghi {path}: {items} tiêu chí thành phần, bộ tiêu chí {id}.",
                             "Written {path}: {items} items, criteria set {id}."),
    "ui.sheet.valid": Msg("Bộ tiêu chí hợp lệ; tạo sổ tự chấm bằng: parindex template {path} -o SO.xlsx",
                          "The set is valid; make a workbook with: parindex template {path} -o BOOK.xlsx"),
    "ui.sheet.unread": Msg("{count} ô không đọc được; chưa ghi tệp nào. Sửa trong bảng tính rồi nhập lại.",
                           "{count} cell(s) could not be read; nothing was written. Correct the workbook and "
                           "import again."),
    "ui.sheet.invalid": Msg("{count} vấn đề khi kiểm tra {path}; sửa ở ô đã chỉ trong bảng tính rồi nhập lại.",
                            "{count} problem(s) checking {path}; correct them at the cells named in the workbook "
                            "and import again."),
    "help.criteria.export": Msg("Ghi một bộ tiêu chí ra bảng tính như phụ lục (trang Bộ tiêu chí và Thông tin).",
                                "Write a criteria set as the spreadsheet officers hold (sheets Bộ tiêu chí and "
                                "Thông tin)."),
    "help.criteria.import": Msg("Đọc bảng tính bộ tiêu chí (như 'criteria export' ghi) thành tệp YAML, rồi kiểm "
                                "tra ngay.",
                                "Read a criteria spreadsheet (as 'criteria export' writes it) into a YAML file, "
                                "and check it at once."),
}
