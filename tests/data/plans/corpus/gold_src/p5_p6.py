"""Gold of plans 5-6."""

from common import t

# ---------------------------------------------------------------- plan 5
# UBND phường Vũ Ninh (tỉnh Bắc Ninh): a commune plan, kept as Word 97 .doc by the office.
# Columns TT | Nội dung | Bộ phận chủ trì | Bộ phận phối hợp | Thời gian | Ghi chú.
# Unnumbered rows with their own units and deadline are sub-assignments (II.3b, IV.2x).
VP5 = "Văn phòng HĐND và UBND phường"
KT = "Phòng Kinh tế, Hạ tầng và Đô thị"
VH = "Phòng Văn hóa - Xã hội"
TTP = "Trung tâm Phục vụ hành chính công phường"
CA = "Công an phường"
P5 = dict(
    stem="bn_phuongvuninh_2026",
    issuer="UBND phường Vũ Ninh",
    year=2026,
    number="07/KH-UBND",
    sections=[
        (
            "I",
            "Công tác chỉ đạo, điều hành",
            [
                t(
                    "Ban hành Kế hoạch kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông năm 2026 của UBND phường.",
                    [VP5],
                    [KT, VH],
                    "Tháng 01/2026",
                ),
                t(
                    "Phân công công chức đầu mối kiểm soát thủ tục hành chính của phường; gửi danh sách về Văn phòng UBND tỉnh.",
                    [VP5],
                    [],
                    "Tháng 02/2026",
                    n="Thay thế danh sách của UBND thành phố Bắc Ninh (cũ)",
                ),
                t(
                    "Chỉ đạo các phòng chuyên môn, Trung tâm Phục vụ hành chính công phường thực hiện nghiêm kỷ luật, kỷ cương trong giải quyết thủ tục hành chính.",
                    ["Chủ tịch UBND phường"],
                    [VP5, KT, VH, TTP],
                    "Thường xuyên",
                ),
            ],
        ),
        (
            "II",
            "Công khai và giải quyết thủ tục hành chính",
            [
                t(
                    "Niêm yết công khai đầy đủ thủ tục hành chính thuộc thẩm quyền giải quyết của cấp xã tại Trung tâm Phục vụ hành chính công phường; công khai số điện thoại đường dây nóng.",
                    [TTP],
                    [VP5],
                    "Thường xuyên",
                ),
                t(
                    "Tiếp nhận, giải quyết hồ sơ thủ tục hành chính đúng hạn; thực hiện xin lỗi người dân đối với hồ sơ trễ hạn.",
                    [TTP],
                    [KT, VH, CA],
                    "Thường xuyên",
                    inf=["deadline"],
                ),
                t(
                    "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính lĩnh vực hộ tịch, chứng thực, đất đai.",
                    [TTP],
                    ["Công chức Tư pháp - Hộ tịch", KT],
                    "Trong năm 2026",
                ),
                t(
                    "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính lĩnh vực hộ tịch, chứng thực, đất đai.",
                    ["Công chức Tư pháp - Hộ tịch"],
                    [],
                    "Trước 30/6/2026",
                    n="Số hóa sổ hộ tịch giai đoạn 2015 - 2025",
                    inf=["content"],
                    sub="b",
                ),
                t(
                    "Hướng dẫn, hỗ trợ người dân nộp hồ sơ trực tuyến, thanh toán trực tuyến phí, lệ phí tại Trung tâm Phục vụ hành chính công phường.",
                    [TTP],
                    ["Đoàn Thanh niên phường"],
                    "Thường xuyên",
                ),
                t(
                    "Triển khai tiếp nhận hồ sơ thủ tục hành chính không phụ thuộc địa giới hành chính theo hướng dẫn của UBND tỉnh.",
                    [TTP],
                    [VP5],
                    "Theo hướng dẫn của UBND tỉnh",
                ),
            ],
        ),
        (
            "III",
            "Rà soát, đơn giản hóa thủ tục hành chính",
            [
                t(
                    "Rà soát, đề xuất đơn giản hóa thủ tục hành chính lĩnh vực đất đai, xây dựng thuộc thẩm quyền của UBND cấp xã.",
                    [KT],
                    [VP5],
                    "Quý II/2026",
                ),
                t(
                    "Rà soát, đề xuất đơn giản hóa thủ tục hành chính lĩnh vực chính sách xã hội, người có công (trước đây do Phòng Lao động - Thương binh và Xã hội thành phố giải quyết).",
                    [VH],
                    [VP5],
                    "Quý II/2026",
                    inf=["deadline"],
                ),
                t(
                    "Tổng hợp kết quả rà soát, gửi Sở, ngành theo lĩnh vực và Văn phòng UBND tỉnh.",
                    [VP5],
                    [KT, VH],
                    "Trước 15/7/2026",
                ),
            ],
        ),
        (
            "IV",
            "Tiếp nhận, xử lý phản ánh, kiến nghị",
            [
                t(
                    "Tiếp nhận, xử lý phản ánh, kiến nghị của người dân về thủ tục hành chính qua hộp thư góp ý, đường dây nóng, Cổng Dịch vụ công.",
                    [VP5],
                    [TTP],
                    "Thường xuyên",
                ),
                t(
                    "Tổ chức đối thoại với người dân, doanh nghiệp về giải quyết thủ tục hành chính.",
                    ["Chủ tịch UBND phường"],
                    [VP5, "Ủy ban Mặt trận Tổ quốc Việt Nam phường"],
                    "Quý III",
                ),
                t(
                    "Tổng hợp ý kiến của người dân, doanh nghiệp tại hội nghị đối thoại; báo cáo Chủ tịch UBND phường.",
                    [VP5],
                    [],
                    "Trước ngày 30/9/2026",
                    n="Báo cáo kết quả đối thoại",
                    sub="x",
                ),
            ],
        ),
        (
            "V",
            "Thông tin, báo cáo",
            [
                t(
                    "Báo cáo tình hình giải quyết thủ tục hành chính hằng tháng của phường.",
                    [TTP],
                    [VP5],
                    "Hằng tháng",
                    dit="trước ngày 18 hằng tháng",
                    n="Gửi Văn phòng UBND tỉnh trước ngày 18 hằng tháng",
                ),
                t(
                    "Báo cáo kết quả kiểm soát thủ tục hành chính quý, 6 tháng, năm.",
                    [VP5],
                    [TTP, KT, VH],
                    "Quý I, II, III và năm 2026",
                    dit="chậm nhất ngày 15 tháng cuối quý",
                    n="Các bộ phận gửi số liệu chậm nhất ngày 15 tháng cuối quý",
                ),
                t(
                    "Báo cáo đột xuất theo yêu cầu của UBND tỉnh, các sở, ngành.",
                    [VP5],
                    [],
                    "Đột xuất",
                ),
            ],
        ),
    ],
)

