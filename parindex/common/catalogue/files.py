"""Errors about files themselves: missing, too big, not text, not a workbook."""

from parindex.common.catalogue import Msg

MESSAGES: dict[str, Msg] = {
    "PE300": Msg("Không tìm thấy tệp hoặc bộ tiêu chí '{path}'.", "No such file or criteria set: '{path}'.",
                 exit=2),
    "PE301": Msg("Tệp quá lớn ({size} byte, giới hạn {limit}); nếu tệp đúng là như vậy, tăng giới hạn bằng "
                 "biến môi trường PARINDEX_MAX_BYTES.",
                 "File too large ({size} bytes, limit {limit}); if it really is that big, raise the limit with "
                 "the PARINDEX_MAX_BYTES environment variable.", exit=2),
    "PE302": Msg("Tệp không phải văn bản UTF-8 (byte lạ ở dòng {line}); hãy lưu lại với mã hoá UTF-8.",
                 "File is not UTF-8 text (bad byte on line {line}); save it again as UTF-8.", exit=2),
    "PE303": Msg("Không đọc được tệp: {reason}.", "Cannot read the file: {reason}.", exit=2),
    "PE304": Msg("Không ghi được tệp {path}: {reason}.", "Cannot write {path}: {reason}.", exit=2),
    "PE306": Msg("đây là một sổ Excel (.xlsx/.xls), không phải tệp YAML bộ tiêu chí; sổ được chấm bằng "
                 "'parindex score'.",
                 "this is an Excel workbook (.xlsx/.xls), not a YAML criteria file; workbooks are scored with "
                 "'parindex score'.", exit=2),
    "PE310": Msg("bộ tiêu chí {path} chưa hợp lệ ({count} vấn đề); chạy 'parindex validate {path}' để xem.",
                 "criteria set {path} is not valid ({count} problems); run 'parindex validate {path}' to see them.",
                 exit=1),
    "PE305": Msg("'{path}' là một thư mục, không phải tệp.", "'{path}' is a folder, not a file.", exit=2),
    "PE308": Msg("{path} là tệp đầu vào của lần chạy này; ghi kết quả ra tệp khác (--force cũng không ghi đè "
                 "tệp đầu vào).",
                 "{path} is an input of this run; write the result to another file (not even --force overwrites an "
                 "input).", exit=2),
    "PE309": Msg("{path} là sổ tài liệu kiểm chứng đã lập cho bộ tiêu chí {set_id}; không ghi kết quả đè lên sổ "
                 "(kể cả với --force). Ghi kết quả ra tệp khác.",
                 "{path} is an evidence workbook made for criteria set {set_id}; a result is never written over "
                 "one, not even with --force. Write it to another file.", exit=2),
    "PE325": Msg("{path} là bảng tính bộ tiêu chí (do 'parindex criteria export' lập, có thể đã được điền); không ghi "
                 "đè lên bảng tính này (kể cả với --force). Ghi ra tệp khác, hoặc tự xoá tệp nếu chắc chắn không cần.",
                 "{path} is a criteria spreadsheet (made by 'parindex criteria export', perhaps filled in since); "
                 "it is never written over (not even with --force). Write to another file, or delete it yourself if "
                 "you are sure it is not needed.", exit=2),
    "PE311": Msg("Không tìm thấy tệp {what} có sẵn nào ở {folder}: bản cài đặt parindex bị thiếu tệp; hãy cài lại.",
                 "No bundled {what} file found in {folder}: this parindex installation is missing files; install it "
                 "again.", exit=2),
    "PE312": Msg("số '{value}' không thể có trong một kết quả (quá {digits} chữ số, hoặc từ 10^{magnitude} trở lên).",
                 "the number '{value}' cannot be in a result (more than {digits} digits, or 10^{magnitude} or more).",
                 exit=2),
    "PE313": Msg("tệp JSON lồng sâu quá {limit} cấp; một kết quả không sâu như vậy.",
                 "the JSON is nested more than {limit} levels deep; no result is.", exit=2),
    "PE307": Msg("'{path}' không phải một tệp thông thường (thiết bị, pipe…); hãy chỉ tới tệp trên đĩa.",
                 "'{path}' is not a regular file (a device, a pipe…); name a file on disk.", exit=2),
}
