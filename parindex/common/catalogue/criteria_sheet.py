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
}
