"""Texts of baselines (PX2xx findings), of `parindex gap` (PG4xx errors, labels) and of the draft plan."""

from parindex.common.catalogue import Msg

# --- findings of `parindex validate` on baseline files -------------------------------------------------
MESSAGES: dict[str, Msg] = {
    "PX201": Msg("{unit}: các thành phần ({parts}) cộng lại được {sum} nhưng tổng điểm ghi {total}; nếu nguồn công "
                 "bố làm tròn từng cột, ghi 'rounding: {{tolerance: 0.01, note: ...}}' cho đơn vị này.",
                 "{unit}: the components ({parts}) sum to {sum} but the total says {total}; if the source rounds "
                 "each column, add 'rounding: {{tolerance: 0.01, note: ...}}' to this unit.", exit=1),
    "PX202": Msg("{unit}: các cột ({parts}) của thành phần {component} cộng lại được {sum} nhưng thành phần ghi "
                 "{score}.",
                 "{unit}: the columns ({parts}) of component {component} sum to {sum} but the component says "
                 "{score}.", exit=1),
    "PX203": Msg("trạng thái '{status}' không hợp lệ; chấp nhận: {accepted}. Tệp kết quả không chứa giá trị ước "
                 "tính: giá trị chưa biết thì bỏ trống.",
                 "status '{status}' is not accepted; use one of: {accepted}. Baselines hold no estimates: leave "
                 "an unknown value out.", exit=1),
    "PX204": Msg("nguồn '{source}' không phải một khoá trong 'sources' ({known}), một URL hay 'seeds/<tệp> §mục'.",
                 "source '{source}' is neither a key of 'sources' ({known}), a URL nor 'seeds/<file> §section'.",
                 exit=1),
    "PX205": Msg("hạng {rank} của {unit} đã thuộc về {other}; mỗi hạng chỉ một đơn vị.",
                 "rank {rank} of {unit} already belongs to {other}; a rank is held by one unit.", exit=1),
    "PX206": Msg("{unit} hạng {rank} có {total} điểm, cao hơn {other} hạng {other_rank} ({other_total} điểm); "
                 "hạng và điểm mâu thuẫn.",
                 "{unit} ranked {rank} has {total} points, more than {other} ranked {other_rank} "
                 "({other_total}); ranks and totals disagree.", exit=1),
    "PX207": Msg("đơn vị '{unit}' trùng tên với '{other}' (so không dấu, không phân biệt hoa thường và tiền tố).",
                 "unit '{unit}' has the same name as '{other}' (compared without diacritics, case or prefixes).",
                 exit=1),
    "PX208": Msg("{what}: giá trị {value} vượt quá mức tối đa {max}.", "{what}: value {value} exceeds the maximum "
                 "{max}.", exit=1),
    "PX209": Msg("{kind} '{ref}' không được khai báo ở đầu tệp ({known}).",
                 "{kind} '{ref}' is not declared at the top of the file ({known}).", exit=1),
    "PX210": Msg("điểm tối đa các thành phần cộng lại được {total} nhưng 'max' là {max}.",
                 "component maxima sum to {total} but 'max' is {max}.", exit=1),
    "PX211": Msg("giá trị suy ra (derived) phải ghi phép tính trong 'note'.",
                 "a derived value must show its arithmetic in 'note'.", exit=1),
    "PX212": Msg("số đơn vị theo nhóm không khớp: {sum} so với {units}.",
                 "group counts do not add up: {sum} against {units}.", exit=1),
    "PX213": Msg("'{unit}' cũng ghi home: true; chỉ một đơn vị được là đơn vị mặc định.",
                 "'{unit}' also says home: true; only one unit may be the default.", exit=1),
    "PX214": Msg("{unit}: có 'rounding' nhưng các thành phần đã cộng đúng tổng; bỏ 'rounding'.",
                 "{unit}: 'rounding' is declared but the parts add up exactly; remove it.", exit=1),
}

