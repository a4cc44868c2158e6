"""General texts: the CLI frame, help, shared labels."""

from parindex.common.catalogue import Msg

MESSAGES: dict[str, Msg] = {
    "PC700": Msg("Lỗi không mong đợi: {detail}. Chạy lại với --debug để xem chi tiết.",
                 "Unexpected error: {detail}. Run again with --debug for details.", exit=2),
    "PC701": Msg("Tệp {path} đã tồn tại; thêm --force để ghi đè.",
                 "{path} already exists; add --force to overwrite it.", exit=2),
    "PC702": Msg("Định dạng '{value}' không hỗ trợ ở đây; dùng một trong: {accepted}.",
                 "Format '{value}' is not supported here; use one of: {accepted}.", exit=2),
    "PC703": Msg("Định dạng {fmt} cần -o TỆP.", "Format {fmt} needs -o FILE.", exit=2),
    "PC704": Msg("Ngôn ngữ '{value}' không hỗ trợ; dùng vi hoặc en.",
                 "Language '{value}' is not supported; use vi or en.", exit=2),
    "PC705": Msg("Đã dừng theo yêu cầu (Ctrl-C); không tệp nào bị ghi dở.",
                 "Stopped on request (Ctrl-C); no file was left half-written.", exit=2),
    "PC745": Msg("Đã dừng vì nhận tín hiệu kết thúc (SIGTERM); không tệp nào bị ghi dở.",
                 "Stopped by a termination signal (SIGTERM); no file was left half-written.", exit=2),
    "PC706": Msg("Không có tùy chọn {option}.{hint}", "No such option: {option}.{hint}", exit=2),
    "PC707": Msg("Thiếu {what} {name}.", "Missing {what} {name}.", exit=2),
    "PC708": Msg("Giá trị không hợp lệ cho {name} (chi tiết kỹ thuật: {detail}).", "Invalid value for {name}: {detail}",
                 exit=2),
    "PC709": Msg("Tùy chọn {option} cần một giá trị đi kèm.", "Option {option} needs a value after it.", exit=2),
    "PC710": Msg("Dòng lệnh chưa đúng: {detail}", "The command line is not right: {detail}", exit=2),
    "PC711": Msg("Không có lệnh '{name}'.{hint} Các lệnh: {commands}.",
                 "No such command '{name}'.{hint} The commands: {commands}.", exit=2),
    "PC712": Msg("Thừa đối số: {args}. Tên tệp có dấu cách thì đặt trong ngoặc kép.",
                 "Unexpected extra argument(s): {args}. Put a file name with spaces in double quotes.", exit=2),
    "PC713": Msg("Tệp {path} có đuôi {suffix} nhưng định dạng là {fmt}; đổi đuôi tệp thành {expected} hoặc bỏ "
                 "--format để định dạng theo đuôi tệp.",
                 "{path} ends in {suffix} but the format is {fmt}; name the file {expected}, or leave out --format "
                 "and the file's extension decides.", exit=2),
    "PC714": Msg("Không biết ghi định dạng nào vào tệp {path}: đuôi '{suffix}' không ứng với định dạng nào; dùng "
                 "một trong: {accepted}.",
                 "Cannot tell which format to write to {path}: no format has the extension '{suffix}'; use one of: "
                 "{accepted}.", exit=2),
    "PC718": Msg("--level {value}: bộ tiêu chí {set_id} dành cho cấp '{level}'; mỗi cấp chấm bằng bộ tiêu chí của "
                 "cấp đó (xem 'parindex criteria list').",
                 "--level {value}: criteria set {set_id} is for level '{level}'; each level is scored with its own "
                 "set (see 'parindex criteria list').", exit=2),
    "ui.usage.did_you_mean": Msg(" Có phải ý bạn là: {options}?", " Did you mean: {options}?"),
    "ui.usage.option": Msg("tùy chọn", "option"),
    "ui.usage.argument": Msg("đối số", "argument"),
    "ui.usage.see_help": Msg("Xem: {command} --help", "See: {command} --help"),
    "ui.error": Msg("Lỗi", "Error"),
    "ui.yes": Msg("Có", "Yes"),
    "ui.and": Msg("và", "and"),  # the last two words of a list: A, B và C
    "ui.no": Msg("Không", "No"),
    "ui.written": Msg("Đã ghi {path}", "Wrote {path}"),
    "ui.table.narrow": Msg("Cửa sổ dòng lệnh hẹp, đã ẩn cột {columns}: mở rộng cửa sổ, hoặc dùng --format md để "
                           "xem đủ.",
                           "Narrow terminal, columns left out: {columns}; widen the window, or use --format md to see "
                           "them all."),
    "ui.no_folder": Msg("thư mục {folder} không tồn tại", "the folder {folder} does not exist"),
    "ui.reconstructed": Msg(
        "⚠ Bộ tiêu chí {id} là bản DỰNG LẠI: {n} giá trị tạm tính "
        "chưa được đối chiếu với văn bản chính thức. Không dùng như điểm chính thức.",
        "⚠ Criteria set {id} is RECONSTRUCTED (status: reconstructed): {n} provisional values have not "
        "been checked against the official text. Do not present as official scores.",
    ),
    "ui.provisional_only": Msg(
        "⚠ Bộ tiêu chí {id} có {n} giá trị tạm tính chưa được đối chiếu với văn bản chính thức.",
        "⚠ Criteria set {id} holds {n} provisional values not checked against the official text.",
    ),
    "help.app": Msg(
        "parindex — tự chấm điểm Chỉ số cải cách hành chính (PAR Index) từ bộ tiêu chí YAML và sổ "
        "tài liệu kiểm chứng Excel.",
        "parindex — self-score the Public Administration Reform Index (PAR Index) from YAML criteria "
        "sets and Excel evidence workbooks.",
    ),
    "help.lang": Msg("Ngôn ngữ hiển thị: vi hoặc en (mặc định theo PARINDEX_LANG, hoặc vi).",
                     "Display language: vi or en (default from PARINDEX_LANG, else vi)."),
    "help.debug": Msg("Hiện traceback khi có lỗi (dành cho lập trình viên).",
                      "Show the traceback on errors (for developers)."),
    "help.version": Msg("In phiên bản rồi thoát.", "Print the version and exit."),
    "help.format": Msg("Định dạng đầu ra.", "Output format."),
    "help.output": Msg("Ghi kết quả vào tệp (ghi an toàn, không ghi đè nếu thiếu --force).",
                       "Write the result to a file (atomically; never overwrites without --force)."),
    "help.force": Msg("Cho phép ghi đè tệp đầu ra đã có.", "Allow overwriting an existing output file."),
    "help.criteria_opt": Msg("Bộ tiêu chí (mã hoặc đường dẫn tệp YAML) nếu không phải bộ có sẵn.",
                             "Criteria set (id or YAML path) when it is not a bundled one."),
}

