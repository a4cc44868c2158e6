"""Findings of `parindex validate` on criteria files (PX1xx) and texts of the criteria commands."""

from parindex.common.catalogue import Msg

MESSAGES: dict[str, Msg] = {
    "PX100": Msg("Lỗi cú pháp YAML: {problem}.", "YAML syntax error: {problem}.", exit=1),
    "ui.yaml.control_char": Msg("ký tự điều khiển {char} không được phép (thường dán từ Word hay PDF, không nhìn "
                                "thấy); xoá ký tự ở vị trí này",
                                "control character {char} is not allowed (usually pasted from Word or a PDF, "
                                "invisible); delete the character at this place"),
    "PX101": Msg("các mục con của {code} cộng lại được {total} nhưng {code} có điểm tối đa {max}; sửa 'max' "
                 "của {code} hoặc của các mục con.",
                 "children of {code} sum to {total} but {code} has max {max}; change the max of {code} or "
                 "of its children.", exit=1),
    "PX102": Msg("điểm tối đa các thành phần cộng lại được {total} nhưng bộ tiêu chí có điểm tối đa {max}.",
                 "component maxima sum to {total} but the set has max {max}.", exit=1),
    "PX103": Msg("các tiêu chí thành phần thuộc thành phần '{component}' cộng lại được {total} nhưng thành phần "
                 "này có điểm tối đa {max}.",
                 "items of component '{component}' sum to {total} but the component has max {max}.", exit=1),
    "PX104": Msg("mã {code} bị trùng (đã có ở dòng {first_line}); mỗi mã chỉ dùng một lần.",
                 "code {code} is used twice (first on line {first_line}); every code must be unique.", exit=1),
    "PX105": Msg("mã {code} không khớp vị trí: ở vị trí này phải là {expected}.",
                 "code {code} does not match its position: here it should be {expected}.", exit=1),
    "PX106": Msg("các bậc điểm của {code} phải xếp từ tốt nhất đến kém nhất, cùng một chiều (at_least hoặc "
                 "at_most), điểm không tăng: bậc {index} ({value}) đứng sau {prev}.",
                 "tiers of {code} must go from best to worst, all at_least or all at_most, points never rising: "
                 "tier {index} ({value}) comes after {prev}.", exit=1),
    "PX107": Msg("{code}: mức điểm {points} nằm ngoài khoảng [0, {max}].",
                 "{code}: points {points} are outside [0, {max}].", exit=1),
    "PX108": Msg("{code}: phương án '{label}' bị trùng; mỗi phương án phải khác nhau.",
                 "{code}: option '{label}' appears twice; options must be distinct.", exit=1),
    "PX109": Msg("khoá '{key}' bị lặp (lần đầu ở dòng {first_line}); YAML sẽ lặng lẽ giữ giá trị sau cùng.",
                 "key '{key}' is repeated (first on line {first_line}); YAML would silently keep the last one.",
                 exit=1),
    "PX110": Msg("không dùng bí danh YAML (*{alias}); hãy viết đầy đủ giá trị.",
                 "YAML aliases (*{alias}) are not allowed; write the value out.", exit=1),
    "PX111": Msg("thụt lề bằng ký tự tab; YAML chỉ cho phép dấu cách.",
                 "indented with a tab; YAML allows only spaces.", exit=1),
    "PX112": Msg("văn bản '{text}' chưa ở dạng Unicode NFC (dấu tiếng Việt tách rời, như khi gõ bằng 'Unicode tổ "
                 "hợp'); lưu lại ở dạng NFC (Unicode dựng sẵn).{also}",
                 "text '{text}' is not NFC Unicode (decomposed Vietnamese accents, as typed with 'Unicode tổ hợp'); "
                 "save it as NFC (precomposed Unicode).{also}", exit=1),
    "ui.yaml.nfc_also": Msg(" Cùng lỗi ở {n} chỗ khác trong tệp.", " The same in {n} more places in the file."),
    "PX113": Msg("{field}: {problem}", "{field}: {problem}", exit=1),
    "PX114": Msg("{code}: thành phần '{component}' không có trong 'components' ({known}).",
                 "{code}: component '{component}' is not listed in 'components' ({known}).", exit=1),
    "PX115": Msg("{code}: quy tắc chấm cho tối đa {best} điểm nhưng điểm tối đa là {max}.",
                 "{code}: the rule can give at most {best} points but the max is {max}.", exit=1),
    "PX116": Msg("{code}: thiếu 'source' (nguồn của giá trị này).", "{code}: 'source' is missing.", exit=1),
    "PX117": Msg("{code}: bộ tiêu chí ghi status: official nhưng giá trị này vẫn provisional: true.",
                 "{code}: the set says status: official but this value is still provisional: true.", exit=1),
    "PX118": Msg("cấu trúc lồng quá sâu (hơn {limit} mức).", "nesting is too deep (more than {limit} levels).",
                 exit=1),
    "PX119": Msg("danh sách năm phải tăng dần và không trùng.", "years must be increasing and distinct.",
                 exit=1),
    "PX120": Msg("thành phần '{component}' được khai báo hai lần.", "component '{component}' is declared twice.",
                 exit=1),
    "PX122": Msg("thành phần '{component}' ghi role: {role}, nhưng mã '{component}' đã ngầm định role: {implied}; "
                 "bỏ dòng role, hoặc đặt mã khác cho thành phần mới.",
                 "component '{component}' says role: {role}, but the id '{component}' implies role: {implied}; "
                 "drop the role, or give a new component an id of its own.", exit=1),
    "PX123": Msg("thành phần '{component}' không phải thành phần đã biết nên cần ghi role: một trong {roles} "
                 "(self: tự đánh giá theo tài liệu kiểm chứng; measured: đo lường bởi nơi khác, điền từ bảng kết "
                 "quả; bonus: điểm thưởng; penalty: điểm trừ).",
                 "component '{component}' is not a known one, so it needs a role: one of {roles} (self: assessed "
                 "from the unit's evidence; measured: measured by someone else, filled from their table; bonus: "
                 "bonus points; penalty: penalty points).", exit=1),
    "PX121": Msg("tệp có quá nhiều phần tử (hơn {limit}); bộ tiêu chí thật không lớn như vậy.",
                 "the file holds too many nodes (more than {limit}); no real criteria set is that large.", exit=1),
    "PX150": Msg("{code}: 'most' (giá trị phần trăm lớn nhất được nhận) chỉ dùng cho quy tắc có unit: percent.",
                 "{code}: 'most' (the largest percent accepted) applies only to a rule with unit: percent.", exit=1),
    "PX151": Msg("{code}: điểm tối đa {max} vượt mức trần {cap} của thành phần '{component}'.",
                 "{code}: its max {max} exceeds the cap {cap} of component '{component}'.", exit=1),
    "PX152": Msg("lĩnh vực {code} trộn tiêu chí điểm thưởng/điểm trừ với tiêu chí thường; đặt điểm thưởng, điểm "
                 "trừ vào một lĩnh vực riêng (nằm ngoài tổng điểm của bộ).",
                 "area {code} mixes bonus/penalty items with ordinary ones; put bonus and penalty items in an area "
                 "of their own (outside the set's total).", exit=1),
    "PX170": Msg("xếp loại '{name}' (từ {at_least} %) phải thấp hơn xếp loại đứng trước '{before}' (từ "
                 "{before_at_least} %): ghi các xếp loại từ cao xuống thấp, mỗi mức một ngưỡng khác nhau.",
                 "band '{name}' (from {at_least} %) must be below the band before it, '{before}' (from "
                 "{before_at_least} %): write the bands best first, each with its own threshold.", exit=1),
    "PX171": Msg("xếp loại '{name}': ngưỡng {at_least} % nằm ngoài khoảng 0–100 %.",
                 "band '{name}': threshold {at_least} % is outside 0–100 %.", exit=1),
    "PX172": Msg("xếp loại '{name}' được khai báo hai lần.", "band '{name}' is declared twice.", exit=1),
    "PX153": Msg("'chấp nhận đến … %' trong '{text}' chỉ dùng cho cách chấm theo tỷ lệ %.",
                 "'chấp nhận đến … %' in '{text}' belongs only to a rule on a percent.", exit=1),
    "ui.validate.ok": Msg("{n} tệp hợp lệ.", "{n} file(s) valid."),
    "ui.validate.found": Msg("{count} vấn đề trong {files} tệp.", "{count} problem(s) in {files} file(s)."),
    "ui.criteria.id": Msg("Mã", "Id"),
    "ui.criteria.title": Msg("Tên", "Title"),
    "ui.criteria.basis": Msg("Căn cứ", "Basis"),
    "ui.criteria.years": Msg("Năm", "Years"),
    "ui.criteria.level": Msg("Cấp", "Level"),
    "ui.criteria.status": Msg("Trạng thái", "Status"),
    "ui.criteria.areas": Msg("Lĩnh vực", "Areas"),
    "ui.criteria.items": Msg("TCTP", "Items"),
    "ui.criteria.max": Msg("Tối đa", "Max"),
    "ui.criteria.lead": Msg("chủ trì", "lead"),
    "ui.criteria.source": Msg("nguồn", "source"),
    "ui.criteria.role": Msg("vai trò", "role"),
    "ui.criteria.components": Msg("Thành phần điểm", "Components"),
    "ui.criteria.decisions": Msg("Quyết định quy định Chỉ số cấp tỉnh theo năm:",
                                 "Which decision governs the provincial index of which years:"),
    "ui.decision.line": Msg("{decision}, Chỉ số các năm {years}: {facts}. {way_in}",
                            "{decision}, indices {years}: {facts}. {way_in}"),
    "ui.decision.governs": Msg("Chỉ số năm {year} chấm theo {decision} (Chỉ số các năm {years}): {facts}. {way_in}",
                               "The {year} index is scored under {decision} (indices {years}): {facts}. {way_in}"),
    "ui.decision.bundled": Msg("Bộ tiêu chí dựng lại kèm theo: {id}.", "Bundled reconstructed set: {id}."),
    "ui.decision.import": Msg("Phụ lục chưa công khai, chỉ cơ quan được giao nắm: nhập nó bằng 'parindex criteria "
                              "import PHU-LUC.xlsx -o BO-TIEU-CHI.yaml' (bảng mẫu: 'parindex criteria export "
                              "par-province-2022 -o MAU.xlsx').",
                              "Its annex is not public; whoever holds it brings it in with 'parindex criteria import "
                              "ANNEX.xlsx -o SET.yaml' (a sheet to start from: 'parindex criteria export "
                              "par-province-2022 -o SHEET.xlsx')."),
    "ui.decision.unknown": Msg("Chưa biết quyết định nào quy định Chỉ số cấp {level} năm {year}.",
                               "Which decision governs the {level}-level index of {year} is not known."),
    "decision.qd1150": Msg("8 lĩnh vực, 43 tiêu chí, 95 tiêu chí thành phần; ngày ban hành các nguồn ghi khác nhau "
                           "(30/12/2019 hoặc 30/12/2020); phụ lục chưa tiếp cận được",
                           "8 areas, 43 criteria, 95 sub-criteria; sources date it differently (30/12/2019 or "
                           "30/12/2020); the annex was not reachable"),
    "decision.qd876": Msg("ngày 10/11/2022; 8 lĩnh vực, 37 tiêu chí, 88 tiêu chí thành phần; 100 điểm = 61,5 thẩm "
                          "định + 6,5 chỉ tiêu tác động + 10 SIPAS + 22 điều tra lãnh đạo, quản lý; đã đối chiếu điểm "
                          "tối đa của lĩnh vực 1, 3, 4, 5, 8; lĩnh vực 2, 6, 7 (cộng lại 35,5) và mọi tiêu chí "
                          "chưa biết",
                          "of 10/11/2022; 8 areas, 37 criteria, 88 sub-criteria; 100 points = 61.5 appraised + 6.5 "
                          "impact indicators + 10 SIPAS + 22 leaders' survey; the maxima of areas 1, 3, 4, 5, 8 are "
                          "sourced; areas 2, 6, 7 (35.5 together) and every criterion are not known"),
    "decision.qd1187": Msg("ngày 15/10/2025, sau khi hợp nhất còn 34 tỉnh (có nguồn dẫn QĐ 892/QĐ-BNV ngày "
                           "05/12/2024, Đề án giai đoạn 2024–2030); lĩnh vực, tiêu chí và điểm chưa biết; kết quả "
                           "Chỉ số năm 2025 chưa được công bố",
                           "of 15/10/2025, after the merger into 34 provinces (a source cites QĐ 892/QĐ-BNV of "
                           "05/12/2024, the scheme for 2024–2030); its areas, criteria and points are not known; the "
                           "2025 results are not published yet"),
    "ui.criteria.provisional_mark": Msg("* = giá trị tạm tính (provisional)", "* = provisional value"),
    "help.validate": Msg("Kiểm tra tệp bộ tiêu chí và tệp kết quả chính thức (mặc định: các tệp có sẵn).",
                         "Check criteria and baseline files (default: the bundled ones)."),
    "help.validate.format": Msg("text, json hoặc github (dòng chú thích cho GitHub Actions).",
                                "text, json or github (annotation lines for GitHub Actions)."),
    "help.criteria": Msg("Xem các bộ tiêu chí; xuất, nhập bộ tiêu chí dạng bảng tính.",
                         "Look at criteria sets; export and import them as spreadsheets."),
    "help.criteria.list": Msg("Liệt kê các bộ tiêu chí có sẵn.", "List the bundled criteria sets."),
    "help.criteria.show": Msg("Hiện một bộ tiêu chí dạng cây.", "Show one criteria set as a tree."),
    "help.criteria.depth": Msg("Số mức hiển thị (1 = lĩnh vực).", "Levels to show (1 = areas)."),
    "help.schema": Msg("In JSON Schema của định dạng bộ tiêu chí.", "Print the JSON Schema of the criteria format."),
    "help.schema.results": Msg("In JSON Schema của kết quả chấm ('parindex score --format json') thay cho bộ tiêu chí.",
                               "Print the JSON Schema of score results ('parindex score --format json') instead."),
}

