"""Gold of the office-forms regression plans, typed before the documents were built.

Each plan is a list of sections; each task gives what the plan states: content, result, lead,
support, deadline, deadline_in_text (a limit written in the content), and the cell texts the
builder writes (``units_cell`` / ``time_cell`` / ``result_cell`` when they differ from the
fields, e.g. a labelled cell or a lettered list).
"""

from __future__ import annotations

from typing import Any

# Plan A: one "Đơn vị thực hiện" cell holding every unit with its role label; a merged time
# cell (vMerge), an empty time cell, a/b sub-items in one row, a limit relative to an event.
PLAN_A: dict[str, Any] = {
    "name": "labels_2026",
    "issuer": "Ủy ban nhân dân tỉnh Lai Châu",
    "number": "77/KH-UBND",
    "sections": [
        (
            "I",
            "Kiểm soát quy định và công bố thủ tục hành chính",
            [
                {
                    "content": "Rà soát quy định thủ tục hành chính lĩnh vực xây dựng, nhà ở.",
                    "units_cell": ["Chủ trì: Sở Xây dựng", "Phối hợp: Sở Tài chính; Công an tỉnh."],
                    "lead": ["Sở Xây dựng"],
                    "support": ["Sở Tài chính", "Công an tỉnh"],
                    "deadline": "Quý II/2026",
                    "result": "Báo cáo rà soát",
                },
                {
                    "content": "Công bố danh mục thủ tục hành chính lĩnh vực dân tộc, tôn giáo.",
                    "units_cell": ["Chủ trì Ban Dân tộc tỉnh", "Phối hợp Thanh tra tỉnh"],
                    "lead": ["Ban Dân tộc tỉnh"],
                    "support": ["Thanh tra tỉnh"],
                    "deadline": "Tháng 3/2026",
                    "result": "Quyết định công bố",
                },
                {
                    "content": "Cập nhật thủ tục hành chính giáo dục nghề nghiệp lên Cơ sở dữ liệu quốc gia.",
                    "units_cell": [
                        "Sở Giáo dục và Đào tạo (chủ trì)",
                        "Sở Y tế (phối hợp)",
                        "Tỉnh đoàn (phối hợp)",
                    ],
                    "lead": ["Sở Giáo dục và Đào tạo"],
                    "support": ["Sở Y tế", "Tỉnh đoàn"],
                    "time_merged_with_above": True,  # the time cell merged down from task 2
                    "deadline": "Tháng 3/2026",
                    "result": "Dữ liệu được cập nhật",
                },
            ],
        ),
        (
            "II",
            "Giải quyết thủ tục hành chính",
            [
                {
                    "content": "Hỗ trợ hợp tác xã nộp hồ sơ trực tuyến toàn trình.",
                    "units_cell": [
                        "Sở Công Thương chủ trì, phối hợp với Hội Nông dân tỉnh, Liên minh Hợp tác xã tỉnh"
                    ],
                    "lead": ["Sở Công Thương"],
                    "support": ["Hội Nông dân tỉnh, Liên minh Hợp tác xã tỉnh"],
                    "deadline": "Thường xuyên",
                    "result": "Hồ sơ được nộp trực tuyến",
                },
                {
                    "content": "Lập sổ theo dõi hồ sơ hộ tịch tồn đọng, hoàn thành trong Quý II/2026.",
                    "units_cell": [
                        "Công chức Tư pháp - Hộ tịch chủ trì, phối hợp với Hội Liên hiệp Phụ nữ xã, Bí thư các chi bộ"
                    ],
                    "lead": ["Công chức Tư pháp - Hộ tịch"],
                    "support": ["Hội Liên hiệp Phụ nữ xã, Bí thư các chi bộ"],
                    "deadline": None,  # the time cell is empty in the plan
                    "deadline_in_text": "trong Quý II/2026",
                    "result": "Sổ theo dõi",
                },
                {
                    "content": "Xây dựng quy chế phối hợp giải quyết thủ tục đất đai với cơ quan thuế.",
                    "units_cell": ["Chủ trì: Văn phòng Đăng ký đất đai", "Phối hợp: Thuế tỉnh."],
                    "lead": ["Văn phòng Đăng ký đất đai"],
                    "support": ["Thuế tỉnh"],
                    "time_cell": ["a) Tháng 5/2026", "b) Quý IV/2026"],
                    "result_cell": ["a) Dự thảo quy chế;", "b) Quy chế được ký ban hành."],
                    "split": [
                        {
                            "suffix": "a",
                            "deadline": "Tháng 5/2026",
                            "result": "a) Dự thảo quy chế;",
                        },
                        {
                            "suffix": "b",
                            "deadline": "Quý IV/2026",
                            "result": "b) Quy chế được ký ban hành.",
                        },
                    ],
                },
                {
                    "content": "Gửi hồ sơ đề nghị công bố trước ngày nghị quyết của HĐND tỉnh có hiệu lực ít nhất 07 ngày làm việc.",
                    "units_cell": ["Chủ trì: Các sở, ngành chủ trì xây dựng nghị quyết"],
                    "lead": ["Các sở, ngành chủ trì xây dựng nghị quyết"],
                    "support": [],
                    "deadline": "Theo tiến độ",
                    "deadline_in_text": "trước ngày nghị quyết của HĐND tỉnh có hiệu lực ít nhất 07 ngày làm việc",
                    "result": "Hồ sơ công bố",
                },
            ],
        ),
    ],
}