# ---------------------------------------------------------------- plan 6
# Sở Tài chính tỉnh Đồng Nai: Stt | Stt2 (two number columns, like seed 002), deadlines and
# units merged down rows, a notes column holding a limit.
VPS = "Văn phòng Sở"
PCM = "Các phòng chuyên môn thuộc Sở"
DK = "Phòng Đăng ký kinh doanh"
DT = "Phòng Quản lý đầu tư"
NS = "Phòng Quản lý ngân sách"
GC = "Phòng Quản lý giá và công sản"
P6 = dict(
    stem="dn_stc_2026",
    issuer="Sở Tài chính tỉnh Đồng Nai",
    year=2026,
    number="312/KH-STC",
    sections=[
        (
            "I",
            "Công tác chỉ đạo, điều hành và kiện toàn đầu mối",
            [
                t(
                    "Xây dựng Kế hoạch kiểm soát thủ tục hành chính năm 2026 của Sở Tài chính (bao gồm các lĩnh vực tiếp nhận từ Sở Kế hoạch và Đầu tư).",
                    [VPS],
                    [PCM],
                    "15/01/2026",
                    r="Kế hoạch được phê duyệt",
                    ref="I.1",
                ),
                t(
                    "Rà soát, cập nhật danh sách công chức đầu mối kiểm soát thủ tục hành chính tại các phòng.",
                    [VPS],
                    [PCM],
                    "Quý I năm 2026",
                    r="Quyết định của Giám đốc Sở",
                    ref="I.2",
                ),
                t(
                    "Phổ biến các văn bản mới về kiểm soát thủ tục hành chính đến công chức, người lao động.",
                    [VPS],
                    [PCM],
                    "Thường xuyên",
                    r="Văn bản phổ biến",
                    ref="I.3",
                ),
            ],
        ),
        (
            "II",
            "Công bố, công khai thủ tục hành chính",
            [
                t(
                    "Dự thảo Quyết định công bố danh mục thủ tục hành chính lĩnh vực tài chính, đầu tư, đăng ký doanh nghiệp, trình Chủ tịch UBND tỉnh.",
                    [PCM],
                    [VPS],
                    "Thường xuyên",
                    r="Hồ sơ trình công bố",
                    n="Chậm nhất 05 ngày làm việc trước ngày văn bản quy phạm pháp luật có hiệu lực",
                    dit="Chậm nhất 05 ngày làm việc trước ngày văn bản quy phạm pháp luật có hiệu lực",
                    ref="II.4",
                ),
                t(
                    "Xây dựng quy trình nội bộ, quy trình điện tử giải quyết thủ tục hành chính đã được công bố.",
                    [PCM],
                    [VPS, "Trung tâm Phục vụ hành chính công tỉnh"],
                    "Thường xuyên",
                    r="Quyết định phê duyệt quy trình nội bộ",
                    n="Chậm nhất 10 ngày làm việc kể từ ngày Quyết định công bố có hiệu lực",
                    dit="Chậm nhất 10 ngày làm việc kể từ ngày Quyết định công bố có hiệu lực",
                    inf=["lead", "deadline"],
                    ref="II.5",
                ),
                t(
                    "Công khai thủ tục hành chính, quy trình giải quyết trên Trang thông tin điện tử của Sở.",
                    [VPS],
                    [PCM],
                    "Thường xuyên",
                    r="Thông tin được công khai",
                    inf=["deadline"],
                    ref="II.6",
                ),
            ],
        ),
        (
            "III",
            "Rà soát, đơn giản hóa thủ tục hành chính",
            [
                t(
                    "Rà soát thủ tục hành chính lĩnh vực đăng ký doanh nghiệp, hộ kinh doanh; đề xuất cắt giảm thành phần hồ sơ trùng lặp với Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp.",
                    [DK],
                    [VPS],
                    "Quý II, Quý III",
                    r="Báo cáo rà soát",
                    ref="III.7",
                ),
                t(
                    "Rà soát thủ tục hành chính lĩnh vực đầu tư tại Việt Nam, đầu tư theo phương thức đối tác công tư.",
                    [DT],
                    [VPS],
                    "Quý II, Quý III",
                    r="Báo cáo rà soát",
                    inf=["result", "deadline"],
                    ref="III.8",
                ),
                t(
                    "Rà soát thủ tục hành chính lĩnh vực quản lý công sản, giá.",
                    [GC],
                    [VPS],
                    "Quý II, Quý III",
                    r="Báo cáo rà soát",
                    inf=["result", "deadline"],
                    ref="III.9",
                ),
                t(
                    "Tổng hợp, đề xuất phương án đơn giản hóa thủ tục hành chính của Sở gửi Văn phòng UBND tỉnh.",
                    [VPS],
                    [DK, DT, GC],
                    "Trước 31/8/2026",
                    r="Báo cáo tổng hợp",
                    ref="III.10",
                ),
            ],
        ),
        (
            "IV",
            "Thực hiện cơ chế một cửa, một cửa liên thông, dịch vụ công trực tuyến",
            [
                t(
                    "Cử công chức tiếp nhận hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh theo Danh mục được phê duyệt.",
                    [VPS],
                    ["Trung tâm Phục vụ hành chính công tỉnh"],
                    "Thường xuyên",
                    r="Quyết định cử công chức",
                    ref="IV.11",
                ),
                t(
                    "Giải quyết hồ sơ đăng ký doanh nghiệp trực tuyến; bảo đảm tỷ lệ hồ sơ trực tuyến đạt trên 95%.",
                    [DK],
                    [],
                    "Thường xuyên",
                    r="Hồ sơ được giải quyết đúng hạn",
                    inf=["deadline"],
                    ref="IV.12",
                ),
                t(
                    "Số hóa, ký số kết quả giải quyết thủ tục hành chính; cập nhật dữ liệu vào kho quản lý dữ liệu điện tử của tổ chức, cá nhân.",
                    [PCM],
                    [VPS],
                    "Thường xuyên",
                    r="Kết quả được số hóa",
                    inf=["deadline"],
                    ref="IV.13",
                ),
                t(
                    "Thu phí, lệ phí trực tuyến qua Nền tảng thanh toán trên Cổng Dịch vụ công quốc gia.",
                    [NS],
                    ["Kho bạc Nhà nước khu vực XVII", "Trung tâm Phục vụ hành chính công tỉnh"],
                    "Trong năm 2026",
                    r="Tỷ lệ thanh toán trực tuyến",
                    ref="IV.14",
                ),
            ],
        ),
        (
            "V",
            "Phản ánh, kiến nghị; kiểm tra; truyền thông",
            [
                t(
                    "Xử lý phản ánh, kiến nghị về quy định hành chính thuộc lĩnh vực quản lý của Sở.",
                    [PCM],
                    [VPS],
                    "Thường xuyên",
                    r="Văn bản trả lời",
                    ref="V.15",
                ),
                t(
                    "Tự kiểm tra việc giải quyết thủ tục hành chính tại các phòng chuyên môn.",
                    ["Thanh tra Sở"],
                    [VPS],
                    "Tháng 10/2026",
                    r="Báo cáo kết quả tự kiểm tra",
                    ref="V.16",
                ),
                t(
                    "Tuyên truyền, hướng dẫn doanh nghiệp sử dụng dịch vụ công trực tuyến lĩnh vực đăng ký kinh doanh.",
                    [DK],
                    ["Hiệp hội Doanh nghiệp tỉnh"],
                    "Trong năm 2026",
                    r="Tài liệu hướng dẫn; hội nghị",
                    ref="V.17",
                ),
            ],
        ),
        (
            "VI",
            "Chế độ thông tin, báo cáo",
            [
                t(
                    "Báo cáo định kỳ tình hình, kết quả kiểm soát thủ tục hành chính của Sở gửi Văn phòng UBND tỉnh.",
                    [VPS],
                    [PCM],
                    "Báo cáo quý I trước ngày 15/3/2026; 6 tháng trước ngày 15/6/2026; quý III trước ngày 15/9/2026; năm trước ngày 15/12/2026",
                    r="Báo cáo định kỳ",
                    ref="VI.18",
                ),
                t(
                    "Tổng hợp số liệu giải quyết thủ tục hành chính trên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh.",
                    [VPS],
                    [PCM],
                    "Trước ngày 20 của tháng",
                    r="Báo cáo tháng",
                    n="Các phòng gửi số liệu về Văn phòng Sở trước ngày 16 hằng tháng",
                    dit="trước ngày 16 hằng tháng",
                    ref="VI.19",
                ),
                t(
                    "Báo cáo đột xuất theo yêu cầu.",
                    [VPS],
                    [],
                    "Theo yêu cầu của UBND tỉnh, Văn phòng UBND tỉnh",
                    r="Báo cáo",
                    ref="VI.20",
                ),
            ],
        ),
    ],
)