# pydantic's error types, said in the user's language (anything else falls back to pydantic's English)
MESSAGES.update({
    "schema.missing": Msg("thiếu trường bắt buộc", "required field is missing"),
    "schema.extra_forbidden": Msg("trường không được phép ở đây (viết sai tên?)",
                                  "field not allowed here (a misspelt name?)"),
    "schema.literal_error": Msg("giá trị không hợp lệ; chấp nhận: {expected}", "invalid value; accepted: {expected}"),
    "schema.union_tag_invalid": Msg("'kind' không hợp lệ ('{tag}'); chấp nhận: {expected_tags}",
                                    "invalid 'kind' ('{tag}'); accepted: {expected_tags}"),
    "schema.union_tag_not_found": Msg("quy tắc thiếu 'kind'", "the rule has no 'kind'"),
    "schema.decimal_parsing": Msg("phải là một số, viết với dấu chấm thập phân (ví dụ 1.5, không viết 1,5)",
                                  "must be a number, written with a decimal point (1.5, not 1,5)"),
    "schema.decimal_max_places": Msg("tối đa {decimal_places} chữ số thập phân", "at most {decimal_places} decimals"),
    "schema.tier_bound": Msg("mỗi bậc cần đúng một trong at_least / at_most / above / below",
                             "a tier needs exactly one of at_least / at_most / above / below"),
    "schema.criterion_children": Msg("một lĩnh vực hay tiêu chí phải chứa criteria, items, hoặc cả hai",
                                     "an area or a criterion holds criteria, items, or both"),
    "schema.decimal_type": Msg("phải là một số", "must be a number"),
    "schema.int_parsing": Msg("phải là số nguyên", "must be a whole number"),
    "schema.int_type": Msg("phải là số nguyên", "must be a whole number"),
    "schema.string_type": Msg("phải là văn bản (một mã như 1.1 viết trong ngoặc kép: \"1.1\")",
                              "must be text (write a code like 1.1 in quotes: \"1.1\")"),
    "schema.bool_type": Msg("phải là true hoặc false", "must be true or false"),
    "schema.bool_parsing": Msg("phải là true hoặc false", "must be true or false"),
    "schema.list_type": Msg("phải là một danh sách", "must be a list"),
    "schema.model_type": Msg("phải là một bảng khoá: giá trị", "must be a mapping of key: value"),
    "schema.model_attributes_type": Msg("phải là một bảng khoá: giá trị", "must be a mapping of key: value"),
    "schema.greater_than_equal": Msg("phải ≥ {ge}", "must be ≥ {ge}"),
    "schema.greater_than": Msg("phải > {gt}", "must be > {gt}"),
    "schema.less_than_equal": Msg("phải ≤ {le}", "must be ≤ {le}"),
    "schema.too_short": Msg("cần ít nhất {min_length} phần tử", "needs at least {min_length} entries"),
    "schema.string_too_short": Msg("không được để trống", "must not be empty"),
    "schema.string_pattern_mismatch": Msg("không đúng mẫu {pattern}", "does not match the pattern {pattern}"),
    "schema.code_pattern": Msg("mã gồm các số cách nhau bởi dấu chấm, ví dụ \"1.2.3\"",
                               "a code is numbers separated by dots, for example \"1.2.3\""),
    "schema.finite_number": Msg("phải là số hữu hạn", "must be a finite number"),
    "schema.value_error": Msg("{error}", "{error}"),
})

