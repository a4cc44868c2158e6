"""Texts of collecting a self-assessment from its lead agencies: parts per agency (`template --lead`,
`--by-lead`), `merge`, `progress` (PM8xx; command-line mistakes PC721–PC723)."""

from parindex.common.catalogue import Msg

MESSAGES: dict[str, Msg] = {
    # who leads what (exit 2: the command cannot run as asked)
    "PM800": Msg("không có cơ quan chủ trì '{query}' trong bộ tiêu chí {set_id}; các cơ quan chủ trì: {known}.",
                 "no lead agency '{query}' in criteria set {set_id}; its lead agencies: {known}.", exit=2),
    "PM801": Msg("'{query}' khớp với nhiều cơ quan chủ trì: {matches}; ghi đầy đủ tên một cơ quan.",
                 "'{query}' matches several lead agencies: {matches}; write one agency's full name.", exit=2),
    "PM802": Msg("bộ tiêu chí {set_id} không ghi cơ quan chủ trì (lead) cho lĩnh vực hay tiêu chí nào, nên không "
                 "chia được thành phần cho từng cơ quan.",
                 "criteria set {set_id} names no lead agency (lead) for any area or item, so it cannot be split "
                 "into parts per agency.", exit=2),
    # parts that do not belong together (exit 1: read, and found not to fit)
    "PM810": Msg("phần này lập cho bộ tiêu chí {book_id} (dấu vân tay {book_fp}), không phải {set_id} ({set_fp}) "
                 "như các phần kia; chỉ ghép các phần lập từ cùng một bộ tiêu chí ('parindex template --by-lead').",
                 "this part was made for criteria set {book_id} (fingerprint {book_fp}), not {set_id} ({set_fp}) "
                 "like the other parts; merge only parts made from one set ('parindex template --by-lead').",
                 exit=1),
    "PM811": Msg("phần này ghi năm {value}, còn {first} ghi năm {first_value}; chỉ ghép các phần của cùng một năm.",
                 "this part says year {value}, but {first} says {first_value}; merge only parts of one year.",
                 exit=1),
    "PM812": Msg("phần này của đơn vị '{value}', còn {first} của '{first_value}'; chỉ ghép các phần của cùng một "
                 "đơn vị (để chấm nhiều đơn vị, dùng 'parindex score THƯ_MỤC').",
                 "this part is for unit '{value}', but {first} is for '{first_value}'; merge only parts of one "
                 "unit (to score many units, use 'parindex score FOLDER').", exit=1),
    "PM813": Msg("hai phần ghi khác nhau cho cùng tiêu chí: {first} ('{first_value}') và {second} "
                 "('{second_value}'); thống nhất với hai cơ quan, sửa một phần rồi ghép lại.",
                 "two parts say different things for the same item: {first} ('{first_value}') and {second} "
                 "('{second_value}'); settle it with both agencies, correct one part and merge again.", exit=1),
    "PM814": Msg("{count} tiêu chí được điền khác nhau ở hai phần (xem trên); chưa ghi tệp {path}.",
                 "{count} item(s) filled differently in two parts (see above); {path} was not written.", exit=1),
    "PM816": Msg("mã {item} không có trong bộ tiêu chí {set_id}, nên không ghép được vào sổ; sửa mã hoặc chuyển "
                 "nội dung sang dòng đúng của phần này.",
                 "code {item} is not in criteria set {set_id}, so it cannot be merged; correct the code or move "
                 "its content to the right row of this part.", exit=1),
    "PM830": Msg("phần này không ghi dấu vân tay bộ tiêu chí (ô trống hoặc dòng đã bị xoá), nên không kiểm tra được "
                 "phần có lập từ bộ {set_id} không, và sổ ghép sẽ mang dấu vân tay của bộ mà không ai kiểm; chép lại "
                 "dòng Dấu vân tay bộ tiêu chí từ phần gốc, hoặc lập lại phần bằng 'parindex template --lead'.",
                 "this part has no criteria fingerprint (a blank cell, or the row deleted), so nothing shows it was "
                 "made from set {set_id}, and the merged workbook would carry the set's fingerprint unchecked; copy "
                 "the fingerprint row back from the original part, or make the part again with 'parindex template "
                 "--lead'.", exit=1),
    "PM831": Msg("dòng {code} là tiêu đề của một tiêu chí có tiêu chí thành phần, nhưng ô này ghi '{value}': chỉ dòng "
                 "tiêu chí thành phần được chấm và ghép, nên nội dung này sẽ bị bỏ mất; chuyển nó sang dòng của tiêu "
                 "chí thành phần ({items}).",
                 "row {code} heads a criterion that has items, but this cell says '{value}': only items' rows are "
                 "scored and merged, so this would be lost; move it to its item's row ({items}).", exit=1),
    "PM815": Msg("không có sổ tài liệu kiểm chứng nào để đọc: {path} là báo cáo hoặc bảng tính do parindex ghi; "
                 "chỉ ra các sổ (hoặc các phần) mà đơn vị đã điền.",
                 "no evidence workbook to read: {path} is a report or a spreadsheet parindex wrote; name the "
                 "workbooks (or the parts) the unit filled in.", exit=1),
    # the list of expected units (exit 2)
    "PM821": Msg("danh sách đơn vị: không thấy cột có tiêu đề 'Đơn vị' hoặc 'Tên đơn vị' trong trang đầu; "
                 "thêm tiêu đề ấy trên cột tên (hoặc dùng tệp .txt, mỗi dòng một tên).",
                 "the list of units: no column headed 'Đơn vị' or 'Tên đơn vị' on its first sheet; put that "
                 "header above the names (or use a .txt file, one name a line).", exit=2),
    "PM820": Msg("danh sách đơn vị {path} không có tên nào; ghi mỗi dòng một tên (.txt) hoặc một cột tên trong "
                 "sổ .xlsx.",
                 "the list of units {path} holds no name; write one name a line (.txt) or a column of names in an "
                 ".xlsx workbook.", exit=2),
    "PC721": Msg("--lead và --by-lead không dùng cùng nhau: --lead TÊN -o TỆP.xlsx cho một cơ quan, --by-lead -o "
                 "THƯ_MỤC cho mọi cơ quan.",
                 "--lead and --by-lead do not go together: --lead NAME -o FILE.xlsx for one agency, --by-lead -o "
                 "FOLDER for every agency.", exit=2),
    "PC722": Msg("với --by-lead, -o là một thư mục (mỗi cơ quan một tệp trong đó), không phải '{path}'.",
                 "with --by-lead, -o is a folder (one file per agency inside it), not '{path}'.", exit=2),
    "PC723": Msg("--expected {path}: cần tệp .txt (mỗi dòng một tên đơn vị) hoặc .xlsx (một cột tên); đuôi "
                 "'{suffix}' không đọc được.",
                 "--expected {path}: a .txt file (one unit name a line) or an .xlsx workbook (a column of names) "
                 "is needed; '{suffix}' cannot be read.", exit=2),
}