# --- errors of `parindex gap` ------------------------------------------------------------------------------
MESSAGES.update({
    "PG401": Msg("không có đơn vị '{query}' trong {context}; tên gần nhất: {closest}.",
                 "no unit '{query}' in {context}; closest names: {closest}.", exit=2),
    "PG402": Msg("'{query}' khớp nhiều đơn vị trong {context}: {names}; ghi rõ tên hơn.",
                 "'{query}' matches several units in {context}: {names}; give a fuller name.", exit=2),
    "PG421": Msg("gap so sánh một tỉnh với kết quả Chỉ số CCHC các tỉnh do Bộ Nội vụ công bố, nên không có kết quả "
                 "chính thức nào cho sổ cấp {level}. Để so các đơn vị cấp {level} của tỉnh với năm trước, dùng "
                 "'parindex score THƯ_MỤC --previous KẾT_QUẢ_NĂM_TRƯỚC.json' (hoặc bảng xếp hạng đã công bố, "
                 ".xlsx/.csv).",
                 "gap compares a province with the PAR Index results the Ministry of Home Affairs publishes for the "
                 "provinces, so there are no official results for a {level} workbook. To compare the province's "
                 "{level} units with last year, use 'parindex score FOLDER --previous LAST_YEAR.json' (or the "
                 "ranking as published, .xlsx/.csv).", exit=2),
    "PG403": Msg("không có tệp kết quả chính thức năm {year} (cấp {level}); có các năm: {years}. {decision}",
                 "no official results for {year} ({level} level); years available: {years}. {decision}", exit=2),
    "PG404": Msg("'{query}' từ {date} là tỉnh mới hợp nhất từ {members}; kết quả năm {year} ghi riêng từng tỉnh cũ "
                 "(có số liệu: {known}). Dùng --unit với tên tỉnh cũ.",
                 "'{query}' is, from {date}, the province merged from {members}; the {year} results list the former "
                 "provinces separately (with data: {known}). Use --unit with a former province's name.", exit=2),
    "PG405": Msg("kết quả năm {year} không có điểm thành phần {component} của {unit}; để dự báo, chỉ định: "
                 "{options}.",
                 "the {year} results hold no {component} score for {unit}; to project, pass: {options}.",
                 exit=2),
    "PG406": Msg("{option} = {value} nằm ngoài khoảng [0, {max}].", "{option} = {value} is outside [0, {max}].",
                 exit=2),
    "PG407": Msg("kết quả năm {year} không có đơn vị mặc định (home: true); chỉ định --unit.",
                 "the {year} results name no default unit (home: true); pass --unit.", exit=2),
    "PG408": Msg("kết quả năm {year} chưa có tổng điểm của {unit}; không tính được khoảng cách.",
                 "the {year} results hold no total for {unit}; the gap cannot be measured.", exit=2),
    "PG409": Msg("--baseline so sánh từng tiêu chí với lần chấm trước, nên cần TỆP (sổ hoặc kết quả JSON) hiện tại.",
                 "--baseline compares item by item with an earlier scoring, so it needs the current FILE "
                 "(workbook or JSON result).", exit=2),
    "PG410": Msg("tệp kết quả chính thức {path} chưa hợp lệ ({count} vấn đề); chạy 'parindex validate {path}'.",
                 "baseline file {path} is not valid ({count} problems); run 'parindex validate {path}'.", exit=1),
    "PG411": Msg("không xác định được điểm của hạng {rank}: {reason}.",
                 "the score of rank {rank} cannot be told: {reason}.", exit=2),
    "ui.gap.rank_range": Msg("hạng phải từ 1 đến {units}", "a rank is 1 to {units}"),
    "ui.gap.rank_unpublished": Msg("không có điểm nào được công bố ở hạng này hay cao hơn (1–{units})",
                                   "no score is published at this rank or above it (1–{units})"),
    "PG412": Msg("bộ tiêu chí {criteria} không có thành phần '{component}' (có: {known}).",
                 "criteria set {criteria} has no component '{component}' (it has: {known}).", exit=2),
    "PG413": Msg("tệp có nhiều đơn vị ({names}); chọn một bằng --unit.",
                 "the file holds several units ({names}); choose one with --unit.", exit=2),
    "PG414": Msg("không phải kết quả 'parindex score --format json': {field}: {problem}.",
                 "not a 'parindex score --format json' result: {field}: {problem}.", exit=2),
    "PG417": Msg("{option} '{value}': {problem}", "{option} '{value}': {problem}", exit=2),
    "PG418": Msg("--chart và -o cùng chỉ tới {path}; đặt tên khác cho biểu đồ (.png).",
                 "--chart and -o both name {path}; give the chart (.png) another name.", exit=2),
    "PG420": Msg("--assume chỉ dành cho thành phần đo lường (role: measured; ở đây: {measured}); điểm của {component} "
                 "lấy từ sổ tự chấm.",
                 "--assume is for measured components (role: measured; here: {measured}); the points of {component} "
                 "come from the self-assessment.", exit=2),
})