# Plan B (a workbook): "Chủ trì" / "Phối hợp" columns under "Đơn vị", "Bắt đầu" / "Hoàn thành"
# under "Thời gian thực hiện" (merged ranges), a time merged down two rows, an empty one.
PLAN_B: dict[str, Any] = {
    "name": "schedule_2026",
    "issuer": "Ủy ban nhân dân tỉnh Điện Biên",
    "number": "12/KH-UBND",
    "sections": [
        (
            "I",
            "Đánh giá tác động và thẩm định",
            [
                {
                    "content": "Đánh giá tác động thủ tục hành chính trong dự thảo quyết định của UBND tỉnh.",
                    "lead_cell": "Các phòng chuyên môn chủ trì soạn thảo",
                    "support_cell": "Văn phòng UBND tỉnh",
                    "lead": ["Các phòng chuyên môn chủ trì soạn thảo"],
                    "support": ["Văn phòng UBND tỉnh"],
                    "start": "01/02/2026",
                    "deadline": "Quý III/2026",
                    "result": "Bản đánh giá tác động",
                },
                {
                    "content": "Thẩm định quy định thủ tục hành chính trong dự thảo nghị quyết.",
                    "lead_cell": "Sở Tư pháp",
                    "support_cell": "Các phòng chuyên môn chủ trì soạn thảo",
                    "lead": ["Sở Tư pháp"],
                    "support": ["Các phòng chuyên môn chủ trì soạn thảo"],
                    "start": "Tháng 02/2026",
                    "time_merged_with_above": True,
                    "deadline": "Quý III/2026",
                    "result": "Báo cáo thẩm định",
                },
            ],
        ),
        (
            "II",
            "Công khai và báo cáo",
            [
                {
                    "content": "Niêm yết thủ tục hành chính tại Bộ phận Một cửa các xã, phường.",
                    "lead_cell": "Trung tâm Phục vụ hành chính công tỉnh (chủ trì)\nUBND cấp xã (phối hợp)",
                    "support_cell": "",
                    "lead": ["Trung tâm Phục vụ hành chính công tỉnh"],
                    "support": ["UBND cấp xã"],
                    "start": "01/01/2026",
                    "deadline": None,  # "Hoàn thành" left empty
                    "result": "Thủ tục được niêm yết",
                },
                {
                    "content": "Báo cáo tình hình kiểm soát thủ tục hành chính quý, gửi Văn phòng UBND tỉnh chậm nhất ngày 18 của tháng cuối quý để theo dõi.",
                    "lead_cell": "Các sở, ban, ngành",
                    "support_cell": "",
                    "lead": ["Các sở, ban, ngành"],
                    "support": [],
                    "start": "",
                    "deadline": "Hằng quý",
                    "deadline_in_text": "chậm nhất ngày 18 của tháng cuối quý",
                    "result": "Báo cáo quý",
                },
            ],
        ),
    ],
}


def gold_tasks(plan: dict[str, Any]) -> list[dict[str, Any]]:
    """The gold tasks of a plan, in the project's gold format."""
    out: list[dict[str, Any]] = []
    for label, title, tasks in plan["sections"]:
        for n, t in enumerate(tasks, 1):
            base = {
                "ref": f"{label}.{n}",
                "section": title,
                "content": t["content"],
                "result": t.get("result"),
                "lead": t["lead"],
                "support": t["support"],
                "deadline": t.get("deadline"),
                "deadline_in_text": t.get("deadline_in_text"),
                "notes": None,
                "inferred": [],
            }
            if "split" not in t:
                out.append(base)
                continue
            for k, sub in enumerate(t["split"]):
                out.append(
                    base
                    | {
                        "ref": f"{label}.{n}{sub['suffix']}",
                        "deadline": sub["deadline"],
                        "result": sub["result"],
                        "inferred": ["content"] if k else [],
                    }
                )
    return out
