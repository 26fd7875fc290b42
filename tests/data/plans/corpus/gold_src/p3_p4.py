"""Gold of plans 3-4."""

from common import t

VPS = "Văn phòng Sở"
PCM = "Các phòng chuyên môn thuộc Sở"
QL = "Phòng Quản lý xây dựng"
HT = "Phòng Quản lý hạ tầng giao thông"
PN = "Phòng Phát triển đô thị và Nhà ở"
TTR = "Thanh tra Sở"

# ---------------------------------------------------------------- plan 3
# Sở Xây dựng tỉnh Thái Nguyên: numbering 1 / 1.1 / 1.2 typed in the text; section rows hold a
# number and a title only.  ref = the document's own label.
P3 = dict(
    stem="tn_sxd_2026",
    issuer="Sở Xây dựng tỉnh Thái Nguyên",
    year=2026,
    number="125/KH-SXD",
    sections=[
        (
            "1",
            "Công tác chỉ đạo, điều hành",
            [
                t(
                    "Ban hành Kế hoạch kiểm soát thủ tục hành chính năm 2026 của Sở Xây dựng.",
                    [VPS],
                    [PCM],
                    "Trước ngày 31/01/2026",
                    r="Kế hoạch của Sở",
                    ref="1.1",
                ),
                t(
                    "Phân công công chức làm đầu mối kiểm soát thủ tục hành chính tại các phòng chuyên môn sau khi hợp nhất Sở Giao thông vận tải vào Sở Xây dựng.",
                    [VPS],
                    [PCM],
                    "Quý I/2026",
                    r="Quyết định phân công",
                    ref="1.2",
                ),
                t(
                    "Quán triệt, triển khai các văn bản chỉ đạo của UBND tỉnh, Văn phòng UBND tỉnh về kiểm soát thủ tục hành chính đến toàn thể công chức, viên chức của Sở.",
                    [VPS],
                    [],
                    "Thường xuyên",
                    r="Văn bản triển khai",
                    ref="1.3",
                ),
            ],
        ),
        (
            "2",
            "Công khai, minh bạch thủ tục hành chính",
            [
                t(
                    "Rà soát, cập nhật danh mục thủ tục hành chính lĩnh vực xây dựng, giao thông vận tải khi có văn bản quy phạm pháp luật mới; dự thảo Quyết định công bố trình Chủ tịch UBND tỉnh.",
                    [PCM],
                    [VPS],
                    "Thường xuyên",
                    r="Dự thảo Quyết định công bố danh mục TTHC",
                    ref="2.1",
                ),
                t(
                    "Niêm yết công khai thủ tục hành chính tại trụ sở Sở và trên Trang thông tin điện tử của Sở; gỡ bỏ thủ tục hành chính đã bị bãi bỏ.",
                    [VPS],
                    [PCM],
                    "Thường xuyên",
                    r="Thủ tục hành chính được niêm yết đầy đủ",
                    ref="2.2",
                ),
                t(
                    "Phối hợp Trung tâm Phục vụ hành chính công tỉnh công khai quy trình nội bộ, quy trình điện tử giải quyết thủ tục hành chính của Sở.",
                    [VPS],
                    ["Trung tâm Phục vụ hành chính công tỉnh"],
                    "Quý II/2026",
                    r="Quy trình được công khai",
                    ref="2.3",
                ),
            ],
        ),
        (
            "3",
            "Rà soát, đánh giá, đơn giản hóa thủ tục hành chính",
            [
                t(
                    "Đăng ký danh mục thủ tục hành chính rà soát, đánh giá năm 2026 với Văn phòng UBND tỉnh.",
                    [VPS],
                    [PCM],
                    "Trước 28/02/2026",
                    r="Văn bản đăng ký",
                    ref="3.1",
                ),
                t(
                    "Rà soát, đánh giá các thủ tục hành chính lĩnh vực hoạt động xây dựng, nhà ở, kinh doanh bất động sản; đề xuất cắt giảm thời gian giải quyết ít nhất 30%.",
                    [QL, PN],
                    [VPS],
                    "Quý II, III/2026",
                    r="Báo cáo rà soát, phương án đơn giản hóa",
                    ref="3.2",
                ),
                t(
                    "Rà soát thủ tục hành chính lĩnh vực đường bộ, đăng kiểm, đào tạo sát hạch lái xe; đề xuất phương án phân cấp cho UBND cấp xã.",
                    [HT],
                    [VPS],
                    "Quý III/2026",
                    r="Báo cáo rà soát, phương án phân cấp",
                    ref="3.3",
                ),
                t(
                    "Tổng hợp kết quả rà soát của Sở, gửi Văn phòng UBND tỉnh.",
                    [VPS],
                    [PCM],
                    "Trước 31/8/2026",
                    r="Báo cáo kết quả rà soát của Sở",
                    ref="3.4",
                ),
            ],
        ),
        (
            "4",
            "Giải quyết thủ tục hành chính theo cơ chế một cửa, một cửa liên thông",
            [
                t(
                    "Cử công chức làm việc tại Trung tâm Phục vụ hành chính công tỉnh; quản lý, đánh giá công chức được cử theo quy định.",
                    [VPS],
                    ["Trung tâm Phục vụ hành chính công tỉnh"],
                    "Thường xuyên",
                    r="Quyết định cử công chức",
                    ref="4.1",
                ),
                t(
                    "Giải quyết hồ sơ thủ tục hành chính đúng hạn; thực hiện xin lỗi tổ chức, cá nhân đối với hồ sơ quá hạn; tổng hợp tình hình giải quyết hồ sơ của phòng, gửi trước ngày 15 hằng tháng về Văn phòng Sở.",
                    [PCM],
                    [VPS],
                    "Thường xuyên",
                    r="Hồ sơ được giải quyết đúng hạn; báo cáo tháng",
                    dit="trước ngày 15 hằng tháng",
                    ref="4.2",
                ),
                t(
                    "Số hóa 100% hồ sơ, kết quả giải quyết thủ tục hành chính; ký số kết quả điện tử trên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh.",
                    [PCM],
                    [VPS],
                    "Thường xuyên",
                    r="Kết quả điện tử được lưu trong kho dữ liệu",
                    ref="4.3",
                ),
                t(
                    "Thực hiện liên thông thủ tục cấp giấy phép xây dựng với thủ tục đấu nối hạ tầng kỹ thuật.",
                    [QL],
                    [HT, "UBND các xã, phường"],
                    "Tháng 6/2026",
                    r="Quy trình liên thông được phê duyệt",
                    ref="4.4",
                ),
            ],
        ),
        (
            "5",
            "Tiếp nhận, xử lý phản ánh, kiến nghị",
            [
                t(
                    "Tiếp nhận, xử lý phản ánh, kiến nghị của người dân, doanh nghiệp về thủ tục hành chính thuộc thẩm quyền của Sở.",
                    [TTR],
                    [PCM],
                    "Thường xuyên",
                    r="Văn bản trả lời",
                    ref="5.1",
                ),
                t(
                    "Cập nhật kết quả xử lý phản ánh, kiến nghị lên Hệ thống tiếp nhận, trả lời phản ánh, kiến nghị.",
                    [TTR],
                    [VPS],
                    "Trong 02 ngày làm việc kể từ ngày có văn bản xử lý",
                    r="Kết quả được công khai",
                    ref="5.2",
                ),
            ],
        ),
        (
            "6",
            "Truyền thông, kiểm tra",
            [
                t(
                    "Đăng tải tin, bài về cải cách thủ tục hành chính, dịch vụ công trực tuyến của Sở trên Trang thông tin điện tử.",
                    [VPS],
                    [PCM],
                    "Hằng quý",
                    r="Tin, bài",
                    ref="6.1",
                ),
                t(
                    "Tự kiểm tra việc thực hiện kiểm soát thủ tục hành chính tại các phòng chuyên môn, đơn vị trực thuộc.",
                    [TTR],
                    [VPS],
                    "Quý IV/2026",
                    r="Báo cáo kết quả kiểm tra",
                    ref="6.2",
                ),
                t(
                    "Tham gia các lớp tập huấn nghiệp vụ kiểm soát thủ tục hành chính do Văn phòng UBND tỉnh tổ chức.",
                    [VPS],
                    [PCM],
                    "Theo Kế hoạch của UBND tỉnh",
                    r="Công chức được tập huấn",
                    ref="6.3",
                ),
            ],
        ),
        (
            "7",
            "Chế độ báo cáo",
            [
                t(
                    "Báo cáo tình hình, kết quả thực hiện kiểm soát thủ tục hành chính quý I, 6 tháng, quý III và năm 2026 gửi Văn phòng UBND tỉnh.",
                    [VPS],
                    [PCM],
                    "Chậm nhất ngày 18 tháng cuối quý",
                    r="Báo cáo định kỳ",
                    ref="7.1",
                ),
                t(
                    "Báo cáo tình hình giải quyết thủ tục hành chính hằng tháng trên Hệ thống quản lý văn bản.",
                    [VPS],
                    [PCM],
                    "Trước ngày 20 hàng tháng",
                    r="Báo cáo tháng",
                    ref="7.2",
                ),
                t(
                    "Báo cáo đột xuất theo yêu cầu của UBND tỉnh, Văn phòng UBND tỉnh.",
                    [VPS],
                    [PCM],
                    "Theo yêu cầu",
                    r="Báo cáo",
                    ref="7.3",
                ),
            ],
        ),
    ],
)