# --- labels of the gap report --------------------------------------------------------------------------------
MESSAGES.update({
    "help.gap": Msg(
        "So sánh với kết quả chính thức một năm: vị trí, điểm bị mất, lĩnh vực, mốc xếp hạng; với TỆP (sổ .xlsx "
        "hoặc kết quả JSON của 'score'): điểm tự chấm, dự báo, điểm có thể khôi phục theo cơ quan chủ trì.",
        "Compare with a year's official results: position, points lost, areas, rank thresholds; with FILE (an "
        ".xlsx workbook or a 'score' JSON result): self-assessed score, projection, recoverable points by lead "
        "agency."),
    "help.gap.file": Msg("Sổ tài liệu kiểm chứng (.xlsx) hoặc kết quả 'parindex score --format json'.",
                         "Evidence workbook (.xlsx) or a 'parindex score --format json' result."),
    "help.gap.year": Msg("Năm của kết quả chính thức để so sánh.", "Year of the official results to compare with."),
    "help.gap.unit": Msg("Đơn vị (mặc định: đơn vị trong TỆP, hoặc đơn vị ghi home: true trong kết quả — Bắc Giang "
                         "với các tệp có sẵn). Không phân biệt dấu, hoa thường, tiền tố 'UBND tỉnh'.",
                         "Unit (default: the unit in FILE, or the baseline's home: true unit — Bắc Giang in the "
                         "bundled files). Diacritics, case and prefixes like 'UBND tỉnh' are ignored."),
    "help.gap.official": Msg("Tệp kết quả chính thức (YAML) thay cho tệp có sẵn.",
                             "Official results file (YAML) instead of the bundled one."),
    "help.gap.assume": Msg("Điểm giả định của một thành phần đo lường cho dự báo, dạng MÃ=ĐIỂM (sipas=9,5); lặp "
                           "lại cho từng thành phần (mặc định: điểm năm so sánh).",
                           "Points assumed for a measured component in the projection, as ID=POINTS (sipas=9.5); "
                           "repeat it for each component (default: the baseline year's)."),
    "help.gap.assume_sipas": Msg("Như --assume sipas=ĐIỂM.", "The same as --assume sipas=POINTS."),
    "help.gap.assume_survey": Msg("Như --assume survey=ĐIỂM.", "The same as --assume survey=POINTS."),
    "ui.gap.assume_form": Msg("cần dạng MÃ=ĐIỂM, ví dụ sipas=9,5", "expected ID=POINTS, e.g. sipas=9.5"),
    "ui.gap.assume_twice": Msg("điểm của {component} đã được giả định ({first})",
                               "{component} is already assumed ({first})"),
    "help.gap.target_rank": Msg("Hạng mục tiêu: số điểm cần thêm và danh sách ngắn nhất tiêu chí cần khắc phục.",
                                "Target rank: points needed and the shortest list of items to recover."),
    "help.gap.baseline": Msg("Kết quả tự chấm năm trước (JSON của 'score') để so sánh từng tiêu chí.",
                             "An earlier year's own scoring ('score' JSON) to compare item by item."),
    "help.gap.chart": Msg("Vẽ biểu đồ PNG mức đạt theo lĩnh vực.", "Draw a PNG chart of attainment by area."),
    "help.gap.format": Msg("table, json, md (dự thảo kế hoạch khắc phục), xlsx hoặc docx (kế hoạch dạng Word).",
                           "table, json, md (draft improvement plan), xlsx or docx (the plan as a Word document)."),

    "ui.gap.title": Msg("{unit} — Chỉ số CCHC năm {year}", "{unit} — PAR Index {year}"),
    "ui.gap.headline": Msg("Tổng điểm {total}/{max} · thứ {rank}/{units}", "Total {total}/{max} · rank {rank}/{units}"),
    "ui.gap.official": Msg("Kết quả chính thức năm {year}", "Official results {year}"),
    "ui.gap.component": Msg("Thành phần", "Component"),
    "ui.gap.score": Msg("Điểm", "Points"),
    "ui.gap.max": Msg("Tối đa", "Max"),
    "ui.gap.lost": Msg("Điểm bị mất", "Points lost"),
    "ui.gap.rank": Msg("Hạng", "Rank"),
    "ui.gap.status": Msg("Trạng thái", "Status"),
    "ui.gap.total": Msg("Tổng", "Total"),
    "ui.gap.thresholds": Msg("Khoảng cách tới các mốc năm {year}", "Distance to the {year} thresholds"),
    "ui.gap.mark": Msg("Mốc", "Threshold"),
    "ui.gap.holder": Msg("Đơn vị", "Unit"),
    "ui.gap.distance": Msg("Khoảng cách", "Distance"),
    "ui.gap.first": Msg("Hạng 1", "First place"),
    "ui.gap.top": Msg("Nhóm {n} dẫn đầu", "Top {n}"),
    "ui.gap.average": Msg("Trung bình cả nước", "National average"),
    "ui.gap.grade": Msg("Loại {id} (từ {at_least} điểm)", "Grade {id} (from {at_least} points)"),
    "ui.gap.short": Msg("thiếu {n}", "{n} short"),
    "ui.gap.ahead": Msg("vượt {n}", "{n} ahead"),
    "ui.gap.level": Msg("bằng", "level"),
    "ui.gap.not_exact": Msg("hạng {rank} chưa công bố điểm; dùng điểm đã biết gần nhất phía trên (đủ để đạt)",
                            "rank {rank}'s score is unpublished; the nearest known score above it is used "
                            "(enough to reach it)"),
    "ui.gap.areas": Msg("Lĩnh vực, xếp hạng kém nhất trước", "Reform areas, worst rank first"),
    "ui.gap.set_changed": Msg("Sổ tự chấm theo bộ tiêu chí {workbook}, còn năm {year} chấm theo bộ {year_set}: hai bộ "
                              "khác nhau, điểm không so sánh trực tiếp được. Thành phần so theo mã: {components}. "
                              "Lĩnh vực tương ứng (cùng tên, hoặc theo was:; mã sổ → mã năm gốc): {areas}. "
                              "Không so sánh được: {apart}.",
                              "The workbook was scored with set {workbook}, the year {year} with set "
                              "{year_set}: the sets differ and the points do not compare directly. Components "
                              "compared by id: {components}. Matching areas (the same name, or as "
                              "was: says; workbook code → year code): {areas}. Not comparable: {apart}."),
    "ui.gap.apart_components": Msg("thành phần {ids} (chỉ có ở một bộ)", "component {ids} (in one set only)"),
    "ui.gap.apart_areas": Msg("lĩnh vực của bộ {set}: {areas}", "areas of set {set}: {areas}"),
    "ui.gap.apart_list": Msg("{parts}", "{parts}"),
    "ui.gap.apart_list_was": Msg("{parts} (một lĩnh vực đổi tên hay đổi số được so sánh khi bộ tiêu chí ghi nó "
                                 "từng là gì: was: [{{years: [2020], code: \"7\", name: …}}])",
                                 "{parts} (a renamed or renumbered area is compared when the criteria set says what "
                                 "it was: was: [{{years: [2020], code: \"7\", name: …}}])"),
    "ui.gap.areas_plain": Msg("Lĩnh vực", "Reform areas"),
    "ui.gap.area": Msg("Lĩnh vực", "Area"),
    "ui.gap.rank_year": Msg("Hạng {year}", "Rank {year}"),
    "ui.gap.change": Msg("Thay đổi", "Change"),
    "ui.gap.up": Msg("tăng {n} bậc", "up {n}"),
    "ui.gap.down": Msg("giảm {n} bậc", "down {n}"),
    "ui.gap.same": Msg("giữ nguyên", "unchanged"),
    "ui.gap.lead": Msg("Cơ quan chủ trì", "Lead agency"),
    "ui.gap.shortfalls": Msg("Nội dung cần khắc phục", "To remedy"),
    "ui.gap.no_rank": Msg("chưa công bố", "not published"),
    "ui.gap.previous": Msg("So với năm {year}: {total_change} điểm ({before} → {after}), {rank_change} "
                           "(thứ {rank_before} → thứ {rank_after}).",
                           "Against {year}: {total_change} points ({before} → {after}), {rank_change} "
                           "(rank {rank_before} → {rank_after})."),
    "ui.gap.previous_rank": Msg("So với năm {year}: {rank_change} (thứ {rank_before} → thứ {rank_after}); điểm năm "
                                "nay chưa công bố.",
                                "Against {year}: {rank_change} (rank {rank_before} → {rank_after}); this year's score "
                                "is unpublished."),
    "ui.gap.prev_criteria": Msg("Năm {before_year} chấm theo bộ {before}, năm {year} theo bộ {after}: lĩnh vực và "
                                "trọng số không so sánh trực tiếp được.",
                                "{before_year} was scored with set {before}, {year} with {after}: areas and weights "
                                "are not directly comparable."),
    "ui.gap.now_col": Msg("Tự chấm", "Self-assessed"),
    "ui.gap.entered_col": Msg("Tự chấm (đã nhập)", "Self-assessed (entered)"),
    "ui.gap.year_col": Msg("Năm {year}", "{year}"),
    "ui.gap.delta": Msg("Chênh lệch", "Difference"),
    "ui.gap.projection": Msg("Dự báo Chỉ số (giả định, không phải kết quả chính thức)",
                             "Projected index (an assumption, not an official result)"),
    "ui.gap.from_self": Msg("tự chấm", "self-assessed"),
    "ui.gap.assumed_base": Msg("GIẢ ĐỊNH = năm {year}", "ASSUMED = {year}"),
    "ui.gap.assumed_given": Msg("GIẢ ĐỊNH ({option})", "ASSUMED ({option})"),
    "ui.gap.projected_total": Msg("Chỉ số dự báo", "Projected index"),
    "ui.gap.projected_rank": Msg("Nếu các tỉnh khác giữ điểm năm {year}: thứ {best}/{units}",
                                 "If the other provinces kept their {year} scores: rank {best}/{units}"),
    "ui.gap.projected_range": Msg("Nếu các tỉnh khác giữ điểm năm {year}: khoảng thứ {best}–{worst}/{units} "
                                  "(nhiều tỉnh chưa công bố điểm)",
                                  "If the other provinces kept their {year} scores: rank {best}–{worst}/{units} "
                                  "(many scores are unpublished)"),
    "ui.gap.percent": Msg("% đạt", "% attained"),
    "ui.gap.recoverable": Msg("Điểm có thể khôi phục (tiêu chí đã nhập chưa đạt tối đa, mất nhiều nhất trước)",
                              "Recoverable points (entered items below their maximum, biggest loss first)"),
    "ui.gap.more_items": Msg("… và {n} tiêu chí khác (xem --format json hoặc xlsx)",
                             "… and {n} more items (see --format json or xlsx)"),
    "ui.gap.code": Msg("Mã", "Code"),
    "ui.gap.item": Msg("Tiêu chí thành phần", "Sub-criterion"),
    "ui.gap.recoverable_points": Msg("Điểm có thể khôi phục", "Recoverable points"),
    "ui.gap.by_lead": Msg("Điểm có thể khôi phục theo cơ quan chủ trì", "Recoverable points by lead agency"),
    "ui.gap.items": Msg("Số tiêu chí", "Items"),
    "ui.gap.no_lead": Msg("(chưa rõ cơ quan chủ trì)", "(lead agency unknown)"),
    "ui.gap.target": Msg("Mục tiêu hạng {rank}", "Target: rank {rank}"),
    "ui.gap.target_line": Msg("Hạng {rank} năm {year}{holder}: {score} điểm. Từ {start} cần thêm {needed} điểm.",
                              "Rank {rank} in {year}{holder}: {score} points. From {start}, {needed} more points "
                              "are needed."),
    "ui.gap.target_done": Msg("Hạng {rank} năm {year}{holder}: {score} điểm. Đã đạt ({start}).",
                              "Rank {rank} in {year}{holder}: {score} points. Already reached ({start})."),
    "ui.gap.target_pick": Msg("Danh sách ngắn nhất: {n} tiêu chí, khôi phục {sum} điểm.",
                              "Shortest list: {n} items, recovering {sum} points."),
    "ui.gap.target_short": Msg("Khôi phục mọi tiêu chí tự chấm được cũng chỉ thêm {sum} điểm, chưa đủ {needed}; "
                               "phần còn lại phụ thuộc SIPAS và điều tra XHH.",
                               "Recovering every self-scored item adds only {sum} points, short of {needed}; the "
                               "rest depends on SIPAS and the survey."),
    "ui.gap.comparison": Msg("So sánh từng tiêu chí với lần chấm trước ({year}, {criteria})",
                             "Item by item against the earlier scoring ({year}, {criteria})"),
    "ui.gap.cmp_summary": Msg("{same} tiêu chí giữ nguyên điểm tối đa ({changed} thay đổi điểm), {max_changed} đổi "
                              "điểm tối đa, {added} tiêu chí mới, {removed} tiêu chí bỏ. Tổng: {before} → {after}.",
                              "{same} items kept their maximum ({changed} changed points), {max_changed} changed "
                              "maximum, {added} new, {removed} removed. Total: {before} → {after}."),
    "ui.gap.before": Msg("Trước", "Before"),
    "ui.gap.after": Msg("Nay", "Now"),
    "ui.gap.max_before": Msg("Tối đa trước", "Max before"),
    "ui.gap.max_after": Msg("Tối đa nay", "Max now"),
    "ui.gap.kind": Msg("Loại", "Kind"),
    "ui.gap.kind_changed": Msg("đổi điểm", "points changed"),
    "ui.gap.kind_max": Msg("đổi điểm tối đa", "maximum changed"),
    "ui.gap.kind_added": Msg("tiêu chí mới", "new item"),
    "ui.gap.kind_removed": Msg("tiêu chí bỏ", "removed item"),
    "ui.gap.notes": Msg("Ghi chú", "Notes"),
    "ui.gap.legend": Msg("Trạng thái số liệu: xác nhận = có nguyên văn trong nguồn công khai; suy ra = tính từ số "
                         "liệu đã xác nhận; văn bản tỉnh = theo văn bản của tỉnh, chưa đối chiếu độc lập.",
                         "Value status: confirmed = verbatim in a public source; derived = computed from confirmed "
                         "numbers; seed = from the province's own document, not independently confirmed."),
    "ui.gap.merger": Msg("Từ {date}, {members} hợp nhất thành tỉnh {into}; số liệu năm {year} là của tỉnh {unit} cũ.",
                         "From {date}, {members} were merged into {into} province; the {year} figures are the former "
                         "{unit}'s."),
    "ui.gap.merger_crossed": Msg("So sánh qua thời điểm hợp nhất: từ {date}, {members} là tỉnh {into}; số liệu năm "
                                 "{other_year} không cùng đơn vị với số liệu năm {year} của tỉnh {unit} cũ.",
                                 "This comparison crosses a merger: from {date}, {members} form {into} province; the "
                                 "{other_year} figures are not the same unit as the former {unit}'s {year} figures."),
    "ui.gap.compares": Msg("So sánh: {unit} (cấp {level}) với kết quả chính thức năm {year}.{source}",
                           "Compared: {unit} ({level} level) with the official results of {year}.{source}"),
    "ui.gap.compares_file": Msg(" Tự đánh giá hiện tại: {file}.", " Current self-assessment: {file}."),
    "ui.level.province": Msg("tỉnh", "province"),
    "ui.level.department": Msg("sở, ban, ngành", "department"),
    "ui.level.district": Msg("huyện", "district"),
    "ui.level.commune": Msg("xã", "commune"),
    "ui.gap.unit_override": Msg("Tệp ghi đơn vị '{file_unit}' nhưng --unit là '{unit}': so sánh theo --unit.",
                                "The file names unit '{file_unit}' but --unit says '{unit}': compared as --unit."),
    "ui.gap.as_written": Msg("{text}", "{text}"),  # a message as a score result file wrote it
    "ui.gap.matched": Msg("'{query}' được hiểu là {unit}.", "'{query}' was read as {unit}."),
    "ui.gap.input_errors": Msg("Tệp đầu vào có {n} lỗi; điểm tự chấm chưa tin cậy được.",
                               "The input has {n} errors; the self-assessed score is not reliable yet."),
    "ui.gap.input_error_list": Msg("Lỗi trong tệp đầu vào ({n})", "Errors in the input ({n})"),
    "ui.gap.assume_unused": Msg("--assume chỉ dùng khi có TỆP tự chấm; đã bỏ qua.",
                                "--assume applies only with a self-assessment FILE; ignored."),
    "ui.gap.estimate_ignored": Msg("Sổ có ước tính {component} = {score}; dự báo không dùng ước tính này.",
                                   "The workbook estimates {component} = {score}; the projection does not use it."),
    "ui.gap.no_previous": Msg("Không có kết quả năm {year} để so sánh với năm trước.",
                              "No {year} results to compare the year before with."),
    "ui.gap.previous_unmatched": Msg("Kết quả năm {year} không có số liệu của {unit}.",
                                     "The {year} results hold nothing for {unit}."),
    "ui.gap.criteria_missing": Msg("Bộ tiêu chí {id} không có sẵn: tên lĩnh vực và cơ quan chủ trì lấy từ tệp kết quả.",
                                   "Criteria set {id} is not available: area names and leads come from the results "
                                   "file."),
    "ui.gap.criteria_other": Msg("Đọc tên và cơ quan chủ trì theo bộ {set_id} ({set_fp}) nhưng kết quả chấm theo "
                                 "{id} ({fp}).",
                                 "Names and leads are read from set {set_id} ({set_fp}) but the result was scored "
                                 "with {id} ({fp})."),
    "ui.gap.cmp_criteria": Msg("Hai lần chấm dùng bộ tiêu chí khác nhau ({before} → {after}): tiêu chí được ghép "
                               "theo mã.",
                               "The two scorings use different criteria sets ({before} → {after}): items are matched "
                               "by code."),
    "ui.gap.cmp_unit": Msg("Hai lần chấm ghi đơn vị khác nhau: {before} → {after}.",
                           "The two scorings name different units: {before} → {after}."),
    "ui.gap.rounding": Msg("{unit}: nguồn làm tròn từng cột nên các thành phần lệch tổng {tolerance}.",
                           "{unit}: the source rounds each column, so the parts miss the total by {tolerance}."),
    "ui.gap.chart_title": Msg("{unit}: mức đạt theo lĩnh vực", "{unit}: attainment by area"),
    "ui.gap.chart_ranks": Msg("{unit}: thứ hạng lĩnh vực (1 = dẫn đầu)", "{unit}: area ranks (1 = best)"),
    "ui.gap.chart_now": Msg("Tự chấm hiện tại", "Self-assessed now"),
    "ui.gap.chart_axis": Msg("% điểm tối đa của lĩnh vực", "% of the area's maximum"),
    "ui.gap.chart_entered": Msg("{share}%\nphần đã nhập đạt {entered}% · {n} chưa nhập",
                                "{share}%\nthe items entered {entered}% · {n} not entered"),
    "ui.gap.chart_blank_legend": Msg("chưa nhập", "not entered"),
    "ui.gap.chart_blank": Msg("· {n} chưa nhập", "· {n} not entered"),
    "ui.gap.chart_none_entered": Msg("chưa nhập cả {n} tiêu chí", "none of its {n} items entered"),
    "ui.gap.chart_rank_axis": Msg("Hạng trên {units}", "Rank of {units}"),
    "ui.gap.chart_rank_label": Msg("thứ {rank}", "rank {rank}"),
    "ui.gap.sheet_summary": Msg("Tổng quan", "Summary"),
    "ui.gap.sheet_areas": Msg("Lĩnh vực", "Areas"),
    "ui.gap.sheet_items": Msg("Điểm có thể khôi phục", "Recoverable"),
    "ui.gap.sheet_leads": Msg("Theo cơ quan", "By lead agency"),
    "ui.gap.sheet_compare": Msg("So sánh", "Comparison"),
    "ui.gap.source": Msg("Nguồn", "Source"),
    "ui.gap.value": Msg("Giá trị", "Value"),
    "ui.gap.what": Msg("Nội dung", "Item"),
    "ui.gap.unit": Msg("Đơn vị", "Unit"),
    "ui.gap.year": Msg("Năm", "Year"),
    "ui.gap.criteria": Msg("Bộ tiêu chí", "Criteria set"),
    # a baseline value's status, in the reader's words (the legend explains them)
    "ui.gap.value_confirmed": Msg("xác nhận", "confirmed"),
    "ui.gap.value_derived": Msg("suy ra", "derived"),
    "ui.gap.value_seed": Msg("văn bản tỉnh", "seed"),
    "ui.gap.criteria_official": Msg("chính thức", "official"),
    "ui.gap.criteria_reconstructed": Msg("dựng lại", "reconstructed"),
    "ui.gap.range_low": Msg("Mức thấp: tiêu chí chưa nhập tính 0 điểm", "Low: items not entered at 0"),
    "ui.gap.range_none": Msg("Mọi tiêu chí đã nhập: dự báo là một con số", "Every item entered: one figure"),
    "ui.gap.range_high": Msg("Mức cao: {what}", "High: {what}"),
    "ui.gap.fill_area": Msg("tiêu chí chưa nhập đạt như lĩnh vực của nó năm {year}",
                            "items not entered at their area's attainment in {year}"),
    "ui.gap.fill_component": Msg("tiêu chí chưa nhập đạt tỷ lệ điểm thẩm định năm {year}, vì năm đó chưa có số liệu "
                                 "theo lĩnh vực",
                                 "items not entered at the appraised component's attainment in {year}, which has no "
                                 "area figures"),
    "ui.gap.fill_mixed": Msg("tiêu chí chưa nhập đạt như lĩnh vực (hoặc thành phần) của nó năm {year}",
                             "items not entered at their area's (or component's) attainment in {year}"),
    "ui.gap.fill_none": Msg("năm {year} không có số liệu để ước lượng, tiêu chí chưa nhập tính 0 điểm",
                            "nothing in {year} to go by, items not entered at 0"),
    "ui.gap.completeness": Msg("Tiêu chí tự chấm: {entered}/{items} đã nhập, {not_entered} chưa nhập (chưa nhập không "
                               "tính là điểm bị mất)",
                               "Self-scored items: {entered}/{items} entered, {not_entered} not entered (not entered "
                               "is not counted as lost)"),
    "ui.gap.range_line": Msg("Khoảng dự báo: từ {low} (tiêu chí chưa nhập tính 0 điểm) đến {high} ({label}).",
                             "Projected range: from {low} (items not entered at 0) to {high} ({label})."),
    "ui.gap.range_rank": Msg("Mức cao, nếu các tỉnh khác giữ điểm năm {year}: {rank}",
                             "High end, if the other provinces kept their {year} scores: {rank}"),
    "ui.gap.projected_low": Msg("Chỉ số dự báo, mức thấp", "Projected index, low"),
    "ui.gap.projected_high": Msg("Chỉ số dự báo, mức cao", "Projected index, high"),
    "ui.gap.not_entered": Msg("Tiêu chí chưa nhập kết quả, theo cơ quan chủ trì",
                              "Items not entered yet, by lead agency"),
    "ui.gap.max_points": Msg("Điểm tối đa", "Maximum points"),
    "ui.gap.max_lost": Msg("tối đa {max} · bị mất {lost}", "max {max} · lost {lost}"),
    "ui.gap.completeness_label": Msg("Tiêu chí đã nhập", "Items entered"),
    "ui.gap.projection_short": Msg("dự báo", "projection"),
    "ui.gap.sheet_blank": Msg("Chưa nhập", "Not entered"),
    "ui.gap.no_area_figures": Msg("Năm {year} chưa công bố số liệu theo lĩnh vực (thứ hạng, điểm) và chưa có bộ tiêu "
                                  "chí nêu các lĩnh vực.",
                                  "The {year} results publish no area figures (ranks, scores) and no criteria set "
                                  "names the areas."),
    "ui.gap.areas_unpublished": Msg("Kết quả năm {year} không có thứ hạng, điểm theo lĩnh vực của {unit}; dưới đây là "
                                    "các lĩnh vực của bộ tiêu chí, để giao việc.",
                                    "The {year} results hold no area ranks or scores for {unit}; below are the areas "
                                    "of the criteria set, to assign the work."),
    "ui.gap.chart_no_ranks": Msg("Kết quả năm {year} không có thứ hạng theo lĩnh vực của {unit}, nên chưa có cột để "
                                 "vẽ. Các lĩnh vực năm {year}:",
                                 "The {year} results hold no area ranks for {unit}, so there are no bars to draw. "
                                 "The areas of {year}:"),
})

