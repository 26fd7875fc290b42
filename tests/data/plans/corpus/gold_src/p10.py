"""Gold of plan 10: Sở Nông nghiệp và Môi trường tỉnh Hưng Yên (docx, portrait, three-row
header, "Sản phẩm:" paragraph in the content cell, task numbers restarted per section by
w:lvlOverride/w:startOverride)."""

from common import t

VPS = "Văn phòng Sở"
PCM = "Các phòng, đơn vị thuộc Sở"
DD = "Chi cục Quản lý đất đai"
MT = "Chi cục Bảo vệ môi trường"
TL = "Chi cục Thủy lợi"
VPDK = "Văn phòng Đăng ký đất đai"
P10 = dict(
    stem="hy_snnmt_2026",
    issuer="Sở Nông nghiệp và Môi trường tỉnh Hưng Yên",
    year=2026,
    number="41/KH-SNNMT",
    sections=[
        (
            "I",
            "Chỉ đạo, điều hành",
            [
                t(
                    "Ban hành Kế hoạch kiểm soát thủ tục hành chính năm 2026 của Sở, phân công nhiệm vụ cho các phòng, đơn vị (bao gồm các đơn vị tiếp nhận từ Sở Tài nguyên và Môi trường tỉnh Thái Bình cũ).",
                    [VPS],
                    [PCM],
                    "Tháng 01/2026",
                    r="Kế hoạch của Sở",
                ),
                t(
                    "Cử công chức đầu mối kiểm soát thủ tục hành chính của Sở và của các Chi cục.",
                    [VPS],
                    [DD, MT, TL],
                    "Quý 1/2026",
                    r="Văn bản cử công chức đầu mối",
                ),
            ],
        ),
        (
            "II",
            "Công bố, công khai và rà soát thủ tục hành chính",
            [
                t(
                    "Rà soát, tham mưu công bố danh mục thủ tục hành chính lĩnh vực đất đai, môi trường, tài nguyên nước, nông nghiệp thuộc thẩm quyền giải quyết của các cấp.",
                    [PCM],
                    [VPS],
                    "Thường xuyên",
                    r="Dự thảo Quyết định công bố",
                ),
                t(
                    "Công khai thủ tục hành chính, quy trình nội bộ tại Trung tâm Phục vụ hành chính công tỉnh, Văn phòng Đăng ký đất đai và các Chi nhánh.",
                    [VPDK],
                    ["Trung tâm Phục vụ hành chính công tỉnh"],
                    "Thường xuyên",
                    r="Thủ tục được công khai đầy đủ",
                ),
                t(
                    "Rà soát thủ tục đăng ký đất đai, cấp Giấy chứng nhận lần đầu; đề xuất phương án phân cấp cho UBND cấp xã thay UBND cấp huyện trước đây.",
                    [DD],
                    [VPDK, "UBND các xã, phường"],
                    "Quý II, III/2026",
                    r="Báo cáo rà soát, phương án phân cấp",
                ),
                t(
                    "Rà soát thủ tục cấp giấy phép môi trường, đăng ký môi trường.",
                    [MT],
                    [VPS],
                    "Quý 3",
                    r="Báo cáo rà soát",
                ),
                t(
                    "Tổng hợp kết quả rà soát của Sở gửi Văn phòng UBND tỉnh.",
                    [VPS],
                    [DD, MT],
                    "Trước 31/8/2026",
                    r="Báo cáo của Sở",
                ),
            ],
        ),
        (
            "III",
            "Giải quyết thủ tục hành chính",
            [
                t(
                    "Giải quyết hồ sơ đất đai đúng hạn; công khai hồ sơ trễ hạn và văn bản xin lỗi trên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh.",
                    [VPDK],
                    [DD],
                    "Thường xuyên",
                    r="Tỷ lệ hồ sơ đúng hạn",
                ),
                t(
                    "Số hóa hồ sơ địa chính, kết quả giải quyết thủ tục hành chính lĩnh vực đất đai; cập nhật Cơ sở dữ liệu đất đai.",
                    [VPDK],
                    ["Sở Khoa học và Công nghệ"],
                    "Trong năm 2026",
                    r="Cơ sở dữ liệu đất đai được cập nhật",
                ),
                t(
                    "Thực hiện liên thông thủ tục đăng ký biến động đất đai với thủ tục thuế; trao đổi thông tin với Thuế tỉnh trên môi trường điện tử.",
                    [VPDK],
                    ["Thuế tỉnh Hưng Yên"],
                    "30/6/2026",
                    r="Quy chế phối hợp liên thông",
                ),
                t(
                    "Tiếp nhận hồ sơ cấp phép khai thác, sử dụng tài nguyên nước trực tuyến toàn trình.",
                    [TL],
                    [VPS],
                    "Thường xuyên",
                    r="Hồ sơ được tiếp nhận trực tuyến",
                ),
            ],
        ),
        (
            "IV",
            "Phản ánh, kiến nghị và báo cáo",
            [
                t(
                    "Xử lý phản ánh, kiến nghị về thủ tục hành chính lĩnh vực nông nghiệp và môi trường; trả lời bằng văn bản, gửi trước ngày 10 hằng tháng kết quả xử lý về Văn phòng Sở.",
                    [PCM],
                    [VPS],
                    "Thường xuyên",
                    r="Văn bản trả lời",
                    dit="trước ngày 10 hằng tháng",
                ),
                t(
                    "Báo cáo tình hình giải quyết thủ tục hành chính hằng tháng.",
                    [VPDK, DD],
                    [VPS],
                    "Hàng tháng (trước ngày 20)",
                    r="Báo cáo tháng",
                ),
                t(
                    "Báo cáo kết quả kiểm soát thủ tục hành chính quý, 6 tháng, năm gửi UBND tỉnh qua Văn phòng UBND tỉnh.",
                    [VPS],
                    [PCM],
                    "Quý I, II, III, IV (trước ngày 18 tháng cuối quý)",
                    r="Báo cáo định kỳ",
                ),
                t(
                    "Tổng kết thực hiện Kế hoạch năm 2026.",
                    [VPS],
                    [PCM],
                    "Tháng 12/2026",
                    r="Báo cáo tổng kết",
                ),
            ],
        ),
    ],
)