# ---------------------------------------------------------------- plan 4
# UBND tỉnh Phú Thọ: seed-004 style, lead and cooperating units in one cell told
# apart by "chủ trì" / "phối hợp"; numbering continues across sections (Word auto numbering);
# task 9 has two lettered parts a), b) with their own units and deadlines.
VP4 = "Văn phòng Ủy ban nhân dân tỉnh"
SBN4 = "Các sở, ban, ngành"
XA4 = "Ủy ban nhân dân các xã, phường"
P4 = dict(
    stem="pt_ubnd_2026",
    issuer="Ủy ban nhân dân tỉnh Phú Thọ",
    year=2026,
    number="09/KH-UBND",
    sections=[
        (
            "A",
            "Ban hành văn bản quản lý nhà nước về kiểm soát thủ tục hành chính",
            [
                t(
                    "Xây dựng, ban hành các kế hoạch triển khai công tác kiểm soát thủ tục hành chính năm 2026 trên địa bàn tỉnh Phú Thọ (sau hợp nhất).",
                    [VP4],
                    [SBN4],
                    "Quý I",
                    r="Quyết định của Chủ tịch Ủy ban nhân dân tỉnh ban hành kế hoạch rà soát, kế hoạch truyền thông và kế hoạch kiểm tra.",
                    ref="A.1",
                ),
                t(
                    "Ban hành Quy chế phối hợp trong giải quyết thủ tục hành chính liên thông giữa các cơ quan, đơn vị trên địa bàn tỉnh thay thế các Quy chế của tỉnh Phú Thọ, Vĩnh Phúc, Hòa Bình (cũ).",
                    [VP4],
                    [SBN4, XA4],
                    "Quý II",
                    r="Quyết định ban hành Quy chế.",
                    ref="A.2",
                ),
                t(
                    "Các cơ quan, đơn vị xây dựng văn bản triển khai nhiệm vụ kiểm soát thủ tục hành chính của cơ quan, địa phương mình.",
                    [SBN4, XA4],
                    [],
                    "Theo kế hoạch",
                    r="Văn bản triển khai của cơ quan, địa phương.",
                    inf=["lead"],
                    ref="A.3",
                ),
            ],
        ),
        (
            "B.I",
            "Kiểm soát việc ban hành quy định thủ tục hành chính",
            [
                t(
                    "Cho ý kiến về quy định thủ tục hành chính tại dự thảo văn bản quy phạm pháp luật do Hội đồng nhân dân, Ủy ban nhân dân tỉnh ban hành.",
                    [VP4],
                    ["Các sở, ban, ngành được giao chủ trì soạn thảo"],
                    "Thường xuyên",
                    r="Văn bản góp ý.",
                    ref="B.I.4",
                ),
                t(
                    "Đánh giá tác động của thủ tục hành chính; lấy ý kiến đối tượng chịu sự tác động trong quá trình soạn thảo văn bản.",
                    ["Các sở, ban, ngành được giao chủ trì soạn thảo"],
                    [VP4, "Sở Tư pháp"],
                    "Thường xuyên",
                    r="Báo cáo đánh giá tác động.",
                    ref="B.I.5",
                ),
            ],
        ),
        (
            "B.II",
            "Rà soát, đơn giản hóa thủ tục hành chính",
            [
                t(
                    "Rà soát, đánh giá thủ tục hành chính theo Kế hoạch rà soát năm 2026 được Chủ tịch Ủy ban nhân dân tỉnh phê duyệt.",
                    [SBN4, XA4],
                    [VP4],
                    "Trước ngày 30/8/2026",
                    r="Báo cáo kết quả rà soát kèm phương án đơn giản hóa.",
                    ref="B.II.6",
                ),
                t(
                    "Thống kê, công bố thủ tục hành chính nội bộ; rà soát, đơn giản hóa thủ tục hành chính nội bộ theo Quyết định số 1085/QĐ-TTg.",
                    [SBN4],
                    [VP4],
                    "Theo lộ trình Kế hoạch",
                    r="Quyết định công bố, phê duyệt phương án đơn giản hóa TTHC nội bộ.",
                    ref="B.II.7",
                ),
                t(
                    "Thực thi phương án phân cấp, ủy quyền giải quyết thủ tục hành chính đã được phê duyệt.",
                    [SBN4, XA4],
                    [VP4],
                    "Theo lộ trình Kế hoạch",
                    r="Quyết định phân cấp, ủy quyền.",
                    inf=["deadline"],
                    ref="B.II.8",
                ),
                t(
                    "Tổng hợp kết quả rà soát, đơn giản hóa thủ tục hành chính, báo cáo Chủ tịch Ủy ban nhân dân tỉnh:",
                    [VP4],
                    [SBN4, XA4],
                    "Quý III/2026",
                    r="a) Báo cáo tổng hợp kết quả rà soát 6 tháng.",
                    ref="B.II.9a",
                    sub="a",
                ),
                t(
                    "Tổng hợp kết quả rà soát, đơn giản hóa thủ tục hành chính, báo cáo Chủ tịch Ủy ban nhân dân tỉnh:",
                    [VP4],
                    [],
                    "Quý IV/2026",
                    r="b) Quyết định thông qua phương án đơn giản hóa gửi Bộ, ngành.",
                    inf=["content"],
                    ref="B.II.9b",
                    sub="b",
                ),
            ],
        ),
        (
            "B.III",
            "Công bố, công khai và thực hiện thủ tục hành chính",
            [
                t(
                    "Xây dựng dự thảo Quyết định công bố danh mục thủ tục hành chính mới ban hành, sửa đổi, bổ sung, bãi bỏ trình Chủ tịch Ủy ban nhân dân tỉnh công bố.",
                    [SBN4],
                    [VP4],
                    "Thường xuyên",
                    r="Dự thảo Quyết định công bố.",
                    ref="B.III.10",
                ),
                t(
                    "Công khai thủ tục hành chính tại Trung tâm Phục vụ hành chính công tỉnh, Trung tâm Phục vụ hành chính công các xã, phường và trên Cổng Dịch vụ công.",
                    ["Trung tâm Phục vụ hành chính công tỉnh", XA4],
                    [SBN4],
                    "Thường xuyên",
                    r="Thủ tục hành chính được công khai đúng quy định.",
                    ref="B.III.11",
                ),
                t(
                    "Triển khai giải quyết thủ tục hành chính không phụ thuộc vào địa giới hành chính trong phạm vi tỉnh.",
                    ["Trung tâm Phục vụ hành chính công tỉnh"],
                    [SBN4, XA4, "Bưu điện tỉnh"],
                    "Trong năm 2026",
                    r="Danh mục thủ tục được triển khai.",
                    ref="B.III.12",
                ),
                t(
                    "Đẩy mạnh cung cấp dịch vụ công trực tuyến toàn trình; tái sử dụng dữ liệu số hóa; thanh toán trực tuyến.",
                    [SBN4, XA4],
                    ["Sở Thông tin và Truyền thông"],
                    "Thường xuyên",
                    r="Tỷ lệ hồ sơ trực tuyến toàn trình theo chỉ tiêu.",
                    ref="B.III.13",
                ),
                t(
                    "Triển khai Đề án 06 trong giải quyết thủ tục hành chính; khai thác Cơ sở dữ liệu quốc gia về dân cư.",
                    ["Công an tỉnh"],
                    [SBN4, XA4],
                    "Theo lộ trình Đề án",
                    r="Báo cáo kết quả.",
                    ref="B.III.14",
                ),
            ],
        ),
        (
            "B.IV",
            "Tiếp nhận, xử lý phản ánh, kiến nghị",
            [
                t(
                    "Tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính theo Nghị định số 20/2008/NĐ-CP.",
                    [VP4],
                    [SBN4, XA4],
                    "Thường xuyên",
                    r="Văn bản xử lý phản ánh, kiến nghị.",
                    ref="B.IV.15",
                ),
                t(
                    "Xử lý phản ánh, kiến nghị được chuyển đến thuộc phạm vi quản lý; công khai kết quả xử lý.",
                    [SBN4, XA4],
                    [],
                    "Trong thời hạn 10 ngày làm việc kể từ ngày nhận được văn bản chuyển",
                    r="Văn bản trả lời.",
                    ref="B.IV.16",
                ),
            ],
        ),
        (
            "C",
            "Truyền thông, tập huấn",
            [
                t(
                    "Truyền thông về kiểm soát thủ tục hành chính trên các phương tiện thông tin đại chúng.",
                    ["Báo và Phát thanh, Truyền hình Phú Thọ"],
                    [VP4],
                    "Hàng quý",
                    r="Chuyên mục, tin, bài.",
                    ref="C.17",
                ),
                t(
                    "Tập huấn nghiệp vụ cho công chức Trung tâm Phục vụ hành chính công cấp xã.",
                    [VP4],
                    ["Trung tâm Phục vụ hành chính công tỉnh", XA4],
                    "Quý II",
                    r="Lớp tập huấn.",
                    ref="C.18",
                ),
            ],
        ),
        (
            "D",
            "Kiểm tra, thông tin, báo cáo",
            [
                t(
                    "Kiểm tra công tác kiểm soát thủ tục hành chính tại một số sở, ngành, địa phương.",
                    [VP4],
                    ["Sở Nội vụ"],
                    "Quý III",
                    r="Thông báo kết quả kiểm tra.",
                    ref="D.19",
                ),
                t(
                    "Báo cáo định kỳ về tình hình, kết quả thực hiện kiểm soát thủ tục hành chính, cơ chế một cửa, một cửa liên thông (quý, 6 tháng, năm).",
                    [SBN4, XA4],
                    [VP4],
                    "Định kỳ 3 tháng/lần",
                    r="Báo cáo của cơ quan, địa phương.",
                    dit="trước ngày 19 của tháng cuối quý",
                    n="Gửi Văn phòng Ủy ban nhân dân tỉnh trước ngày 19 của tháng cuối quý",
                    ref="D.20",
                ),
                t(
                    "Tổng hợp báo cáo của Ủy ban nhân dân tỉnh gửi Văn phòng Chính phủ.",
                    [VP4],
                    [],
                    "Quý I, Quý II, Quý III và 1 năm",
                    r="Báo cáo của Ủy ban nhân dân tỉnh.",
                    ref="D.21",
                ),
            ],
        ),
    ],
)