# --- the draft improvement plan (structure of the province's own plan) -------------------------------------
MESSAGES.update({
    "plan.draft": Msg("DỰ THẢO do parindex lập từ số liệu ngày {date}; cán bộ rà soát, bổ sung trước khi trình ký.",
                      "DRAFT made by parindex from data on {date}; to be reviewed and completed before signature."),
    "plan.province": Msg("tỉnh {name}", "{name} province"),
    "plan.city": Msg("thành phố {name}", "{name} city"),
    "plan.kind": Msg("KẾ HOẠCH", "PLAN"),
    "plan.title": Msg("Cải thiện, nâng cao Chỉ số cải cách hành chính (PAR Index) {unit} năm {year}",
                      "Improving the Public Administration Reform Index (PAR Index) of {unit} in {year}"),
    "plan.result": Msg("Kết quả Chỉ số CCHC năm {year} của {unit} đạt {total}/{max}{parts}, đứng thứ {rank}/{units} "
                       "tỉnh, thành phố.",
                       "In {year} the PAR Index of {unit} was {total}/{max}{parts}, ranked {rank} of {units}."),
    "plan.parts": Msg(" (trong đó, {parts})", " (of which {parts})"),
    "plan.part": Msg("{name} là {score}/{max}", "{name} {score}/{max}"),
    "plan.previous": Msg("So với năm {year}, thứ hạng {rank_change}; điểm số {total_change} (năm {year} đạt "
                         "{before} điểm).",
                         "Against {year}: rank {rank_change}; score {total_change} ({before} in {year})."),
    "plan.previous_rank": Msg("So với năm {year}, thứ hạng {rank_change}.", "Against {year}: rank {rank_change}."),
    "plan.up_places": Msg("tăng {n} bậc", "up {n} places"),
    "plan.down_places": Msg("giảm {n} bậc", "down {n} places"),
    "plan.same_place": Msg("giữ nguyên", "unchanged"),
    "plan.up_points": Msg("tăng {n} điểm", "up {n} points"),
    "plan.down_points": Msg("giảm {n} điểm", "down {n} points"),
    "plan.same_points": Msg("giữ nguyên", "unchanged"),
    "plan.distance": Msg("Để vào nhóm {n} tỉnh, thành phố dẫn đầu (năm {year}: {score} điểm), còn thiếu {needed} "
                         "điểm.",
                         "To enter the top {n} ({score} points in {year}), {needed} points are missing."),
    "plan.self_now": Msg("Điểm tự đánh giá hiện tại (sổ {source}, bộ tiêu chí {criteria}): thành phần thẩm định "
                         "{score}/{max}; Chỉ số dự báo {projected} (GIẢ ĐỊNH {assumptions}).",
                         "Current self-assessment ({source}, criteria set {criteria}): appraised component "
                         "{score}/{max}; projected index {projected} (ASSUMING {assumptions})."),
    "plan.assumption": Msg("{name} {value} như năm {year}", "{name} {value} as in {year}"),
    "plan.assumption_given": Msg("{name} {value}", "{name} {value}"),
    "plan.s1": Msg("MỤC ĐÍCH, YÊU CẦU", "PURPOSE AND REQUIREMENTS"),
    "plan.s1_purpose": Msg("1. Mục đích", "1. Purpose"),
    "plan.s1_p1": Msg("Cải thiện, khắc phục những tồn tại, hạn chế trong thực hiện các nội dung của Chỉ số CCHC năm "
                      "{year} theo công bố của Bộ Nội vụ.",
                      "Remedy the shortcomings in the content of the {year} PAR Index as published by the Ministry "
                      "of Home Affairs."),
    "plan.s1_p2": Msg("Tiếp tục duy trì và nâng cao những nội dung đã đạt kết quả tốt; phấn đấu Chỉ số CCHC năm "
                      "{next} trong nhóm {target} tỉnh, thành phố dẫn đầu cả nước.",
                      "Keep and raise what scored well; aim for the {next} PAR Index in the top {target} "
                      "nationally."),
    "plan.s1_requirements": Msg("2. Yêu cầu", "2. Requirements"),
    "plan.s1_r1": Msg("Các cơ quan chủ trì các nội dung lĩnh vực được phân công đánh giá đúng thực trạng, kết quả "
                      "thực hiện các nội dung liên quan đến việc xác định Chỉ số CCHC.",
                      "The lead agencies of each area assess the real state and results of the content the index "
                      "measures."),
    "plan.s1_r2": Msg("Có biện pháp khắc phục và tổ chức triển khai có hiệu quả để nâng cao Chỉ số CCHC năm {next}.",
                      "Take remedial measures and carry them out to raise the {next} PAR Index."),
    "plan.s2": Msg("NỘI DUNG KHẮC PHỤC, TRÁCH NHIỆM VÀ MỤC TIÊU THEO TỪNG LĨNH VỰC",
                   "WHAT TO REMEDY, RESPONSIBILITY AND TARGET BY AREA"),
    "plan.area": Msg("{n}. Lĩnh vực {name} ({rank})", "{n}. Area: {name} ({rank})"),
    "plan.area_rank": Msg("xếp thứ {rank}/{units} tỉnh, thành phố", "ranked {rank} of {units}"),
    "plan.area_rank_change": Msg("xếp thứ {rank}/{units} tỉnh, thành phố; năm {year}: thứ {before}",
                                 "ranked {rank} of {units}; {year}: {before}"),
    "plan.area_no_rank": Msg("chưa có thứ hạng công bố", "no published rank"),
    "plan.a": Msg("a) Nội dung cần khắc phục", "a) What to remedy"),
    "plan.b": Msg("b) Trách nhiệm thực hiện", "b) Responsibility"),
    "plan.c": Msg("c) Mục tiêu", "c) Target"),
    "plan.item_lost": Msg("Tiêu chí {code}: tự chấm {score}/{max}, còn thiếu {lost} điểm{status}.",
                          "Item {code}: self-assessed {score}/{max}, {lost} points short{status}."),
    "plan.item_status": Msg(" ({status})", " ({status})"),
    "plan.status_missing": Msg("chưa nhập kết quả, tính 0 điểm", "no value entered, counted as 0"),
    "plan.status_invalid": Msg("kết quả không đọc được, tính 0 điểm", "the value cannot be read, counted as 0"),
    "plan.area_points": Msg("Tự chấm các tiêu chí đã nhập của lĩnh vực: {score}/{max} ({percent}%); có thể khôi phục "
                            "{lost} điểm ở {n} tiêu chí.",
                            "The area's entered items, self-assessed: {score}/{max} ({percent}%); {lost} points "
                            "recoverable in {n} items."),
    "plan.area_points_full": Msg("Tự chấm các tiêu chí đã nhập của lĩnh vực: {score}/{max} ({percent}%), đều đạt tối "
                                 "đa.",
                                 "The area's entered items, self-assessed: {score}/{max} ({percent}%), all at their "
                                 "maximum."),
    "plan.nothing": Msg("Chưa có nội dung cần khắc phục trong số liệu; cơ quan chủ trì rà soát, bổ sung.",
                        "The data names nothing to remedy; the lead agency reviews and completes this."),
    "plan.lead": Msg("Giao {lead} chủ trì, hướng dẫn, theo dõi, đôn đốc thực hiện; chịu trách nhiệm trước Chủ tịch "
                     "UBND tỉnh về cải thiện thứ hạng lĩnh vực này.",
                     "{lead} leads, guides, monitors and follows up, and answers to the Chair of the provincial "
                     "People's Committee for this area's rank."),
    "plan.lead_unknown": Msg("Cơ quan chủ trì: (chưa xác định — bổ sung).", "Lead agency: (not set — to complete)."),
    "plan.lead_items": Msg("{lead} khắc phục {n} nội dung{points}.", "{lead} remedies {n} points of concern{points}."),
    "plan.lead_points": Msg(", có thể khôi phục {lost} điểm", ", {lost} points recoverable"),
    "plan.goal_keep_first": Msg("Phấn đấu năm {next}, lĩnh vực {name} duy trì là tỉnh dẫn đầu cả nước.",
                                "In {next}, keep the area {name} first in the country."),
    "plan.goal_keep": Msg("Phấn đấu năm {next}, lĩnh vực {name} duy trì trong nhóm {n} tỉnh dẫn đầu cả nước.",
                          "In {next}, keep the area {name} in the top {n}."),
    "plan.goal_reach": Msg("Phấn đấu năm {next}, lĩnh vực {name} xếp trong nhóm {n} tỉnh dẫn đầu cả nước.",
                           "In {next}, bring the area {name} into the top {n}."),
    "plan.goal_none": Msg("Phấn đấu năm {next}, lĩnh vực {name} cải thiện điểm số (chưa có thứ hạng để đặt mục tiêu).",
                          "In {next}, raise the area {name}'s score (no rank to set a target against)."),
    "plan.s3": Msg("ĐIỂM CÓ THỂ KHÔI PHỤC THEO CƠ QUAN CHỦ TRÌ", "RECOVERABLE POINTS BY LEAD AGENCY"),
    "plan.s3_target": Msg("Để đạt hạng {rank} (năm {year}: {score} điểm) cần thêm {needed} điểm; danh sách ngắn nhất "
                          "gồm {n} tiêu chí:",
                          "Reaching rank {rank} ({score} points in {year}) needs {needed} more points; the shortest "
                          "list has {n} items:"),
    "plan.s3_target_done": Msg("Chỉ số dự báo đã đạt mốc hạng {rank} năm {year} ({score} điểm).",
                               "The projected index already reaches rank {rank}'s {year} score ({score} points)."),
    "plan.s3_no_items": Msg("Chưa có số liệu tự chấm: chạy 'parindex gap SỔ.xlsx --year {year} --format md' để lập "
                            "bảng điểm theo cơ quan chủ trì.",
                            "No self-assessment yet: run 'parindex gap WORKBOOK.xlsx --year {year} --format md' for "
                            "the table by lead agency."),
    "plan.s4": Msg("TỔ CHỨC THỰC HIỆN", "IMPLEMENTATION"),
    "plan.s4_1": Msg("Thủ trưởng các cơ quan, địa phương căn cứ chức năng, nhiệm vụ được giao tập trung triển khai "
                     "thực hiện tốt Kế hoạch này.",
                     "Heads of agencies and localities carry out this plan within their remit."),
    "plan.s4_2": Msg("Các cơ quan chủ trì ({leads}) tổng hợp tài liệu kiểm chứng kèm bảng tự chấm điểm Chỉ số CCHC, "
                     "gửi Sở Nội vụ để tổng hợp.",
                     "The lead agencies ({leads}) collect the evidence with the self-assessment table and send it "
                     "to the Department of Home Affairs."),
    "plan.s4_3": Msg("Giao Sở Nội vụ theo dõi, tổng hợp việc triển khai thực hiện Kế hoạch; hằng tháng báo cáo Chủ "
                     "tịch UBND tỉnh tình hình thực hiện đối với từng lĩnh vực.",
                     "The Department of Home Affairs follows the plan and reports monthly on each area."),
    "plan.source_line": Msg("Kết quả năm {year}: {source}; trạng thái số liệu: {statuses}.",
                            "{year} results: {source}; value status: {statuses}."),
    "plan.part_title": Msg("{roman}. {title}", "{roman}. {title}"),
    "plan.no_areas": Msg("Kết quả năm {year} chưa công bố số liệu theo lĩnh vực, và chưa có bộ tiêu chí nêu các lĩnh "
                         "vực; chưa lập được nội dung theo từng lĩnh vực.",
                         "The {year} results publish no figures by area and no criteria set names the areas; the "
                         "plan cannot be made area by area yet."),
    "plan.projected_one": Msg("{value} điểm", "{value} points"),
    "plan.projected_range": Msg("từ {low} đến {high} điểm", "between {low} and {high} points"),
    "plan.range": Msg("Sổ còn {n}/{items} tiêu chí thành phần tự chấm chưa nhập kết quả, nên Chỉ số dự báo là một "
                      "khoảng: mức thấp {low} điểm khi các tiêu chí này được 0 điểm; mức cao {high} điểm khi mỗi "
                      "tiêu chí này đạt {basis}. Các tiêu chí chưa nhập không tính là điểm bị mất (xem mục "
                      "riêng).",
                      "{n} of the {items} self-scored items have no value entered yet, so the projection is a "
                      "range: low {low} points with these items at 0; high {high} points with each of them at "
                      "{basis}. Items not entered are not counted as points lost (see their own section)."),
    "plan.range_unfilled": Msg("Riêng {n} tiêu chí chưa nhập không có số liệu năm {year} để ước lượng, nên ở cả hai "
                               "mức vẫn tính 0 điểm.",
                               "{n} of the items not entered have nothing in {year} to go by, so they stay at 0 in "
                               "both ends."),
    "plan.basis_area": Msg("tỷ lệ mà lĩnh vực của nó đạt năm {year}", "its area's attainment in {year}"),
    "plan.basis_component": Msg("tỷ lệ điểm thẩm định đạt năm {year} (năm {year} chưa công bố điểm theo lĩnh vực)",
                                "the appraised component's attainment in {year} (the {year} results publish no "
                                "area scores)"),
    "plan.basis_mixed": Msg("tỷ lệ lĩnh vực của nó đạt năm {year}, hoặc tỷ lệ của thành phần nơi lĩnh vực chưa có "
                            "số liệu", "its area's attainment in {year}, or its component's where the area has none"),
    "plan.basis_none": Msg("0 điểm (năm {year} không có số liệu để ước lượng)",
                           "0 points (the {year} results give nothing to go by)"),
    "plan.area_blank": Msg("Còn {n} tiêu chí thành phần chưa nhập kết quả (xem mục Nội dung chưa có số liệu).",
                           "{n} items have no value entered yet (see the section on items without data)."),
    "plan.s_blank": Msg("NỘI DUNG CHƯA CÓ SỐ LIỆU TỰ CHẤM", "ITEMS WITHOUT SELF-ASSESSMENT DATA YET"),
    "plan.s_blank_intro": Msg("Sổ tự chấm còn {n} tiêu chí thành phần chưa nhập kết quả. Đây là số liệu cần thu thập, "
                              "chưa phải điểm bị mất; các cơ quan chủ trì cung cấp kết quả và tài liệu kiểm chứng:",
                              "The workbook has {n} items without a value yet. These are data to collect, not points "
                              "lost; the lead agencies supply the results and the evidence:"),
    "plan.s_blank_lead": Msg("{lead}: {n} tiêu chí (tối đa {max} điểm)", "{lead}: {n} items (up to {max} points)"),
    "plan.item_blank": Msg("Tiêu chí {code} (tối đa {max} điểm)", "Item {code} (up to {max} points)"),
    "plan.s3_none": Msg("Mọi tiêu chí đã nhập đều đạt điểm tối đa.", "Every entered item is at its maximum."),
    "plan.s3_target_range": Msg("Để đạt hạng {rank} (năm {year}: {score} điểm), tính từ mức cao của Chỉ số dự báo "
                                "({start} điểm), cần thêm {needed} điểm; danh sách ngắn nhất trong các tiêu chí đã "
                                "nhập gồm {n} tiêu chí:",
                                "Reaching rank {rank} ({score} points in {year}) from the high end of the projection "
                                "({start} points) needs {needed} more points; the shortest list among the entered "
                                "items has {n} items:"),
    "plan.s4_2_none": Msg("Các cơ quan chủ trì tổng hợp tài liệu kiểm chứng kèm bảng tự chấm điểm Chỉ số CCHC, gửi "
                          "Sở Nội vụ.",
                          "The lead agencies gather the evidence with the self-assessment and send it to the "
                          "Department of Home Affairs."),
})

# --- the plan as a Word document (gap … --format docx) ------------------------------------------------------
MESSAGES.update({
    "plan.symbol": Msg("KH", "KH"),
    "plan.recipient": Msg("Các cơ quan, địa phương (thực hiện)", "Agencies and localities (to implement)"),
})