# --- the frame of a Word document (Nghị định 30/2020/NĐ-CP): the header and the closing block -----------
MESSAGES.update({
    "doc.nation": Msg("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"),
    "doc.motto": Msg("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "doc.number": Msg("Số: ……/{kind}-……", "No.: ……/{kind}-……"),
    "doc.place_date": Msg("{place}, ngày …… tháng …… năm ……", "{place}, date …… / …… / ……"),
    "doc.place_blank": Msg("……", "……"),
    "doc.recipients": Msg("Nơi nhận:", "Recipients:"),
    "doc.recipients_file": Msg("- Lưu: VT.", "- Filed: records office."),
    "doc.signer": Msg("(Chức vụ của người ký)", "(Title of the signatory)"),
    "doc.signer_name": Msg("(Chữ ký, họ và tên)", "(Signature, full name)"),
    "doc.people_committee": Msg("ỦY BAN NHÂN DÂN", "PEOPLE'S COMMITTEE"),
    # whom a unit reports to, by its level (common/addressing.py), and who signs for it
    "doc.to_ministry": Msg("Bộ Nội vụ", "Ministry of Home Affairs"),
    "doc.to_province": Msg("UBND tỉnh", "Provincial People's Committee"),
    "doc.to_home_affairs": Msg("Sở Nội vụ", "Department of Home Affairs"),
    "doc.and": Msg(" và ", " and "),
    "doc.parent_province": Msg("UBND TỈNH ……", "PROVINCIAL PEOPLE'S COMMITTEE ……"),
    "doc.signer_committee": Msg("TM. ỦY BAN NHÂN DÂN", "ON BEHALF OF THE PEOPLE'S COMMITTEE"),
    "doc.signer_chair": Msg("CHỦ TỊCH", "CHAIR"),
    "doc.signer_director": Msg("GIÁM ĐỐC", "DIRECTOR"),
    "doc.signer_chief_office": Msg("CHÁNH VĂN PHÒNG", "CHIEF OF OFFICE"),
    "doc.signer_head": Msg("TRƯỞNG BAN", "HEAD"),
    "doc.signer_chief_inspector": Msg("CHÁNH THANH TRA", "CHIEF INSPECTOR"),
    "help.to": Msg("Nơi nhận của báo cáo (.docx), cách nhau bằng dấu chấm phẩy; mặc định theo cấp của bộ tiêu chí "
                   "(tỉnh: Bộ Nội vụ; sở: Sở Nội vụ, UBND tỉnh; xã: UBND tỉnh, Sở Nội vụ).",
                   "Recipients of the report (.docx), separated by semicolons; by default the set's level decides "
                   "(province: Ministry of Home Affairs; department: Department of Home Affairs, Provincial People's "
                   "Committee; commune: Provincial People's Committee, Department of Home Affairs)."),
})