# help and what the commands say
MESSAGES.update({
    "help.template.lead": Msg("Chỉ các tiêu chí do cơ quan này chủ trì (một phần để cơ quan đó điền).",
                              "Only the items this agency leads (a part for that agency to fill)."),
    "help.template.block": Msg("Khối xếp hạng ghi vào Thông tin (ví dụ Phường; mặc định: cấp của bộ tiêu chí).",
                               "The ranking block written in Thông tin (such as Phường; default: the set's level)."),
    "PC730": Msg("--block cần một tên khối (ví dụ Sở, Phường, Xã), không để trống.",
                 "--block needs a block name (such as Sở, Phường, Xã), not blank.", exit=2),
    "help.template.by_lead": Msg("Mỗi cơ quan chủ trì một phần, ghi vào thư mục -o.",
                                 "One part per lead agency, written into the -o folder."),
    "help.merge": Msg("Ghép các phần do các cơ quan chủ trì điền thành một sổ tài liệu kiểm chứng.",
                      "Merge the parts filled by the lead agencies into one evidence workbook."),
    "help.merge.output": Msg("Sổ ghép (.xlsx), ghi an toàn; không ghi đè một phần hay một sổ đã điền.",
                             "The merged workbook (.xlsx), written atomically; never over a part or a filled "
                             "workbook."),
    "help.progress": Msg("Tiến độ thu thập: mỗi cơ quan chủ trì (hoặc mỗi đơn vị) đã nhập gì, còn thiếu gì.",
                         "Collection progress: what each lead agency (or each unit) has entered, what is "
                         "missing."),
    "help.progress.expected": Msg("Danh sách đơn vị phải gửi (.txt mỗi dòng một tên, hoặc cột có tiêu đề 'Đơn vị' "
                                  "của sổ .xlsx).",
                                  "The units expected to send (.txt one name a line, or the column headed 'Đơn vị' "
                                  "of an .xlsx)."),
    "ui.template.part_written": Msg("Đã ghi {path}: {items} tiêu chí thành phần do {lead} chủ trì.",
                                    "Wrote {path}: {items} items led by {lead}."),
    "ui.template.parts_written": Msg("Đã ghi {count} phần vào {folder}.", "Wrote {count} parts into {folder}."),
    "ui.template.unassigned": Msg("{count} tiêu chí không có cơ quan chủ trì, không nằm trong phần nào: {items}. "
                                  "Văn phòng tự điền vào sổ ghép.",
                                  "{count} item(s) have no lead agency and are in no part: {items}. The office "
                                  "fills them in the merged workbook."),
    "ui.collect.skipped_merged": Msg("Bỏ qua {path}: đây là sổ do 'parindex merge' ghép, nằm cùng các phần của chính "
                                     "nó; đọc các phần, không đọc sổ ghép (để nó ngoài thư mục các phần).",
                                     "Skipped {path}: a workbook 'parindex merge' wrote, among its own parts; the "
                                     "parts are read, the merged workbook is not (keep it outside the parts' folder)."),
    "ui.merge.written": Msg("Đã ghép {parts} phần vào {path}: {items} tiêu chí thành phần, {filled} đã điền.",
                            "Merged {parts} parts into {path}: {items} items, {filled} filled."),
    "ui.merge.uncovered": Msg("{count} tiêu chí không có trong phần nào, để trống: {items}.",
                              "{count} item(s) are in no part and stay empty: {items}."),
    "ui.merge.blank": Msg("{count} tiêu chí chưa điền; xem ai còn nợ: parindex progress {parts}",
                          "{count} item(s) not filled yet; see who still owes them: parindex progress {parts}"),
    "ui.progress.lead": Msg("Cơ quan chủ trì", "Lead agency"),
    "ui.progress.unit": Msg("Đơn vị", "Unit"),
    "ui.progress.files": Msg("Tệp", "Files"),
    "ui.progress.assigned": Msg("Được giao", "Assigned"),
    "ui.progress.entered": Msg("Đã nhập", "Entered"),
    "ui.progress.missing": Msg("Chưa nhập", "Missing"),
    "ui.progress.no_evidence": Msg("Thiếu TLKC, giải trình", "No evidence or explanation"),
    "ui.progress.estimates": Msg("Ước tính", "Estimates"),
    "ui.progress.left": Msg("Còn lại", "Left"),
    "ui.progress.percent": Msg("% đã nhập", "% entered"),
    "ui.progress.missing_items": Msg("Tiêu chí chưa nhập", "Items missing"),
    "ui.progress.unassigned": Msg("(chưa phân công)", "(not assigned)"),
    "ui.progress.title_leads": Msg("Tiến độ theo cơ quan chủ trì — {unit} ({year}), {parts} tệp",
                                   "Progress by lead agency — {unit} ({year}), {parts} file(s)"),
    "ui.progress.title_units": Msg("Tiến độ theo đơn vị — {count} đơn vị đã gửi",
                                   "Progress by unit — {count} unit(s) have sent"),
    "ui.progress.not_sent": Msg("Chưa gửi ({count}): {units}", "Not sent ({count}): {units}"),
    "ui.progress.all_sent": Msg("Mọi đơn vị trong danh sách đã gửi.", "Every unit on the list has sent."),
    "ui.progress.unexpected": Msg("Không có trong danh sách ({count}): {units}",
                                  "Not on the list ({count}): {units}"),
    "ui.progress.total": Msg("Tổng", "Total"),
    "ui.progress.conflicts": Msg("{count} tiêu chí điền khác nhau ở hai phần:", "{count} item(s) filled "
                                 "differently in two parts:"),
    "ui.progress.sheet": Msg("Tiến độ", "Tiến độ"),
})