# scoring rules in words: the Vietnamese is the phrase grammar of `criteria.rule_phrases` (what the template and
# `criteria export` print is what `criteria import` reads); change one and the other must read it
MESSAGES.update({
    "rule.yes_no": Msg("{yes_word}: {yes} điểm; {no_word}: {no} điểm",
                       "{yes_word}: {yes} points; {no_word}: {no} points"),
    "rule.at_least": Msg("từ {value} trở lên: {points} điểm", "{value} or more: {points} points"),
    "rule.from_below": Msg("từ {low} đến dưới {high}: {points} điểm", "{low} to under {high}: {points} points"),
    "rule.below": Msg("dưới {value}: 0 điểm", "under {value}: 0 points"),
    "rule.at_most": Msg("không quá {value}: {points} điểm", "at most {value}: {points} points"),
    "rule.above_to": Msg("trên {low} đến {high}: {points} điểm", "over {low} up to {high}: {points} points"),
    "rule.above": Msg("trên {value}: 0 điểm", "over {value}: 0 points"),
    "rule.over": Msg("trên {value}: {points} điểm", "over {value}: {points} points"),
    "rule.under": Msg("dưới {value}: {points} điểm", "under {value}: {points} points"),
    "rule.from_to": Msg("từ {low} đến {high}: {points} điểm", "{low} to {high}: {points} points"),
    "rule.above_below": Msg("trên {low} đến dưới {high}: {points} điểm",
                            "over {low} to under {high}: {points} points"),
    "rule.option": Msg("{label}: {points} điểm", "{label}: {points} points"),
    "rule.choice_marked": Msg("Chọn một mức: {options}", "Choose one level: {options}"),
    "rule.proportional": Msg("Tính theo tỷ lệ: kết quả / {target} × {max} điểm, tối đa {max} điểm",
                             "In proportion: value / {target} × {max} points, at most {max} points"),
    "rule.deduction": Msg("{max} điểm, mỗi trường hợp trừ {per} điểm, thấp nhất 0 điểm",
                          "{max} points, minus {per} for each case, not below 0"),
    "rule.per_case": Msg("Cộng {per} điểm cho mỗi trường hợp, tối đa {max} điểm",
                         "plus {per} points for each case, at most {max}"),
    "rule.per_case_minus": Msg("Trừ {per} điểm cho mỗi trường hợp, tối đa {max} điểm",
                               "minus {per} points for each case, at most {max}"),
    "rule.sign_none": Msg("lời không nói cộng hay trừ, mà tiêu chí thuộc thành phần tự chấm",
                          "the words say neither plus nor minus, and the item is self-assessed"),
    "rule.sign_plus": Msg("lời nói trừ, mà tiêu chí thuộc thành phần điểm thưởng (được cộng)",
                          "the words say minus, and the item belongs to a bonus component (added)"),
    "rule.sign_minus": Msg("lời nói cộng, mà tiêu chí thuộc thành phần điểm trừ",
                           "the words say plus, and the item belongs to a penalty component"),
    "rule.most": Msg("chấp nhận đến {most} %", "values up to {most} % accepted"),
    "rule.survey": Msg("Điều tra/SIPAS: tỷ lệ % của {max} điểm (A/B/C/D = 100/60/20/0 %); không tự chấm",
                       "Survey/SIPAS: a share in % of {max} points (A/B/C/D = 100/60/20/0 %); not self-scored"),
    "rule.manual": Msg("Người chấm nhập điểm trực tiếp, từ 0 đến {max} điểm",
                       "The assessor enters the points directly, 0 to {max}"),
})
